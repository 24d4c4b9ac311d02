package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.openid.connect.sdk.OIDCError;

/** Every way the engine turns a request down; the vendor dialect words the description. */
enum Failure {
  UNKNOWN_CLIENT(OAuth2Error.INVALID_CLIENT),
  REDIRECT_URI_NOT_REGISTERED(OAuth2Error.INVALID_REQUEST),
  POST_LOGOUT_REDIRECT_URI_NOT_REGISTERED(OAuth2Error.INVALID_REQUEST),
  SIGN_IN_EXPIRED(OAuth2Error.INVALID_REQUEST),
  USER_NOT_ASSIGNED(OAuth2Error.ACCESS_DENIED),
  CONSENT_REQUIRED(OIDCError.CONSENT_REQUIRED),
  LOGIN_REQUIRED(OIDCError.LOGIN_REQUIRED),
  UNSUPPORTED_RESPONSE_TYPE(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE),
  UNSUPPORTED_RESPONSE_MODE(OAuth2Error.INVALID_REQUEST),
  MALFORMED_REQUEST(OAuth2Error.INVALID_REQUEST),
  CLIENT_AUTHENTICATION_MISSING(OAuth2Error.INVALID_CLIENT),
  INVALID_CLIENT_SECRET(OAuth2Error.INVALID_CLIENT),
  UNSUPPORTED_GRANT_TYPE(OAuth2Error.UNSUPPORTED_GRANT_TYPE),
  CODE_NOT_FOUND(OAuth2Error.INVALID_GRANT),
  CODE_EXPIRED(OAuth2Error.INVALID_GRANT),
  CODE_ALREADY_REDEEMED(OAuth2Error.INVALID_GRANT),
  REDIRECT_URI_MISMATCH(OAuth2Error.INVALID_GRANT),
  PKCE_VERIFICATION_FAILED(OAuth2Error.INVALID_GRANT),
  REFRESH_TOKEN_INVALID(OAuth2Error.INVALID_GRANT);

  private final ErrorObject error;

  Failure(ErrorObject error) {
    this.error = error;
  }

  ErrorObject describedBy(VendorDialect dialect, FailureContext context) {
    return error.setDescription(dialect.describe(this, context));
  }
}
