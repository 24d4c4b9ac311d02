package dev.companysso.identityproviders;

import java.util.Locale;

/**
 * What is wrong with a field of an Okta or Entra ID form, and how to fix it. An {@link
 * IllegalArgumentException} whose message is English, as Keycloak's admin REST API answers a bad
 * identity provider (400); the portal shows {@link #in(Locale)} beside the field it names.
 */
public final class FormProblem extends IllegalArgumentException {

  private final String field;
  private final transient IdpText text;

  /**
   * @param field the setting the problem is about, e.g. {@code oktaDomain}
   */
  public FormProblem(String field, String key, Object... params) {
    this(field, IdpText.of(key, params));
  }

  private FormProblem(String field, IdpText text) {
    super(text.english());
    this.field = field;
    this.text = text;
  }

  public String field() {
    return field;
  }

  public String in(Locale locale) {
    return text.in(locale);
  }
}
