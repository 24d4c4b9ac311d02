package dev.companysso.simulators;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Okta's org authorization server granting client_credentials to API service apps: the client
 * authenticates with a JWT signed by its private key (private_key_jwt) and gets an access token for
 * the okta.* scopes an admin granted it, which the org's management API accepts.
 */
final class OktaServiceAppTokens implements AppTokenIssuer {

  private static final Duration LIFETIME = Duration.ofHours(1);

  private final OktaOrg org;
  private final Clock clock;

  OktaServiceAppTokens(OktaOrg org, Clock clock) {
    this.org = org;
    this.clock = clock;
  }

  @Override
  public HTTPResponse issue(OidcProvider provider, TokenRequest request) {
    if (!(request.getClientAuthentication() instanceof PrivateKeyJWT assertion)) {
      return invalidClient(
          "Client authentication failed. Either the client or the client credentials are"
              + " invalid.");
    }
    Optional<OktaOrg.ServiceApp> app = org.serviceApp(assertion.getClientID().getValue());
    if (app.isEmpty()) {
      return invalidClient("Invalid value for 'client_id' parameter.");
    }
    SignedJWT jwt = assertion.getClientAssertion();
    if (!signedBy(jwt, app.get())) {
      return invalidClient("The client_assertion signature is invalid.");
    }
    JWTClaimsSet claims = assertion.getJWTAuthenticationClaimsSet().toJWTClaimsSet();
    Instant now = clock.instant();
    if (claims.getExpirationTime() == null
        || !claims.getExpirationTime().toInstant().isAfter(now)) {
      return invalidClient("The client_assertion token is expired.");
    }
    String tokenEndpoint = provider.endpoints().token().toString();
    if (claims.getAudience() == null || !claims.getAudience().contains(tokenEndpoint)) {
      return invalidClient(
          "The audience claim for client_assertion must be the endpoint invoking the"
              + " client_assertion.");
    }
    Scope scope = request.getScope();
    if (scope == null || scope.isEmpty()) {
      return error(
          OAuth2Error.INVALID_SCOPE.setDescription(
              "The authorization server resource does not have any configured default scopes,"
                  + " 'scope' must be provided."));
    }
    List<String> notGranted =
        scope.toStringList().stream().filter(s -> !app.get().scopes().contains(s)).toList();
    if (!notGranted.isEmpty()) {
      return error(
          OAuth2Error.INVALID_SCOPE.setDescription(
              "The following scopes are not allowed: " + String.join(" ", notGranted)));
    }
    SignedJWT accessToken = provider.sign(accessTokenClaims(provider, app.get(), scope, now));
    return new AccessTokenResponse(
            new Tokens(
                new BearerAccessToken(accessToken.serialize(), LIFETIME.toSeconds(), scope), null))
        .toHTTPResponse();
  }

  private static boolean signedBy(SignedJWT jwt, OktaOrg.ServiceApp app) {
    try {
      return JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          && jwt.verify(new RSASSAVerifier(app.publicKey()));
    } catch (JOSEException e) {
      return false;
    }
  }

  /**
   * Okta's access token for a service app: no user, the app is the subject; for the org itself,
   * like every org authorization server token.
   */
  private static JWTClaimsSet accessTokenClaims(
      OidcProvider provider, OktaOrg.ServiceApp app, Scope scope, Instant now) {
    String orgUrl = provider.issuer().getValue();
    return new JWTClaimsSet.Builder()
        .claim("ver", 1)
        .jwtID("AT." + new JWTID().getValue())
        .issuer(orgUrl)
        .audience(orgUrl)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)))
        .claim("cid", app.clientId())
        .claim("scp", scope.toStringList())
        .subject(app.clientId())
        .build();
  }

  private static HTTPResponse invalidClient(String description) {
    return error(OAuth2Error.INVALID_CLIENT.setDescription(description));
  }

  private static HTTPResponse error(ErrorObject error) {
    return new TokenErrorResponse(error).toHTTPResponse();
  }
}
