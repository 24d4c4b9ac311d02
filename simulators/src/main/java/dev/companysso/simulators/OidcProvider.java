package dev.companysso.simulators;

import com.nimbusds.jose.JWSAlgorithm;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One issuer: an Okta authorization server or an Entra tenant, with its own signing key. */
final class OidcProvider {

  /**
   * Every access token the simulators issue has these; id tokens lack {@code scp}, so they are
   * refused as bearer tokens.
   */
  private static final Set<String> ACCESS_TOKEN_CLAIMS = Set.of("sub", "iat", "exp", "scp");

  private final Issuer issuer;
  private final ProviderEndpoints endpoints;
  private final SigningKey signingKey = SigningKey.generate();
  private final TenantDirectory directory;
  private final IssuerPolicy policy;

  OidcProvider(
      String issuer, ProviderEndpoints endpoints, TenantDirectory directory, IssuerPolicy policy) {
    this.issuer = new Issuer(issuer);
    this.endpoints = endpoints;
    this.directory = directory;
    this.policy = policy;
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

  JWKSet publicKeys() {
    return signingKey.publicJwkSet();
  }

  SignedJWT sign(JWTClaimsSet claims) {
    return signingKey.sign(claims);
  }

  Optional<JWTClaimsSet> verifyAccessToken(String token) {
    return signingKey.verify(token, issuer.getValue(), ACCESS_TOKEN_CLAIMS);
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
