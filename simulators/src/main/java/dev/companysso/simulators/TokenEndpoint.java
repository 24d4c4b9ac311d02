package dev.companysso.simulators;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The token endpoint: client authentication, then the authorization_code or refresh_token grant.
 * The client_credentials grant goes to the issuer's {@link AppTokenIssuer}, which authenticates
 * clients its vendor's way.
 */
final class TokenEndpoint {

  private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  /** Thrown inside the endpoint to leave with a vendor-worded OAuth error. */
  private static final class Rejection extends Exception {
    private final Failure failure;
    private final FailureContext context;

    Rejection(Failure failure, FailureContext context) {
      super(failure.name(), null, false, false);
      this.failure = failure;
      this.context = context;
    }
  }

  private final VendorDialect dialect;
  private final ExpiringStore<IssuedCode> codes;
  private final ExpiringStore<Grant> refreshTokens;
  private final Clock clock;

  TokenEndpoint(
      VendorDialect dialect,
      ExpiringStore<IssuedCode> codes,
      ExpiringStore<Grant> refreshTokens,
      Clock clock) {
    this.dialect = dialect;
    this.codes = codes;
    this.refreshTokens = refreshTokens;
    this.clock = clock;
  }

  void token(HttpExchange exchange, OidcProvider provider) throws IOException {
    try {
      TokenRequest request = parse(exchange, provider);
      Optional<AppTokenIssuer> appTokens = provider.appTokens();
      if (request.getAuthorizationGrant() instanceof ClientCredentialsGrant
          && appTokens.isPresent()) {
        Exchanges.send(exchange, appTokens.get().issue(provider, request));
        return;
      }
      RegisteredClient client = authenticateClient(provider, request.getClientAuthentication());
      OIDCTokens tokens = respondToGrant(provider, client, request.getAuthorizationGrant());
      Exchanges.send(exchange, new OIDCTokenResponse(tokens).toHTTPResponse());
    } catch (Rejection rejection) {
      Exchanges.send(
          exchange,
          dialect.tokenErrorResponse(rejection.failure.describedBy(dialect, rejection.context)));
    }
  }

  private static TokenRequest parse(HttpExchange exchange, OidcProvider provider)
      throws IOException, Rejection {
    try {
      return TokenRequest.parse(Exchanges.toNimbusRequest(exchange, provider.endpoints().token()));
    } catch (ParseException e) {
      boolean unsupportedGrant =
          e.getErrorObject() != null
              && OAuth2Error.UNSUPPORTED_GRANT_TYPE.getCode().equals(e.getErrorObject().getCode());
      throw new Rejection(
          unsupportedGrant ? Failure.UNSUPPORTED_GRANT_TYPE : Failure.MALFORMED_REQUEST,
          FailureContext.ofClientId(provider, e.getClientID(), e.getMessage()));
    }
  }

  private static RegisteredClient authenticateClient(
      OidcProvider provider, ClientAuthentication authentication) throws Rejection {
    if (!(authentication instanceof PlainClientSecret presented)) {
      throw new Rejection(
          Failure.CLIENT_AUTHENTICATION_MISSING,
          FailureContext.ofClientId(
              provider, authentication == null ? null : authentication.getClientID(), null));
    }
    RegisteredClient client =
        provider
            .directory()
            .client(presented.getClientID())
            .orElseThrow(
                () ->
                    new Rejection(
                        Failure.UNKNOWN_CLIENT,
                        FailureContext.ofClientId(provider, presented.getClientID(), null)));
    if (!client.authenticatedBy(presented.getClientSecret())) {
      throw new Rejection(Failure.INVALID_CLIENT_SECRET, FailureContext.of(provider, client, null));
    }
    return client;
  }

  private OIDCTokens respondToGrant(
      OidcProvider provider, RegisteredClient client, AuthorizationGrant grant) throws Rejection {
    if (grant instanceof AuthorizationCodeGrant codeGrant) {
      Grant redeemed = redeemCode(provider, client, codeGrant);
      RefreshToken refreshToken =
          redeemed.scope().contains(OIDCScopeValue.OFFLINE_ACCESS)
              ? new RefreshToken(refreshTokens.put(redeemed.withoutNonce()))
              : null;
      return issue(redeemed, refreshToken);
    }
    if (grant instanceof RefreshTokenGrant refreshGrant) {
      RefreshToken refreshToken = refreshGrant.getRefreshToken();
      Grant refreshed =
          refreshTokens
              .peek(refreshToken.getValue())
              .filter(
                  stored ->
                      stored.provider() == provider
                          && stored.client().clientId().equals(client.clientId())
                          && provider.directory().stillActive(stored.account()))
              .orElseThrow(
                  () ->
                      new Rejection(
                          Failure.REFRESH_TOKEN_INVALID,
                          FailureContext.of(provider, client, null)));
      return issue(refreshed, refreshToken);
    }
    throw new Rejection(
        Failure.UNSUPPORTED_GRANT_TYPE,
        FailureContext.of(provider, client, grant.getType().getValue()));
  }

  private Grant redeemCode(
      OidcProvider provider, RegisteredClient client, AuthorizationCodeGrant codeGrant)
      throws Rejection {
    ExpiringStore.Redemption<IssuedCode> redemption =
        codes.redeem(codeGrant.getAuthorizationCode().getValue());
    URI presentedRedirect = codeGrant.getRedirectionURI();
    FailureContext context =
        FailureContext.of(
            provider, client, presentedRedirect == null ? null : presentedRedirect.toString());
    switch (redemption.outcome()) {
      case UNKNOWN -> throw new Rejection(Failure.CODE_NOT_FOUND, context);
      case EXPIRED -> throw new Rejection(Failure.CODE_EXPIRED, context);
      case ALREADY_REDEEMED -> throw new Rejection(Failure.CODE_ALREADY_REDEEMED, context);
      case REDEEMED -> {}
    }
    IssuedCode issued = redemption.value();
    Grant grant = issued.grant();
    if (grant.provider() != provider || !grant.client().clientId().equals(client.clientId())) {
      throw new Rejection(Failure.CODE_NOT_FOUND, context);
    }
    if (!Objects.equals(issued.redirectUri(), presentedRedirect)) {
      throw new Rejection(Failure.REDIRECT_URI_MISMATCH, context);
    }
    if (!issued.satisfiedBy(codeGrant.getCodeVerifier())) {
      throw new Rejection(Failure.PKCE_VERIFICATION_FAILED, context);
    }
    return grant;
  }

  private OIDCTokens issue(Grant grant, RefreshToken refreshToken) {
    OidcProvider provider = grant.provider();
    IssuerPolicy policy = provider.policy();
    Instant issuedAt = clock.instant();
    Instant expiresAt = issuedAt.plus(TOKEN_LIFETIME);
    IDTokenClaimsSet idTokenClaims =
        new IDTokenClaimsSet(
            provider.issuer(),
            policy.subject(grant),
            List.of(new Audience(grant.client().clientId())),
            Date.from(expiresAt),
            Date.from(issuedAt));
    idTokenClaims.setNonce(grant.nonce());
    policy.addIdTokenClaims(idTokenClaims, grant, issuedAt);
    SignedJWT idToken;
    try {
      idToken = provider.sign(idTokenClaims.toJWTClaimsSet());
    } catch (ParseException e) {
      throw new IllegalStateException("The vendor policy produced an invalid id token", e);
    }
    SignedJWT accessToken = provider.sign(policy.accessTokenClaims(grant, issuedAt, expiresAt));
    return new OIDCTokens(
        idToken,
        new BearerAccessToken(accessToken.serialize(), TOKEN_LIFETIME.toSeconds(), grant.scope()),
        refreshToken);
  }
}
