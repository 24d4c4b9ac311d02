package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;

/** How a vendor looks and words things: its pages, messages and error bodies. */
interface VendorDialect {

  String signInPage(SignInPage page);

  /** The page shown instead of a redirect when the client or redirect URI cannot be trusted. */
  String errorPage(ErrorObject error);

  String signedOutPage();

  /** The cookie holding the vendor's own sign-in session. */
  String sessionCookieName();

  /** Shown on the sign-in form after a wrong username, wrong password or inactive account. */
  String rejectedCredentialsMessage();

  String describe(Failure failure, FailureContext context);

  default HTTPResponse tokenErrorResponse(ErrorObject error) {
    return new TokenErrorResponse(error).toHTTPResponse();
  }
}
