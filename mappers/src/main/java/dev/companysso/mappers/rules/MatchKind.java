package dev.companysso.mappers.rules;

import com.google.re2j.Pattern;

/**
 * How a rule's pattern compares with a group value. Written as a prefix of the pattern in the table
 * ({@code glob:eng-*}, {@code regex:^team-.+$}); no prefix means an exact match.
 */
public enum MatchKind {
  EXACT(""),
  GLOB("glob:"),
  REGEX("regex:");

  private final String prefix;

  MatchKind(String prefix) {
    this.prefix = prefix;
  }

  static MatchKind of(String pattern) {
    if (pattern.startsWith(GLOB.prefix)) {
      return GLOB;
    }
    return pattern.startsWith(REGEX.prefix) ? REGEX : EXACT;
  }

  String body(String pattern) {
    return pattern.substring(prefix.length());
  }

  /** The glob as a regular expression: {@code *} is any run of characters, {@code ?} one. */
  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        appendQuoted(regex, literal);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    appendQuoted(regex, literal);
    return regex.toString();
  }

  private static void appendQuoted(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
