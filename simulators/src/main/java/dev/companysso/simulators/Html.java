package dev.companysso.simulators;

/** The page skeleton shared by the vendor pages, and escaping for every value they echo. */
final class Html {

  private Html() {}

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * A complete document; {@code title} is escaped here, {@code style} and {@code body} must be safe
   * HTML.
   */
  static String document(String title, String style, String body) {
    return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body>
                %s
                </body>
                </html>
                """
        .formatted(escape(title), style, body);
  }
}
