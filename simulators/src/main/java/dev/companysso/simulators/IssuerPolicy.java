package dev.companysso.simulators;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.time.Instant;
import java.util.Optional;

/** What a vendor puts in one issuer's discovery document, tokens and userinfo answers. */
interface IssuerPolicy {

  SubjectType subjectType();

  /** Adds the vendor's scopes, claims and extra fields to the discovery document. */
  void describe(OIDCProviderMetadata metadata);

  /** The id token {@code sub} for this grant. */
  Subject subject(Grant grant);

  /** Adds the vendor's claims to an id token that already has iss, sub, aud, iat, exp and nonce. */
  void addIdTokenClaims(IDTokenClaimsSet claims, Grant grant, Instant issuedAt);

  JWTClaimsSet accessTokenClaims(Grant grant, Instant issuedAt, Instant expiresAt);

  /**
   * The userinfo answer for an access token this issuer signed and the engine verified; empty when
   * the token is no user's (app-only) or its user is gone.
   */
  Optional<UserInfo> userInfo(JWTClaimsSet accessToken);
}
