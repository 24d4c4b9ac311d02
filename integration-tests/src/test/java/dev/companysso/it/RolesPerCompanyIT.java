package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimAssertions;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.EntraTenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;

/**
 * Roles per company: a consultant who works for Acme and Contoso is Owner of Acme and Worker of
 * Contoso in one token, each from that company's first login, and neither role is realm-wide.
 */
@ExtendWith(CompanySsoExtension.class)
class RolesPerCompanyIT {

  private static final String PASSWORD = "Consult-passw0rd!";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private String app;
  private String appId;
  private String perCompanyBefore;

  @BeforeEach
  void appWithCompanyRoles(CompanySsoStack stack) {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    app = ScimPayloads.unique("roles-app");
    appId = fixtures.publicApp(app, stack.keycloak().baseUrl(), List.of(companyRolesMapper()));
    perCompanyBefore = realmAttribute("companySso.rolesPerCompany");
  }

  @AfterEach
  void cleanUp() {
    setRealmAttribute(
        "companySso.rolesPerCompany", perCompanyBefore == null ? "false" : perCompanyBefore);
    fixtures.realm().clients().get(appId).remove();
    admin.close();
  }

  static ProtocolMapperRepresentation companyRolesMapper() {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("company roles");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("company-roles-claim-mapper");
    mapper.setConfig(
        Map.of(
            "claim.name", "organization",
            "access.token.claim", "true",
            "id.token.claim", "true",
            "introspection.token.claim", "true"));
    return mapper;
  }

  private String realmAttribute(String name) {
    Map<String, String> attributes = fixtures.realm().toRepresentation().getAttributes();
    return attributes == null ? null : attributes.get(name);
  }

  private void setRealmAttribute(String name, String value) {
    RealmRepresentation realm = fixtures.realm().toRepresentation();
    Map<String, String> attributes =
        new HashMap<>(realm.getAttributes() == null ? Map.of() : realm.getAttributes());
    attributes.put(name, value);
    realm.setAttributes(attributes);
    fixtures.realm().update(realm);
  }

  private DemoAppClient client() {
    return new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM, app);
  }

  @Test
  @DisplayName(
      "A consultant of Acme and Contoso gets Owner for Acme and Worker for Contoso in one token, each from that company's first login, and neither realm-wide")
  void consultant() throws Exception {
    setRealmAttribute("companySso.rolesPerCompany", "true");
    String email = ScimPayloads.unique("pat") + "@consultancy.example";
    // Acme's own table has no rule for Support: this one makes its members Owner.
    String itAdmins = "Support";
    IdpMappers mappers = new IdpMappers(fixtures.realm());
    String ownerTable =
        mappers.add(
            IdpMappers.mapper(
                "acme-okta",
                ScimPayloads.unique("owners table"),
                "company-group-role-mapper",
                Map.of("rules", IdpMappers.rules(itAdmins, "Owner"))));
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(email, PASSWORD, "Pat", "Consult", List.of(itAdmins)));
    stack
        .entra()
        .addUser(
            CompanySsoStack.CONTOSO_TENANT_ID,
            new EntraTenant.User(
                UUID.randomUUID().toString(),
                email,
                PASSWORD,
                "Pat",
                "Consult",
                email,
                false,
                true,
                List.of(),
                0,
                List.of(),
                null,
                null,
                null));
    try {
      // Acme's first login creates the account: Worker and, by Acme's table, Owner, in Acme.
      try (Browser browser = Browser.start()) {
        DemoAppClient.Authorization authorization =
            client().authorize(Map.of("kc_idp_hint", "acme-okta"));
        browser.open(authorization.url());
        UpstreamSignInPage.OKTA.signIn(browser, email, PASSWORD);
        browser.waitForUrlStartingWith(client().redirectUri().toString());
        JWTClaimsSet access = accessClaims(authorization.redeem(browser.currentUrl()));
        assertThat(access.getJSONObjectClaim("organization"))
            .containsOnlyKeys("acme")
            .extractingByKey("acme")
            .isEqualTo(Map.of("roles", List.of("Owner", "Worker")));
      }
      assertThat(fixtures.directRealmRolesOf(email)).doesNotContain("Owner", "Worker");

      // Contoso's first login finds the account, which the consultant proves through Acme's Okta;
      // Contoso then gives its default role, in Contoso.
      try (Browser browser = Browser.start()) {
        DemoAppClient.Authorization authorization =
            client().authorize(Map.of("kc_idp_hint", "contoso-entra"));
        browser.open(authorization.url());
        UpstreamSignInPage.ENTRA.signIn(browser, email, PASSWORD);
        browser.waitFor(By.id("linkAccount")).click();
        browser.waitFor(By.id("social-acme-okta")).click();
        UpstreamSignInPage.OKTA.signIn(browser, email, PASSWORD);
        browser.waitForUrlStartingWith(client().redirectUri().toString());
        JWTClaimsSet access = accessClaims(authorization.redeem(browser.currentUrl()));
        assertThat(access.getJSONObjectClaim("organization"))
            .isEqualTo(
                Map.of(
                    "acme", Map.of("roles", List.of("Owner", "Worker")),
                    "contoso", Map.of("roles", List.of("Worker"))));
        assertThat(realmRoles(access)).doesNotContain("Owner", "Worker");
      }
      assertThat(fixtures.companiesOf(email)).containsExactlyInAnyOrder("acme", "contoso");

      // The admin API answers the same, per company.
      String userId = fixtures.userId(email);
      assertThat(memberRoles("acme", userId)).containsExactly("Worker", "Owner");
      assertThat(memberRoles("contoso", userId)).containsExactly("Worker");
    } finally {
      mappers.remove("acme-okta", ownerTable);
      stack.okta().removeUser(CompanySsoStack.ACME_ORG, email);
      stack.entra().removeUser(CompanySsoStack.CONTOSO_TENANT_ID, email);
      fixtures
          .realm()
          .users()
          .searchByEmail(email, true)
          .forEach(u -> fixtures.realm().users().delete(u.getId()).close());
    }
  }

  @Test
  @DisplayName(
      "Switching a realm to roles per company moves each single-company member's company roles into the company, keeps a consultant's realm-wide, and the member roles API refuses a role that does not exist")
  void switchMovesRealmWideGrants() throws Exception {
    String realmName = ScimPayloads.unique("per-company-");
    RealmRepresentation created = new RealmRepresentation();
    created.setRealm(realmName);
    created.setEnabled(true);
    created.setOrganizationsEnabled(true);
    admin.realms().create(created);
    try {
      RealmFixtures realm = new RealmFixtures(admin, realmName);
      List.of("Worker", "Owner", "Auditor").forEach(realm::realmRole);
      ClientRepresentation direct = new ClientRepresentation();
      direct.setClientId("direct");
      direct.setPublicClient(true);
      direct.setDirectAccessGrantsEnabled(true);
      direct.setProtocolMappers(List.of(companyRolesMapper()));
      realm.realm().clients().create(direct).close();
      String solo = realm.localUser("solo", "solo@alpha.example", PASSWORD);
      String both = realm.localUser("both", "both@alpha.example", PASSWORD);
      List.of("Worker", "Owner", "Auditor").forEach(role -> realm.grantRealmRole("solo", role));
      realm.grantRealmRole("both", "Worker");
      String alpha = company(realm, "alpha");
      String beta = company(realm, "beta");
      member(realm, alpha, solo);
      member(realm, alpha, both);
      member(realm, beta, both);

      JsonNode answer =
          AdminRest.call(
                  admin,
                  stack.keycloak().baseUrl(),
                  realmName,
                  "PUT",
                  "company-sso-access/roles-per-company",
                  "{\"enabled\": true}")
              .body();
      assertThat(answer.path("moved").asInt()).isEqualTo(2);
      assertThat(answer.path("people").asInt()).isEqualTo(1);
      assertThat(answer.path("keptRealmWide").toString()).isEqualTo("[\"both\"]");
      assertThat(realm.directRealmRolesOf("solo"))
          .contains("Auditor")
          .doesNotContain("Worker", "Owner");
      assertThat(realm.directRealmRolesOf("both")).contains("Worker");

      try (Keycloak asSolo =
          Keycloak.getInstance(stack.keycloak().baseUrl(), realmName, "solo", PASSWORD, "direct")) {
        JWTClaimsSet access =
            SignedJWT.parse(asSolo.tokenManager().getAccessTokenString()).getJWTClaimsSet();
        assertThat(access.getJSONObjectClaim("organization"))
            .isEqualTo(Map.of("alpha", Map.of("roles", List.of("Owner", "Worker"))));
        assertThat(realmRoles(access)).contains("Auditor").doesNotContain("Owner", "Worker");
      }

      AdminRest.Answer refused =
          AdminRest.call(
              admin,
              stack.keycloak().baseUrl(),
              realmName,
              "PUT",
              "company-sso-access/companies/alpha/members/" + solo + "/roles",
              "{\"roles\": [\"Worker\", \"No such role\"]}");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("problems").toString())
          .contains("roles[1]: no role 'No such role' in this realm");

      // Leaving the company takes the roles held in it; coming back does not bring them back.
      realm.realm().organizations().get(alpha).members().member(solo).delete().close();
      assertThat(realm.attributesOf("solo")).doesNotContainKey("companySso.companyRoles." + alpha);
    } finally {
      admin.realm(realmName).remove();
    }
  }

  private static String company(RealmFixtures realm, String alias) {
    org.keycloak.representations.idm.OrganizationRepresentation company =
        new org.keycloak.representations.idm.OrganizationRepresentation();
    company.setAlias(alias);
    company.setName(alias);
    org.keycloak.representations.idm.OrganizationDomainRepresentation domain =
        new org.keycloak.representations.idm.OrganizationDomainRepresentation();
    domain.setName(alias + ".example");
    company.addDomain(domain);
    try (var response = realm.realm().organizations().create(company)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  private static void member(RealmFixtures realm, String companyId, String userId) {
    realm.realm().organizations().get(companyId).members().addMember(userId).close();
  }

  @Test
  @DisplayName(
      "With roles per company, a user Okta pushes through SCIM gets Worker, and a group's rule its role, in Acme only")
  void scimGrantsInTheCompany() throws Exception {
    setRealmAttribute("companySso.rolesPerCompany", "true");
    ScimClient acme =
        new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), "acme"));
    String login = ScimPayloads.unique("scim-rpc-") + "@acme.example";
    try {
      String id =
          ScimAssertions.assertResource(
                  acme.post("Users", ScimPayloads.oktaUser(login, "Ro", "Les")), 201)
              .path("id")
              .asText();
      // Acme's table gives Field to members of any site-* group.
      ObjectNode group = ScimPayloads.oktaGroup(ScimPayloads.unique("site-rpc-"));
      group.putArray("members").addObject().put("value", id);
      ScimAssertions.assertResource(acme.post("Groups", group), 201);

      String acmeId = fixtures.companyRepresentation("acme").getId();
      assertThat(fixtures.attributesOf(login))
          .containsEntry("companySso.companyRoles." + acmeId, List.of("Worker", "Field"));
      assertThat(fixtures.directRealmRolesOf(login)).doesNotContain("Worker", "Field");
    } finally {
      fixtures
          .realm()
          .users()
          .searchByEmail(login, true)
          .forEach(u -> fixtures.realm().users().delete(u.getId()).close());
    }
  }

  private List<String> memberRoles(String company, String userId) throws Exception {
    JsonNode roles =
        call("GET", "companies/" + company + "/members/" + userId + "/roles", null)
            .body()
            .path("roles");
    return java.util.stream.StreamSupport.stream(roles.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private AdminRest.Answer call(String method, String path, String body) throws Exception {
    return new AdminRest.Resource(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso-access")
        .call(method, path, body);
  }

  private static JWTClaimsSet accessClaims(OIDCTokens tokens) throws Exception {
    return SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();
  }

  @SuppressWarnings("unchecked")
  private static List<String> realmRoles(JWTClaimsSet access) throws Exception {
    Map<String, Object> realmAccess = access.getJSONObjectClaim("realm_access");
    return realmAccess == null ? List.of() : (List<String>) realmAccess.get("roles");
  }
}
