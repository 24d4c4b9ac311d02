package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Microsoft's sign-in page, its error page, and Entra's AADSTS-coded error texts and token error
 * bodies.
 */
final class EntraDialect implements VendorDialect {

  private static final Pattern AADSTS_CODE = Pattern.compile("^AADSTS(\\d+):");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
            body{margin:0;background:#f2f2f2;font-family:"Segoe UI","Helvetica Neue",Arial,sans-serif;color:#1b1b1b}
            main{width:440px;max-width:calc(100% - 40px);margin:80px auto;background:#fff;padding:44px;box-sizing:border-box;box-shadow:0 2px 6px rgba(0,0,0,.2)}
            .logo{font-weight:600;color:#737373;margin-bottom:16px}
            h1{font-size:24px;font-weight:600;margin:16px 0 12px}
            input[type=email],input[type=password]{width:100%;box-sizing:border-box;border:0;border-bottom:1px solid #666;padding:6px 0;margin:12px 0;font-size:15px}
            .win-button{display:block;margin-left:auto;min-width:108px;height:32px;margin-top:24px;background:#0067b8;color:#fff;border:0;font-size:15px}
            .alert-error{color:#e81123;margin:8px 0}
            .error-code{font-family:Consolas,monospace;font-size:13px;word-break:break-word}
            """;

  private final Clock clock;

  EntraDialect(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String signInPage(SignInPage page) {
    String error =
        page.errorMessage() == null
            ? ""
            : """
                <div id="passwordError" class="alert alert-error" role="alert">%s</div>
                """
                .formatted(Html.escape(page.errorMessage()));
    return Html.document(
        "Sign in",
        STYLE,
        """
                <main>
                <div class="logo">Microsoft</div>
                <form method="post" action="%s" name="f1" autocomplete="off">
                <h1 id="loginHeader">Sign in</h1>
                <div id="appName">to continue to %s</div>
                %s<input type="hidden" name="%s" value="%s">
                <input type="email" id="i0116" name="%s" value="%s" placeholder="Email, phone, or Skype" aria-label="Enter your email, phone, or Skype." autocomplete="username" autofocus>
                <input type="password" id="i0118" name="%s" placeholder="Password" aria-label="Enter the password" autocomplete="current-password">
                <input type="submit" id="idSIButton9" class="win-button button_primary" value="Sign in">
                </form>
                </main>
                """
            .formatted(
                Html.escape(page.action().toString()),
                Html.escape(page.appName()),
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
        "Sign in to your account",
        STYLE,
        """
                <main>
                <div class="logo">Microsoft</div>
                <h1>Sorry, but we're having trouble signing you in.</h1>
                <p class="error-code" id="error-description">%s</p>
                </main>
                """
            .formatted(Html.escape(error.getDescription())));
  }

  @Override
  public String signedOutPage() {
    return Html.document(
        "Sign out",
        STYLE,
        """
                <main><div class="logo">Microsoft</div><h1>You signed out of your account</h1>
                <p>It's a good idea to close all browser windows.</p></main>
                """);
  }

  @Override
  public String sessionCookieName() {
    // Microsoft's sign-in service keeps its session in "ESTSAUTH".
    return "ESTSAUTH";
  }

  @Override
  public String rejectedCredentialsMessage() {
    // The page shows this for AADSTS50126 (bad password) and a disabled account alike.
    return "Your account or password is incorrect.";
  }

  @Override
  public String describe(Failure failure, FailureContext context) {
    return switch (failure) {
      case UNKNOWN_CLIENT ->
          "AADSTS700016: Application with identifier '"
              + context.clientId()
              + "' was not found in the directory '"
              + context.tenant()
              + "'. This can happen if the application"
              + " has not been installed by the administrator of the tenant or consented to by any user in the"
              + " tenant. You may have sent your authentication request to the wrong tenant.";
      case REDIRECT_URI_NOT_REGISTERED, POST_LOGOUT_REDIRECT_URI_NOT_REGISTERED ->
          "AADSTS50011: The redirect URI '"
              + context.detail()
              + "' specified in the request does not match the redirect URIs configured for"
              + " the application '"
              + context.clientId()
              + "'. Make sure the redirect URI sent in the request"
              + " matches one added to your application in the Azure portal.";
      case SIGN_IN_EXPIRED -> "AADSTS50089: Authentication failed due to flow token expired.";
      case CONSENT_REQUIRED ->
          "AADSTS65001: The user or administrator has not consented to use the application with ID '"
              + context.clientId()
              + "' named '"
              + context.appName()
              + "'. Send an interactive authorization request for this user and resource.";
      case USER_NOT_ASSIGNED ->
          "AADSTS50105: Your administrator has configured the application "
              + context.appName()
              + " ('"
              + context.clientId()
              + "') to block users unless they are"
              + " specifically granted ('assigned') access to the application. The signed in user '"
              + context.detail()
              + "' is blocked because they are not a direct member of a group with access,"
              + " nor had access directly assigned by an administrator. Please contact your administrator to"
              + " assign access to this application.";
      case LOGIN_REQUIRED ->
          "AADSTS50058: A silent sign-in request was sent but no user is signed in.";
      case UNSUPPORTED_RESPONSE_TYPE ->
          "AADSTS700054: response_type is not enabled for the application. Only 'code' is supported.";
      case UNSUPPORTED_RESPONSE_MODE, MALFORMED_REQUEST ->
          "AADSTS9002313: Invalid request. Request is malformed or invalid."
              + (context.detail() == null ? "" : " " + context.detail());
      case CLIENT_AUTHENTICATION_MISSING ->
          "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.";
      case INVALID_CLIENT_SECRET ->
          "AADSTS7000215: Invalid client secret provided. Ensure the secret being"
              + " sent in the request is the client secret value, not the client secret ID, for a secret added"
              + " to app '"
              + context.clientId()
              + "'.";
      case UNSUPPORTED_GRANT_TYPE -> "AADSTS70003: The app requested an unsupported grant type.";
      case CODE_NOT_FOUND, REFRESH_TOKEN_INVALID ->
          "AADSTS70000: Provided grant is invalid or malformed.";
      case CODE_EXPIRED ->
          "AADSTS70008: The provided authorization code or refresh token has expired due to"
              + " inactivity. Send a new interactive authorization request for this user and resource.";
      case CODE_ALREADY_REDEEMED ->
          "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry"
              + " with a new valid code or use an existing refresh token.";
      case REDIRECT_URI_MISMATCH ->
          "AADSTS500112: The reply address '"
              + context.detail()
              + "' does not match"
              + " the reply address provided when requesting Authorization code.";
      case PKCE_VERIFICATION_FAILED ->
          "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.";
    };
  }

  /** Entra's token errors add the numeric codes and ids a support case asks for. */
  @Override
  public HTTPResponse tokenErrorResponse(ErrorObject error) {
    JSONObject body = new TokenErrorResponse(error).toJSONObject();
    Matcher code = AADSTS_CODE.matcher(error.getDescription());
    body.put("error_codes", code.find() ? List.of(Integer.parseInt(code.group(1))) : List.of());
    body.put("timestamp", TIMESTAMP.format(clock.instant()));
    body.put("trace_id", UUID.randomUUID().toString());
    body.put("correlation_id", UUID.randomUUID().toString());
    HTTPResponse response = VendorDialect.super.tokenErrorResponse(error);
    response.setContent(body.toJSONString());
    return response;
  }
}
