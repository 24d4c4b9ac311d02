package dev.companysso.simulators;

import java.net.URI;

/**
 * What a vendor's sign-in page shows. {@code signInRequestId} goes in a hidden field; the
 * authorization request itself stays on the server. {@code errorMessage} is null on first display.
 */
record SignInPage(
    URI action, String signInRequestId, String appName, String username, String errorMessage) {

  static final String REQUEST_FIELD = "sign_in_request";
  static final String USERNAME_FIELD = "username";
  static final String PASSWORD_FIELD = "password";
}
