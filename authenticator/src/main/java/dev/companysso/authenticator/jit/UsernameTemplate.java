package dev.companysso.authenticator.jit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A username made from the identity provider's claims, e.g. {@code ${email}} or {@code
 * ${company}.${preferred_username}}. A placeholder without a value makes the whole username absent,
 * so nobody gets a half-made name such as {@code "acme."}.
 */
final class UsernameTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

  private final String template;

  UsernameTemplate(String template) {
    this.template = template;
  }

  /** Whether the template is well-formed: only {@code ${name}} placeholders, at least one. */
  static boolean isValid(String template) {
    if (template == null || template.isBlank() || !PLACEHOLDER.matcher(template).find()) {
      return false;
    }
    return !PLACEHOLDER.matcher(template).replaceAll("").contains("${");
  }

  Optional<String> render(Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder username = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      placeholder.appendReplacement(username, Matcher.quoteReplacement(value.strip()));
    }
    placeholder.appendTail(username);
    // Keycloak stores usernames in lowercase; doing it here keeps collisions predictable.
    return Optional.of(username.toString().toLowerCase(Locale.ROOT));
  }
}
