package dev.companysso.core.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What is wrong with one field of a settings form, and how to fix it. An {@link
 * IllegalArgumentException} whose message is English, as Keycloak's admin REST API answers bad
 * settings (400); the portal shows {@link #in(Locale)} beside the field it names.
 */
public class FieldProblem extends IllegalArgumentException {

  private final String field;
  private final transient Texts texts;
  private final String key;
  private final List<String> params;

  /**
   * @param field the setting the problem is about, e.g. {@code oktaDomain}
   * @param key the message of {@code texts}; its parameters are {@code params}
   */
  public FieldProblem(String field, Texts texts, String key, Object... params) {
    this(field, texts, key, Arrays.stream(params).map(String::valueOf).toList());
  }

  private FieldProblem(String field, Texts texts, String key, List<String> params) {
    super(texts.format(Locale.ENGLISH, key, params));
    this.field = field;
    this.texts = texts;
    this.key = key;
    this.params = params;
  }

  public String field() {
    return field;
  }

  public String in(Locale locale) {
    return texts.format(locale, key, params);
  }
}
