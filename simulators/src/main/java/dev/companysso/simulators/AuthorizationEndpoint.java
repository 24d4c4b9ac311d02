package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The authorization endpoint and the sign-in form it shows: from authorization request to code. */
final class AuthorizationEndpoint {

  private final VendorDialect dialect;
  private final ExpiringStore<PendingSignIn> pendingSignIns;
  private final ExpiringStore<IssuedCode> codes;
  private final SignInSessions sessions;
  private final Clock clock;

  AuthorizationEndpoint(
      VendorDialect dialect,
      ExpiringStore<PendingSignIn> pendingSignIns,
      ExpiringStore<IssuedCode> codes,
      SignInSessions sessions,
      Clock clock) {
    this.dialect = dialect;
    this.pendingSignIns = pendingSignIns;
    this.codes = codes;
    this.sessions = sessions;
    this.clock = clock;
  }

  void authorize(HttpExchange exchange, OidcProvider provider) throws IOException {
    Map<String, List<String>> parameters = Exchanges.parameters(exchange);
    AuthenticationRequest request;
    try {
      request = AuthenticationRequest.parse(provider.endpoints().authorization(), parameters);
    } catch (ParseException e) {
      rejectMalformed(exchange, provider, e);
      return;
    }
    Optional<RegisteredClient> client =
        trustedClient(exchange, provider, request.getClientID(), request.getRedirectionURI());
    if (client.isEmpty()) {
      return;
    }
    Optional<Failure> unsupported = unsupportedFeature(request);
    if (unsupported.isPresent()) {
      redirectWithError(
          exchange,
          request.getRedirectionURI(),
          request.getState(),
          unsupported.get().describedBy(dialect, FailureContext.of(provider, client.get(), null)));
      return;
    }
    PendingSignIn signIn = new PendingSignIn(provider, client.get(), request);
    Optional<Account> signedIn =
        sessions
            .current(exchange, provider.directory())
            .filter(account -> mayReuseSession(request, account));
    if (signedIn.isPresent()) {
      completeSignIn(exchange, signIn, signedIn.get());
      return;
    }
    if (request.getPrompt() != null && request.getPrompt().contains(Prompt.Type.NONE)) {
      redirectWithError(
          exchange,
          request.getRedirectionURI(),
          request.getState(),
          Failure.LOGIN_REQUIRED.describedBy(
              dialect, FailureContext.of(provider, client.get(), null)));
      return;
    }
    // Both vendors prefill the username from login_hint, which brokers send once they know the
    // user.
    showSignInForm(exchange, signIn, pendingSignIns.put(signIn), request.getLoginHint(), null);
  }

  void signIn(HttpExchange exchange) throws IOException {
    Map<String, List<String>> form = Exchanges.parameters(exchange);
    String signInRequestId = Exchanges.parameter(form, SignInPage.REQUEST_FIELD);
    String username = Exchanges.parameter(form, SignInPage.USERNAME_FIELD);
    Optional<PendingSignIn> pending = pendingSignIns.peek(signInRequestId);
    if (pending.isEmpty()) {
      showErrorPage(exchange, Failure.SIGN_IN_EXPIRED.describedBy(dialect, FailureContext.NONE));
      return;
    }
    PendingSignIn signIn = pending.get();
    Optional<Account> account =
        signIn
            .provider()
            .directory()
            .authenticate(username, Exchanges.parameter(form, SignInPage.PASSWORD_FIELD));
    if (account.isEmpty()) {
      showSignInForm(
          exchange, signIn, signInRequestId, username, dialect.rejectedCredentialsMessage());
    } else if (pendingSignIns.redeem(signInRequestId).outcome() != ExpiringStore.Outcome.REDEEMED) {
      // The same form was submitted twice at once; only the first submission gets a code.
      showErrorPage(exchange, Failure.SIGN_IN_EXPIRED.describedBy(dialect, FailureContext.NONE));
    } else {
      // The vendor's session starts with the password, before the app assignment is checked.
      sessions.start(exchange, signIn.provider().directory(), account.get());
      completeSignIn(exchange, signIn, account.get());
    }
  }

  /**
   * A session answers the request unless the client asks for a fresh sign-in, or names another user
   * in {@code login_hint} (Entra then shows its account picker, Okta its form).
   */
  private static boolean mayReuseSession(AuthenticationRequest request, Account account) {
    Prompt prompt = request.getPrompt();
    if (prompt != null
        && (prompt.contains(Prompt.Type.LOGIN) || prompt.contains(Prompt.Type.SELECT_ACCOUNT))) {
      return false;
    }
    String hint = request.getLoginHint();
    return hint == null || hint.isBlank() || hint.trim().equalsIgnoreCase(account.username());
  }

  private void completeSignIn(HttpExchange exchange, PendingSignIn signIn, Account account)
      throws IOException {
    AuthenticationRequest request = signIn.request();
    if (!signIn.client().isAssigned(account)) {
      // Both vendors check app assignment only after the password, then send the user back to the
      // app.
      redirectWithError(
          exchange,
          request.getRedirectionURI(),
          request.getState(),
          Failure.USER_NOT_ASSIGNED.describedBy(
              dialect, FailureContext.of(signIn.provider(), signIn.client(), account.username())));
      return;
    }
    if (!signIn.client().consented()) {
      redirectWithError(
          exchange,
          request.getRedirectionURI(),
          request.getState(),
          Failure.CONSENT_REQUIRED.describedBy(
              dialect, FailureContext.of(signIn.provider(), signIn.client(), account.username())));
      return;
    }
    Grant grant =
        new Grant(
            signIn.provider(),
            signIn.client(),
            account,
            request.getScope(),
            request.getNonce(),
            clock.instant());
    String code =
        codes.put(
            new IssuedCode(
                grant,
                request.getRedirectionURI(),
                request.getCodeChallenge(),
                request.getCodeChallengeMethod()));
    Exchanges.redirect(
        exchange,
        new AuthenticationSuccessResponse(
                request.getRedirectionURI(),
                new AuthorizationCode(code),
                null,
                null,
                request.getState(),
                null,
                ResponseMode.QUERY)
            .toURI());
  }

  /**
   * The client, if it is registered here and the redirect URI is one of its own; otherwise shows an
   * error page.
   */
  private Optional<RegisteredClient> trustedClient(
      HttpExchange exchange, OidcProvider provider, ClientID clientId, URI redirectUri)
      throws IOException {
    Optional<RegisteredClient> client = provider.directory().client(clientId);
    if (client.isEmpty()) {
      showErrorPage(
          exchange,
          Failure.UNKNOWN_CLIENT.describedBy(
              dialect, FailureContext.ofClientId(provider, clientId, null)));
      return Optional.empty();
    }
    if (!client.get().admitsRedirect(redirectUri)) {
      showErrorPage(
          exchange,
          Failure.REDIRECT_URI_NOT_REGISTERED.describedBy(
              dialect,
              FailureContext.of(
                  provider, client.get(), redirectUri == null ? null : redirectUri.toString())));
      return Optional.empty();
    }
    return client;
  }

  private void rejectMalformed(HttpExchange exchange, OidcProvider provider, ParseException e)
      throws IOException {
    Optional<RegisteredClient> client =
        trustedClient(exchange, provider, e.getClientID(), e.getRedirectionURI());
    if (client.isPresent()) {
      ErrorObject nimbusError =
          e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
      ErrorObject error =
          new ErrorObject(
              nimbusError.getCode(),
              dialect.describe(
                  Failure.MALFORMED_REQUEST,
                  FailureContext.of(provider, client.get(), e.getMessage())));
      redirectWithError(exchange, e.getRedirectionURI(), e.getState(), error);
    }
  }

  private static Optional<Failure> unsupportedFeature(AuthenticationRequest request) {
    if (!ResponseType.CODE.equals(request.getResponseType())) {
      return Optional.of(Failure.UNSUPPORTED_RESPONSE_TYPE);
    }
    if (request.getResponseMode() != null
        && !ResponseMode.QUERY.equals(request.getResponseMode())) {
      return Optional.of(Failure.UNSUPPORTED_RESPONSE_MODE);
    }
    return Optional.empty();
  }

  private void showSignInForm(
      HttpExchange exchange,
      PendingSignIn signIn,
      String signInRequestId,
      String username,
      String errorMessage)
      throws IOException {
    SignInPage page =
        new SignInPage(
            signIn.provider().endpoints().signInForm(),
            signInRequestId,
            signIn.client().appName(),
            username,
            errorMessage);
    Exchanges.sendHtml(exchange, 200, dialect.signInPage(page));
  }

  private void showErrorPage(HttpExchange exchange, ErrorObject error) throws IOException {
    Exchanges.sendHtml(exchange, 400, dialect.errorPage(error));
  }

  private static void redirectWithError(
      HttpExchange exchange, URI redirectUri, State state, ErrorObject error) throws IOException {
    Exchanges.redirect(
        exchange,
        new AuthenticationErrorResponse(redirectUri, error, state, ResponseMode.QUERY).toURI());
  }
}
