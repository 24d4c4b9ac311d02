package dev.companysso.identityproviders.testconnection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.companysso.identityproviders.IdpText;
import java.util.Locale;

/**
 * One step of a connection test and how it went. The text says what was seen and, for a failure,
 * what to fix: {@link #message()} in English (the admin REST API answers it), {@link #in(Locale)}
 * for a portal page.
 */
public record ConnectionCheck(String name, boolean ok, @JsonIgnore IdpText text) {

  static ConnectionCheck passed(String name, String key, Object... params) {
    return new ConnectionCheck(name, true, IdpText.of(key, params));
  }

  static ConnectionCheck failed(String name, String key, Object... params) {
    return new ConnectionCheck(name, false, IdpText.of(key, params));
  }

  @JsonProperty("message")
  public String message() {
    return text.english();
  }

  public String in(Locale locale) {
    return text.in(locale);
  }
}
