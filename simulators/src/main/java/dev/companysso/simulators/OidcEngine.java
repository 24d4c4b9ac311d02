package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The OIDC provider behaviour both vendors share. A vendor simulator routes its URL shapes to these
 * methods and supplies its looks and words through a {@link VendorDialect}. All state lives in this
 * instance.
 */
final class OidcEngine {

  /** Path regexes of one vendor's endpoints; each captures what {@code issuerFromPath} needs. */
  record EndpointPaths(
      String discovery,
      String authorize,
      String token,
      String jwks,
      String logout,
      String signIn) {}

  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  private static final Duration SIGN_IN_FORM_LIFETIME = Duration.ofMinutes(15);
  private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

  private final VendorDialect dialect;
  private final AuthorizationEndpoint authorizationEndpoint;
  private final TokenEndpoint tokenEndpoint;
  private final SignInSessions sessions;

  /** Extra time the token endpoint takes, to stand for a slow IdP. */
  private volatile Duration tokenDelay = Duration.ZERO;

  private final AtomicInteger tokenRequestsInProgress = new AtomicInteger();

  OidcEngine(VendorDialect dialect, Clock clock) {
    this.dialect = dialect;
    ExpiringStore<IssuedCode> codes = new ExpiringStore<>(CODE_LIFETIME, clock);
    this.sessions = new SignInSessions(dialect.sessionCookieName(), clock);
    this.authorizationEndpoint =
        new AuthorizationEndpoint(
            dialect, new ExpiringStore<>(SIGN_IN_FORM_LIFETIME, clock), codes, sessions, clock);
    this.tokenEndpoint =
        new TokenEndpoint(
            dialect, codes, new ExpiringStore<>(REFRESH_TOKEN_LIFETIME, clock), clock);
  }

  /** Routes the endpoints every issuer has; the vendor adds userinfo and its own extras. */
  void addRoutes(
      Router router,
      EndpointPaths paths,
      Function<Matcher, Optional<OidcProvider>> issuerFromPath) {
    router
        .on("GET", paths.discovery(), issuerFromPath, this::discovery)
        .on("GET,POST", paths.authorize(), issuerFromPath, authorizationEndpoint::authorize)
        .on(
            "POST",
            paths.token(),
            issuerFromPath,
            (exchange, provider) -> {
              tokenRequestsInProgress.incrementAndGet();
              try {
                pause(tokenDelay);
                tokenEndpoint.token(exchange, provider);
              } finally {
                tokenRequestsInProgress.decrementAndGet();
              }
            })
        .on("GET", paths.jwks(), issuerFromPath, this::jwks)
        .on("GET,POST", paths.logout(), issuerFromPath, this::logout)
        // The form names its pending request, which knows its issuer; the path only looks like the
        // vendor's.
        .on("POST", paths.signIn(), (exchange, path) -> authorizationEndpoint.signIn(exchange));
  }

  void delayTokens(Duration delay) {
    tokenDelay = delay;
  }

  int tokenRequestsInProgress() {
    return tokenRequestsInProgress.get();
  }

  private static void pause(Duration delay) {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void discovery(HttpExchange exchange, OidcProvider provider) throws IOException {
    Exchanges.sendJson(exchange, 200, provider.metadata().toJSONObject().toJSONString());
  }

  private void jwks(HttpExchange exchange, OidcProvider provider) throws IOException {
    Exchanges.sendJson(exchange, 200, provider.publicKeys().toString());
  }

  /**
   * Answers with the claims of the bearer, which must hold an access token of one of {@code
   * issuers}.
   */
  void userInfo(HttpExchange exchange, URI endpoint, Collection<OidcProvider> issuers)
      throws IOException {
    AccessToken accessToken;
    try {
      accessToken =
          UserInfoRequest.parse(Exchanges.toNimbusRequest(exchange, endpoint)).getAccessToken();
    } catch (ParseException e) {
      Exchanges.send(
          exchange, new UserInfoErrorResponse(BearerTokenError.MISSING_TOKEN).toHTTPResponse());
      return;
    }
    Optional<VerifiedAccessToken> verified = verify(accessToken, issuers);
    Optional<UserInfo> userInfo =
        verified.flatMap(token -> token.provider().policy().userInfo(token.claims()));
    if (userInfo.isEmpty()) {
      Exchanges.send(
          exchange, new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN).toHTTPResponse());
      return;
    }
    Exchanges.send(exchange, new UserInfoSuccessResponse(userInfo.get()).toHTTPResponse());
  }

  static Optional<VerifiedAccessToken> verify(
      AccessToken accessToken, Collection<OidcProvider> issuers) {
    for (OidcProvider issuer : issuers) {
      Optional<VerifiedAccessToken> verified =
          issuer
              .verifyAccessToken(accessToken.getValue())
              .map(claims -> new VerifiedAccessToken(issuer, claims));
      if (verified.isPresent()) {
        return verified;
      }
    }
    return Optional.empty();
  }

  /**
   * Ends the browser's session: back to {@code post_logout_redirect_uri} with the state when it is
   * one of the tenant's registered redirect URIs, else a signed-out page.
   */
  private void logout(HttpExchange exchange, OidcProvider provider) throws IOException {
    LogoutRequest request;
    try {
      request =
          LogoutRequest.parse(provider.endpoints().endSession(), Exchanges.parameters(exchange));
    } catch (ParseException e) {
      Exchanges.sendHtml(
          exchange,
          400,
          dialect.errorPage(
              Failure.MALFORMED_REQUEST.describedBy(
                  dialect, FailureContext.ofClientId(provider, null, e.getMessage()))));
      return;
    }
    sessions.end(exchange);
    URI target = request.getPostLogoutRedirectionURI();
    if (target == null) {
      Exchanges.sendHtml(exchange, 200, dialect.signedOutPage());
    } else if (provider.directory().clients().stream()
        .noneMatch(client -> client.admitsRedirect(target))) {
      Exchanges.sendHtml(
          exchange,
          400,
          dialect.errorPage(
              Failure.POST_LOGOUT_REDIRECT_URI_NOT_REGISTERED.describedBy(
                  dialect,
                  FailureContext.ofClientId(provider, request.getClientID(), target.toString()))));
    } else {
      Exchanges.redirect(exchange, withState(target, request.getState()));
    }
  }

  private static URI withState(URI target, State state) {
    if (state == null) {
      return target;
    }
    String query = URLUtils.serializeParameters(Map.of("state", List.of(state.getValue())));
    return URI.create(target + (target.getRawQuery() == null ? "?" : "&") + query);
  }
}
