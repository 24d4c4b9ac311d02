package dev.companysso.simulators;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.id.HashBasedPairwiseSubjectCodec;
import com.nimbusds.openid.connect.sdk.id.SectorID;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entra ID's v2.0 token shapes for one tenant. */
final class EntraIssuerPolicy implements IssuerPolicy {

  /** Microsoft Graph's application id: the audience of the access tokens an OIDC sign-in yields. */
  static final String GRAPH_APPLICATION_ID = "00000003-0000-0000-c000-000000000000";

  /**
   * Past this many groups Entra leaves the groups claim out of a JWT and points to Graph instead.
   */
  static final int GROUPS_CLAIM_LIMIT = 200;

  private static final Scope SUPPORTED_SCOPES =
      new Scope("openid", "profile", "email", "offline_access");
  private static final List<String> SUPPORTED_CLAIMS =
      List.of(
          "sub",
          "iss",
          "aud",
          "exp",
          "iat",
          "nbf",
          "nonce",
          "ver",
          "tid",
          "oid",
          "name",
          "preferred_username",
          "email",
          "xms_edov",
          "roles",
          "groups");

  private final EntraTenantUsers users;
  private final EntraTenant tenant;
  private final String graphBaseUrl;
  private final HashBasedPairwiseSubjectCodec pairwiseSubjects;

  EntraIssuerPolicy(EntraTenantUsers users, String graphBaseUrl) {
    this.users = users;
    this.tenant = users.tenant();
    this.graphBaseUrl = graphBaseUrl;
    this.pairwiseSubjects =
        new HashBasedPairwiseSubjectCodec(tenant.tenantId().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public SubjectType subjectType() {
    return SubjectType.PAIRWISE;
  }

  @Override
  public void describe(OIDCProviderMetadata metadata) {
    metadata.setScopes(SUPPORTED_SCOPES);
    metadata.setClaims(SUPPORTED_CLAIMS);
  }

  /** Entra's sub is pairwise: the same user has a different sub in every application. */
  @Override
  public Subject subject(Grant grant) {
    return pairwiseSubjects.encode(
        new SectorID(grant.client().clientId().getValue()), new Subject(grant.account().id()));
  }

  @Override
  public void addIdTokenClaims(IDTokenClaimsSet claims, Grant grant, Instant issuedAt) {
    EntraTenant.User user = user(grant.account().id());
    EntraTenant.App app = app(grant.client().clientId().getValue());
    claims.setClaim("ver", "2.0");
    claims.setClaim("nbf", issuedAt.getEpochSecond());
    claims.setClaim("tid", tenant.tenantId());
    claims.setClaim("oid", user.objectId());
    claims.setClaim("name", user.displayName());
    claims.setClaim("preferred_username", user.userPrincipalName());
    if (user.mail() != null && app.hasOptionalClaim("email")) {
      claims.setClaim("email", user.mail());
    }
    if (app.hasOptionalClaim("xms_edov")) {
      claims.setClaim("xms_edov", user.emailDomainOwnerVerified());
    }
    List<String> roles = user.appRoles().stream().filter(app.appRoles()::contains).toList();
    if (!roles.isEmpty()) {
      claims.setClaim("roles", roles);
    }
    if (app.emitsGroupClaims()) {
      addGroups(claims, user);
    }
  }

  private void addGroups(IDTokenClaimsSet claims, EntraTenant.User user) {
    List<String> groupIds = tenant.groupObjectIds(user);
    if (groupIds.size() <= GROUPS_CLAIM_LIMIT) {
      claims.setClaim("groups", groupIds);
      return;
    }
    // Entra's "groups overage" indicator: the OIDC distributed-claims form pointing at Graph.
    claims.setClaim("_claim_names", Map.of("groups", "src1"));
    claims.setClaim("_claim_sources", Map.of("src1", Map.of("endpoint", memberObjectsUrl(user))));
  }

  private String memberObjectsUrl(EntraTenant.User user) {
    return graphBaseUrl + "/v1.0/users/" + user.objectId() + "/getMemberObjects";
  }

  @Override
  public JWTClaimsSet accessTokenClaims(Grant grant, Instant issuedAt, Instant expiresAt) {
    EntraTenant.User user = user(grant.account().id());
    return new JWTClaimsSet.Builder()
        .audience(GRAPH_APPLICATION_ID)
        .issuer(grant.provider().issuer().getValue())
        .issueTime(Date.from(issuedAt))
        .notBeforeTime(Date.from(issuedAt))
        .expirationTime(Date.from(expiresAt))
        .claim("ver", "2.0")
        .claim("tid", tenant.tenantId())
        .claim("oid", user.objectId())
        .subject(subject(grant).getValue())
        .claim("azp", grant.client().clientId().getValue())
        // Entra's scp is one space-separated string, not an array.
        .claim("scp", grant.scope().toString())
        .claim("name", user.displayName())
        .claim("preferred_username", user.userPrincipalName())
        .claim("uti", new JWTID(16).getValue())
        .build();
  }

  /**
   * Graph's OIDC userinfo: the pairwise sub of the id token, names, and the mail with the email
   * scope.
   */
  @Override
  public Optional<UserInfo> userInfo(JWTClaimsSet accessToken) {
    return users
        .user((String) accessToken.getClaim("oid"))
        .map(user -> userInfo(accessToken, user));
  }

  private static UserInfo userInfo(JWTClaimsSet accessToken, EntraTenant.User user) {
    UserInfo userInfo = new UserInfo(new Subject(accessToken.getSubject()));
    userInfo.setName(user.displayName());
    userInfo.setGivenName(user.givenName());
    userInfo.setFamilyName(user.surname());
    Scope scope = Scope.parse((String) accessToken.getClaim("scp"));
    if (user.mail() != null && scope.contains(OIDCScopeValue.EMAIL)) {
      userInfo.setEmailAddress(user.mail());
    }
    return userInfo;
  }

  private EntraTenant.User user(String objectId) {
    return users
        .user(objectId)
        .orElseThrow(() -> new IllegalStateException("Unknown Entra user " + objectId));
  }

  private EntraTenant.App app(String clientId) {
    return tenant
        .app(clientId)
        .orElseThrow(() -> new IllegalStateException("Unknown Entra app " + clientId));
  }
}
