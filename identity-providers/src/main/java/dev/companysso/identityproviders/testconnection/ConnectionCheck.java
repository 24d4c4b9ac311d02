package dev.companysso.identityproviders.testconnection;

/**
 * One step of a connection test and how it went. {@code message} says what was seen and, for a
 * failure, what to fix.
 */
public record ConnectionCheck(String name, boolean ok, String message) {

  static ConnectionCheck passed(String name, String message) {
    return new ConnectionCheck(name, true, message);
  }

  static ConnectionCheck failed(String name, String message) {
    return new ConnectionCheck(name, false, message);
  }
}
