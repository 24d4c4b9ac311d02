package dev.companysso.simulators;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Okta's token shapes for the org authorization server or one custom authorization server. */
final class OktaIssuerPolicy implements IssuerPolicy {

  private static final Scope SUPPORTED_SCOPES =
      new Scope("openid", "profile", "email", "address", "phone", "offline_access", "groups");
  private static final List<String> SUPPORTED_CLAIMS =
      List.of(
          "iss",
          "ver",
          "sub",
          "aud",
          "iat",
          "exp",
          "jti",
          "auth_time",
          "amr",
          "idp",
          "nonce",
          "name",
          "preferred_username",
          "given_name",
          "family_name",
          "email",
          "email_verified",
          "groups");

  private final OktaOrgUsers users;
  private final String accessTokenAudience;
  private final boolean customServer;

  private OktaIssuerPolicy(OktaOrgUsers users, String accessTokenAudience, boolean customServer) {
    this.users = users;
    this.accessTokenAudience = accessTokenAudience;
    this.customServer = customServer;
  }

  /**
   * The org authorization server's access tokens are for the org itself, e.g. its /api/v1 routes.
   */
  static OktaIssuerPolicy orgServer(OktaOrgUsers users, String orgBaseUrl) {
    return new OktaIssuerPolicy(users, orgBaseUrl, false);
  }

  /** A custom server's default audience, as Okta pre-configures it for the "default" server. */
  static OktaIssuerPolicy customServer(OktaOrgUsers users, String serverId) {
    return new OktaIssuerPolicy(users, "api://" + serverId, true);
  }

  @Override
  public SubjectType subjectType() {
    return SubjectType.PUBLIC;
  }

  @Override
  public void describe(OIDCProviderMetadata metadata) {
    metadata.setScopes(SUPPORTED_SCOPES);
    metadata.setClaims(SUPPORTED_CLAIMS);
  }

  @Override
  public Subject subject(Grant grant) {
    return new Subject(grant.account().id());
  }

  @Override
  public void addIdTokenClaims(IDTokenClaimsSet claims, Grant grant, Instant issuedAt) {
    OktaOrg.User user = user(grant.account().id());
    claims.setClaim("ver", 1);
    claims.setClaim("jti", "ID." + new JWTID().getValue());
    claims.setAuthenticationTime(Date.from(grant.authTime()));
    claims.setAMR(List.of(AMR.PWD));
    claims.setClaim("idp", users.org().orgId());
    claims.setClaim("name", user.displayName());
    claims.setClaim("preferred_username", user.login());
    if (grant.scope().contains(OIDCScopeValue.EMAIL)) {
      claims.setClaim("email", user.email());
      claims.setClaim("email_verified", user.emailVerified());
    }
    user.profileClaims().forEach(claims::setClaim);
    groupsClaim(user, grant.client().clientId().getValue())
        .ifPresent(groups -> claims.setClaim("groups", groups));
  }

  @Override
  public JWTClaimsSet accessTokenClaims(Grant grant, Instant issuedAt, Instant expiresAt) {
    OktaOrg.User user = user(grant.account().id());
    return new JWTClaimsSet.Builder()
        .claim("ver", 1)
        .jwtID("AT." + new JWTID().getValue())
        .issuer(grant.provider().issuer().getValue())
        .audience(accessTokenAudience)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(expiresAt))
        .claim("cid", grant.client().clientId().getValue())
        .claim("uid", user.id())
        .claim("scp", grant.scope().toStringList())
        .claim("auth_time", grant.authTime().getEpochSecond())
        // Okta's custom servers put the login in sub; the org server puts the user id there.
        .subject(customServer ? user.login() : user.id())
        .build();
  }

  @Override
  public Optional<UserInfo> userInfo(JWTClaimsSet accessToken) {
    return users
        .user((String) accessToken.getClaim("uid"))
        .map(user -> userInfo(accessToken, user));
  }

  private UserInfo userInfo(JWTClaimsSet accessToken, OktaOrg.User user) {
    Scope scope = new Scope(accessTokenScopes(accessToken).toArray(String[]::new));
    UserInfo userInfo = new UserInfo(new Subject(user.id()));
    if (scope.contains(OIDCScopeValue.PROFILE)) {
      userInfo.setName(user.displayName());
      userInfo.setGivenName(user.firstName());
      userInfo.setFamilyName(user.lastName());
      userInfo.setPreferredUsername(user.login());
      user.profileClaims().forEach(userInfo::setClaim);
    }
    if (scope.contains(OIDCScopeValue.EMAIL)) {
      userInfo.setEmailAddress(user.email());
      userInfo.setEmailVerified(user.emailVerified());
    }
    groupsClaim(user, (String) accessToken.getClaim("cid"))
        .ifPresent(groups -> userInfo.setClaim("groups", groups));
    return userInfo;
  }

  private static List<String> accessTokenScopes(JWTClaimsSet accessToken) {
    try {
      return accessToken.getStringListClaim("scp");
    } catch (ParseException e) {
      return List.of();
    }
  }

  /** The app's "Groups claim filter" picks which of the user's group names go in the token. */
  private Optional<List<String>> groupsClaim(OktaOrg.User user, String clientId) {
    return users
        .org()
        .client(clientId)
        .flatMap(OktaOrg.Client::groupsClaimPattern)
        .map(Pattern::asMatchPredicate)
        .map(filter -> user.groups().stream().filter(filter).toList())
        .filter(groups -> !groups.isEmpty());
  }

  private OktaOrg.User user(String userId) {
    return users
        .user(userId)
        .orElseThrow(() -> new IllegalStateException("Unknown Okta user " + userId));
  }
}
