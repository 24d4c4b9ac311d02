package dev.companysso.identityproviders;

import dev.companysso.core.text.FieldProblem;

/** What is wrong with a field of an Okta or Entra ID form, in the texts of these types. */
public final class FormProblem extends FieldProblem {

  /**
   * @param field the setting the problem is about, e.g. {@code oktaDomain}
   */
  public FormProblem(String field, String key, Object... params) {
    super(field, IdpText.TEXTS, key, params);
  }
}
