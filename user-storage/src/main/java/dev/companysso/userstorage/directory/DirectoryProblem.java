package dev.companysso.userstorage.directory;

import dev.companysso.core.text.FieldProblem;
import dev.companysso.core.text.Texts;

/**
 * What is wrong with a setting of a directory provider, in the texts beside this class ({@code
 * DirectoryTexts*.properties}): English for the admin console and the sync report, the visitor's
 * language in the portal.
 */
public final class DirectoryProblem extends FieldProblem {

  public static final Texts TEXTS = new Texts(DirectoryProblem.class, "DirectoryTexts");

  /**
   * @param field the setting the problem is about, e.g. {@code apiToken}
   */
  public DirectoryProblem(String field, String key, Object... params) {
    super(field, TEXTS, key, params);
  }
}
