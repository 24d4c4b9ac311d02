package dev.companysso.identityproviders;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A message of the Okta and Entra ID types about a form or a connection: in English for the admin
 * console, the admin REST API and the log; in the visitor's language on the portal's pages. The
 * texts are in {@code IdpTexts*.properties} beside this class (MessageFormat patterns).
 */
public record IdpText(String key, List<String> params) {

  private static final String BUNDLE = "dev.companysso.identityproviders.IdpTexts";

  public static IdpText of(String key, Object... params) {
    return new IdpText(key, Arrays.stream(params).map(String::valueOf).toList());
  }

  public String in(Locale locale) {
    ResourceBundle texts;
    try {
      texts =
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              IdpText.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      throw new IllegalStateException("The texts of the identity provider types are missing", e);
    }
    return new MessageFormat(texts.getString(key), locale).format(params.toArray());
  }

  public String english() {
    return in(Locale.ENGLISH);
  }
}
