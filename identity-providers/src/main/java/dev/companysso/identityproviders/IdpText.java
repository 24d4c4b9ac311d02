package dev.companysso.identityproviders;

import dev.companysso.core.text.Texts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A message of the Okta and Entra ID types about a form or a connection: in English for the admin
 * console, the admin REST API and the log; in the visitor's language on the portal's pages. The
 * texts are in {@code IdpTexts*.properties} beside this class (MessageFormat patterns).
 */
public record IdpText(String key, List<String> params) {

  static final Texts TEXTS = new Texts(IdpText.class, "IdpTexts");

  public static IdpText of(String key, Object... params) {
    return new IdpText(key, Arrays.stream(params).map(String::valueOf).toList());
  }

  public String in(Locale locale) {
    return TEXTS.format(locale, key, params);
  }

  public String english() {
    return in(Locale.ENGLISH);
  }
}
