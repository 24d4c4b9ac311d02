package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.ErrorObject;

/** Okta's classic sign-in widget, its error page and the error texts its OAuth endpoints send. */
final class OktaDialect implements VendorDialect {

  private static final String STYLE =
      """
            body{margin:0;background:#f9f9f9;font-family:"proxima nova",Arial,sans-serif;color:#5e5e5e}
            main{width:400px;margin:60px auto;background:#fff;border:1px solid #ddd;border-radius:3px;box-shadow:0 2px 0 rgba(175,175,175,.12)}
            .okta-sign-in-header{padding:30px 90px 20px;border-bottom:1px solid #ddd;text-align:center;font-weight:bold;color:#1662dd}
            .auth-content{padding:20px 42px 42px}
            h1,h2{font-size:15px;color:#5e5e5e;text-align:center;margin:10px 0 20px}
            label{display:block;font-weight:bold;margin:12px 0 6px}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;height:40px;padding:6px 8px;border:1px solid #8c8c96;border-radius:3px}
            .button-primary{width:100%;height:50px;margin-top:24px;background:#1662dd;color:#fff;border:0;border-radius:3px;font-size:14px}
            .o-form-error-container{background:#fff0f0;border:1px solid #e34843;padding:12px;margin-bottom:12px;color:#e34843}
            .okta-form-infobox-error{margin:0}
            dl{margin:0}dt{font-weight:bold;margin-top:12px}dd{margin:4px 0 0}
            """;

  @Override
  public String signInPage(SignInPage page) {
    String error =
        page.errorMessage() == null
            ? ""
            : """
                <div class="o-form-error-container" role="alert"><p class="okta-form-infobox-error">%s</p></div>
                """
                .formatted(Html.escape(page.errorMessage()));
    return Html.document(
        "Sign In",
        STYLE,
        """
                <main id="okta-sign-in" class="auth-container main-container">
                <div class="okta-sign-in-header auth-header">%s</div>
                <div class="auth-content primary-auth">
                <form method="post" action="%s" class="primary-auth-form o-form" autocomplete="off">
                <h2 class="okta-form-title o-form-head">Sign In</h2>
                %s<input type="hidden" name="%s" value="%s">
                <label for="okta-signin-username">Username</label>
                <input type="text" id="okta-signin-username" name="%s" value="%s" autocomplete="username" autofocus>
                <label for="okta-signin-password">Password</label>
                <input type="password" id="okta-signin-password" name="%s" autocomplete="current-password">
                <input type="submit" id="okta-signin-submit" class="button button-primary" value="Sign In">
                </form>
                </div>
                </main>
                """
            .formatted(
                Html.escape(page.appName()),
                Html.escape(page.action().toString()),
                error,
                SignInPage.REQUEST_FIELD,
                Html.escape(page.signInRequestId()),
                SignInPage.USERNAME_FIELD,
                Html.escape(page.username()),
                SignInPage.PASSWORD_FIELD));
  }

  @Override
  public String errorPage(ErrorObject error) {
    return Html.document(
        "400 Bad Request",
        STYLE,
        """
                <main><div class="auth-content">
                <h1>400 Bad Request</h1>
                <p>Your request resulted in an error.</p>
                <dl><dt>Error Code:</dt><dd id="error-code">%s</dd><dt>Description:</dt><dd id="error-description">%s</dd></dl>
                </div></main>
                """
            .formatted(Html.escape(error.getCode()), Html.escape(error.getDescription())));
  }

  @Override
  public String signedOutPage() {
    return Html.document(
        "Signed Out",
        STYLE,
        """
                <main><div class="auth-content"><h1>You have been signed out</h1></div></main>
                """);
  }

  @Override
  public String sessionCookieName() {
    // Okta keeps its session in the "sid" cookie of the org domain.
    return "sid";
  }

  @Override
  public String rejectedCredentialsMessage() {
    return "Unable to sign in";
  }

  @Override
  public String describe(Failure failure, FailureContext context) {
    return switch (failure) {
      case UNKNOWN_CLIENT -> "Invalid value for 'client_id' parameter.";
      case REDIRECT_URI_NOT_REGISTERED ->
          "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.";
      case POST_LOGOUT_REDIRECT_URI_NOT_REGISTERED ->
          "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.";
      case SIGN_IN_EXPIRED ->
          "The sign-in request has expired. Return to the application and sign in again.";
      case USER_NOT_ASSIGNED -> "User is not assigned to the client application.";
      case CONSENT_REQUIRED ->
          "The client specified not to prompt, but the client app requires user consent with the"
              + " org.";
      case LOGIN_REQUIRED -> "The client specified not to prompt, but the user is not logged in.";
      case UNSUPPORTED_RESPONSE_TYPE ->
          "The response type is not supported by the authorization server.";
      case UNSUPPORTED_RESPONSE_MODE ->
          "The response mode is not supported by the authorization server.";
      case MALFORMED_REQUEST -> context.detail();
      case CLIENT_AUTHENTICATION_MISSING ->
          "Client authentication failed. Either the client or the client credentials are invalid.";
      case INVALID_CLIENT_SECRET ->
          "The client secret supplied for a confidential client is invalid.";
      case UNSUPPORTED_GRANT_TYPE -> "The grant type is not supported by the authorization server.";
      case CODE_NOT_FOUND, CODE_EXPIRED, CODE_ALREADY_REDEEMED ->
          "The authorization code is invalid or has expired.";
      case REDIRECT_URI_MISMATCH ->
          "The 'redirect_uri' does not match the redirection URI used in the authorization request.";
      case PKCE_VERIFICATION_FAILED -> "PKCE verification failed.";
      case REFRESH_TOKEN_INVALID -> "The refresh token is invalid or expired.";
    };
  }
}
