package dev.companysso.mappers.rules;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * One row of a mapping table: a group pattern and the targets (roles or Keycloak groups) it grants.
 * {@code number} is the 1-based row, the name admins see in every message.
 */
public record GroupRule(int number, String pattern, MatchKind kind, List<String> targets) {

  /**
   * The compiled pattern of a glob or regex rule, {@code null} for an exact rule. RE2/J, not {@code
   * java.util.regex}: it matches in time linear in the value, so no pattern an admin saves and no
   * group name an IdP or a SCIM client sends can make a login backtrack for seconds.
   */
  Pattern compiled() {
    return switch (kind) {
      case EXACT -> null;
      case GLOB -> Pattern.compile(MatchKind.globToRegex(kind.body(pattern)));
      case REGEX -> Pattern.compile(kind.body(pattern));
    };
  }

  /** The value an exact rule matches. */
  String exactValue() {
    return kind.body(pattern);
  }

  /**
   * The literal text every matching value starts with, so a rule is tried only on the groups in
   * that range of the sorted claim: the part of a glob before its first wildcard, or the {@code
   * ^literal} start of a regex. Empty when there is none.
   */
  String literalPrefix() {
    String body = kind.body(pattern);
    return switch (kind) {
      case EXACT -> body;
      case GLOB -> body.substring(0, firstIndexOf(body, "*?"));
      // An alternation can match without the first branch's start.
      case REGEX ->
          body.startsWith("^") && body.indexOf('|') < 0 ? leadingLiteral(body.substring(1)) : "";
    };
  }

  /** Rows are named by number and pattern: "Rule 3 (regex:[a-z)". */
  public String label() {
    return "Rule " + number + " (" + pattern + ")";
  }

  private static int firstIndexOf(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  /** Letters, digits and a few safe punctuation marks; stops before anything a regex reads. */
  private static String leadingLiteral(String regex) {
    int end = 0;
    while (end < regex.length()) {
      char c = regex.charAt(end);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ' ' || c == ':')) {
        break;
      }
      end++;
    }
    // A quantifier after the last literal character makes that character optional.
    if (end < regex.length() && end > 0 && "?*{".indexOf(regex.charAt(end)) >= 0) {
      end--;
    }
    return regex.substring(0, end);
  }
}
