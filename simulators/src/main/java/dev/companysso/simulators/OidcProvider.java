package dev.companysso.simulators;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One issuer: an Okta authorization server or an Entra tenant, with its own signing key. */
final class OidcProvider {

  private static final Set<String> ACCESS_TOKEN_CLAIMS = Set.of("sub", "iat", "exp");

  private final Issuer issuer;
  private final ProviderEndpoints endpoints;
  private volatile SigningKey signingKey = SigningKey.generate();

  /** The key before the last rotation: published and accepted until the next one, as vendors do. */
  private volatile SigningKey previousKey;

  private final TenantDirectory directory;
  private final IssuerPolicy policy;
  private final AppTokenIssuer appTokens;

  /** {@code appTokens} null: the issuer does not grant client_credentials. */
  OidcProvider(
      String issuer,
      ProviderEndpoints endpoints,
      TenantDirectory directory,
      IssuerPolicy policy,
      AppTokenIssuer appTokens) {
    this.issuer = new Issuer(issuer);
    this.endpoints = endpoints;
    this.directory = directory;
    this.policy = policy;
    this.appTokens = appTokens;
  }

  Issuer issuer() {
    return issuer;
  }

  ProviderEndpoints endpoints() {
    return endpoints;
  }

  TenantDirectory directory() {
    return directory;
  }

  IssuerPolicy policy() {
    return policy;
  }

  Optional<AppTokenIssuer> appTokens() {
    return Optional.ofNullable(appTokens);
  }

  JWKSet publicKeys() {
    SigningKey previous = previousKey;
    if (previous == null) {
      return signingKey.publicJwkSet();
    }
    List<JWK> keys = new ArrayList<>(signingKey.publicJwkSet().getKeys());
    keys.addAll(previous.publicJwkSet().getKeys());
    return new JWKSet(keys);
  }

  /** Signs from now on with a new key (a new {@code kid}); the old one stays published. */
  void rotateSigningKey() {
    previousKey = signingKey;
    signingKey = SigningKey.generate();
  }

  SignedJWT sign(JWTClaimsSet claims) {
    return signingKey.sign(claims);
  }

  Optional<JWTClaimsSet> verifyAccessToken(String token) {
    SigningKey previous = previousKey;
    return signingKey
        .verify(token, issuer.getValue(), ACCESS_TOKEN_CLAIMS)
        .or(
            () ->
                previous == null
                    ? Optional.empty()
                    : previous.verify(token, issuer.getValue(), ACCESS_TOKEN_CLAIMS))
        .filter(OidcProvider::isAccessToken);
  }

  /**
   * A user's access token carries {@code scp}, an app-only one (Entra) {@code idtyp} "app"; an id
   * token neither, so it is refused as a bearer token.
   */
  private static boolean isAccessToken(JWTClaimsSet claims) {
    return claims.getClaim("scp") != null || "app".equals(claims.getClaim("idtyp"));
  }

  OIDCProviderMetadata metadata() {
    OIDCProviderMetadata metadata =
        new OIDCProviderMetadata(issuer, List.of(policy.subjectType()), endpoints.jwks());
    metadata.setAuthorizationEndpointURI(endpoints.authorization());
    metadata.setTokenEndpointURI(endpoints.token());
    metadata.setUserInfoEndpointURI(endpoints.userInfo());
    metadata.setEndSessionEndpointURI(endpoints.endSession());
    metadata.setResponseTypes(List.of(ResponseType.CODE));
    metadata.setResponseModes(List.of(ResponseMode.QUERY));
    metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
    metadata.setTokenEndpointAuthMethods(
        List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
            ClientAuthenticationMethod.CLIENT_SECRET_POST));
    metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256, CodeChallengeMethod.PLAIN));
    metadata.setSupportsRequestURIParam(false);
    policy.describe(metadata);
    return metadata;
  }
}
