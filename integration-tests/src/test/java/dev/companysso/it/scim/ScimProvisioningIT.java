package dev.companysso.it.scim;

import static dev.companysso.it.scim.ScimAssertions.assertEmptyList;
import static dev.companysso.it.scim.ScimAssertions.assertResource;
import static dev.companysso.it.scim.ScimAssertions.assertScimError;
import static dev.companysso.it.scim.ScimAssertions.assertStatus;
import static dev.companysso.it.scim.ScimPayloads.members;
import static dev.companysso.it.scim.ScimPayloads.op;
import static dev.companysso.it.scim.ScimPayloads.patch;
import static dev.companysso.it.scim.ScimPayloads.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.EntraTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What SCIM provisioning means for the account on the real Keycloak: the SSO login lands on the
 * pushed account (Okta without externalId, Entra with its object id), deactivation ends sessions,
 * pushed groups give roles through the company's rule tables, delete modes, settings validation,
 * and that SCIM never takes over an account outside its company.
 */
@ExtendWith(CompanySsoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimProvisioningIT {

  private static final String PASSWORD = "Passw0rd!";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private ScimClient acme;
  private ScimClient contoso;
  private String acmeToken;

  @BeforeAll
  void tokens(CompanySsoStack stack) throws Exception {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    ScimClient.Credentials acmeCredentials =
        ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), "acme");
    acmeToken = acmeCredentials.token();
    acme = new ScimClient(acmeCredentials);
    contoso = new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), "contoso"));
  }

  @AfterAll
  void closeAdmin() {
    admin.close();
  }

  @Test
  @DisplayName(
      "Okta pushes a user without externalId and a group; the group's rule gives Field, and the person's first SSO login lands on the pushed account")
  void oktaPushedUserSignsInOntoThePushedAccount() throws Exception {
    String login = unique("scim-sso-") + "@acme.example";
    String site = unique("site-scim-");
    // Okta's token names a site group too, so login and SCIM agree on Field.
    hireAtAcme(login, List.of("site-paris"));
    String id =
        assertResource(acme.post("Users", ScimPayloads.oktaUser(login, "Sam", "Pushed")), 201)
            .path("id")
            .asText();
    ObjectNode group = ScimPayloads.oktaGroup(site);
    group.set("members", members(id));
    assertResource(acme.post("Groups", group), 201);

    assertThat(fixtures.realmRolesOf(login)).contains("Worker", "Field");
    assertThat(fixtures.groupsOf(login)).contains("/Sites/On site");

    assertThat(signIn("acme-okta", UpstreamSignInPage.OKTA, login)).isEqualTo(id);
    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, login))
        .extracting(FederatedIdentityRepresentation::getIdentityProvider)
        .containsExactly("acme-okta");
    assertThat(fixtures.realmRolesOf(login)).contains("Worker", "Field");
  }

  @Test
  @DisplayName(
      "Entra pushes a user with its object id as externalId: linked at once, and the SSO login lands on that account")
  void entraPushedUserIsLinkedByExternalId() throws Exception {
    String upn = unique("scim-sso-") + "@contoso.example";
    String objectId = UUID.randomUUID().toString();
    stack
        .entra()
        .addUser(
            CompanySsoStack.CONTOSO_TENANT_ID,
            new EntraTenant.User(
                objectId, upn, PASSWORD, "Eve", "Pushed", upn, true, true, List.of(), 0, List.of(),
                null, null, null));
    String id =
        assertResource(
                contoso.post("Users", ScimPayloads.entraUser(upn, objectId, upn, "Ops")), 201)
            .path("id")
            .asText();

    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, upn))
        .extracting(
            FederatedIdentityRepresentation::getIdentityProvider,
            FederatedIdentityRepresentation::getUserId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("contoso-entra", objectId));
    assertThat(signIn("contoso-entra", UpstreamSignInPage.ENTRA, upn)).isEqualTo(id);
  }

  @Test
  @DisplayName(
      "active=false disables the account and ends its sessions at once; active=true re-enables it; removing the group takes only its role")
  void deactivationEndsSessions() throws Exception {
    String login = unique("scim-off-") + "@acme.example";
    String site = unique("site-scim-");
    hireAtAcme(login, List.of());
    String id =
        assertResource(acme.post("Users", ScimPayloads.oktaUser(login, "Ola", "Off")), 201)
            .path("id")
            .asText();
    String groupId =
        assertResource(acme.post("Groups", ScimPayloads.oktaGroup(site)), 201).path("id").asText();
    assertStatus(acme.patch("Groups/" + groupId, patch(op("add", "members", members(id)))), 200);
    assertThat(fixtures.realmRolesOf(login)).contains("Field");
    signIn("acme-okta", UpstreamSignInPage.OKTA, login);
    assertThat(admin.realm(CompanySsoStack.REALM).users().get(id).getUserSessions()).isNotEmpty();

    JsonNode off =
        assertResource(
            acme.patch(
                "Users/" + id,
                ScimPayloads.json(
                    """
                    {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations": [{"op": "replace", "value": {"active": false}}]}
                    """)),
            200);

    assertThat(off.path("active").asBoolean(true)).isFalse();
    assertThat(fixtures.user(login).isEnabled()).isFalse();
    assertThat(admin.realm(CompanySsoStack.REALM).users().get(id).getUserSessions()).isEmpty();

    assertStatus(acme.patch("Users/" + id, patch(op("replace", "active", true))), 200);
    assertThat(fixtures.user(login).isEnabled()).isTrue();

    assertStatus(
        acme.patch(
            "Groups/" + groupId, patch(op("remove", "members[value eq \"" + id + "\"]", null))),
        200);
    assertThat(fixtures.realmRolesOf(login)).contains("Worker").doesNotContain("Field");
  }

  @Test
  @DisplayName(
      "DELETE in the default disable mode hides the account; the same userName pushed again restores it, same id and enabled")
  void deletedAccountIsRestoredByTheSameUserName() {
    String login = unique("scim-back-") + "@acme.example";
    String id =
        assertResource(acme.post("Users", ScimPayloads.oktaUser(login, "Bo", "Back")), 201)
            .path("id")
            .asText();

    assertStatus(acme.delete("Users/" + id), 204);
    assertScimError(acme.get("Users/" + id), 404, null);
    assertEmptyList(acme.get("Users?" + ScimClient.filter("userName eq \"" + login + "\"")));
    assertThat(fixtures.user(login).isEnabled()).isFalse();

    JsonNode back =
        assertResource(acme.post("Users", ScimPayloads.oktaUser(login, "Bo", "Back")), 201);
    assertThat(back.path("id").asText()).isEqualTo(id);
    assertThat(back.path("active").asBoolean()).isTrue();
    assertThat(fixtures.user(login).isEnabled()).isTrue();
  }

  @Test
  @DisplayName(
      "A PUT replaces what it carries and keeps what it leaves out: Okta's PUT without the enterprise extension keeps the department, a group PUT without members keeps them")
  void putKeepsWhatItLeavesOut() {
    String login = unique("scim-put-") + "@acme.example";
    String id =
        assertResource(acme.post("Users", ScimPayloads.oktaUser(login, "Pat", "Put")), 201)
            .path("id")
            .asText();
    assertStatus(
        acme.patch(
            "Users/" + id,
            patch(
                op(
                    "add",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                    "Field Service"))),
        200);
    String groupName = unique("scim-put-group-");
    ObjectNode group = ScimPayloads.oktaGroup(groupName);
    group.set("members", members(id));
    String groupId = assertResource(acme.post("Groups", group), 201).path("id").asText();

    JsonNode user =
        assertResource(
            acme.put("Users/" + id, ScimPayloads.oktaUser(login, "Patricia", "Put")), 200);
    ObjectNode nameOnly = ScimPayloads.oktaGroup(groupName + "-x");
    nameOnly.remove("members");
    JsonNode renamed = assertResource(acme.put("Groups/" + groupId, nameOnly), 200);

    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Patricia");
    assertThat(fixtures.attributesOf(login).get("department")).containsExactly("Field Service");
    assertThat(renamed.path("displayName").asText()).isEqualTo(groupName + "-x");
    assertThat(ScimAssertions.values(renamed.path("members"))).containsExactly(id);
  }

  @Test
  @DisplayName("With onDelete=delete, DELETE removes the Keycloak account")
  void deleteModeRemovesTheAccount() throws Exception {
    String upn = unique("scim-gone-") + "@contoso.example";
    String id =
        assertResource(
                contoso.post(
                    "Users", ScimPayloads.entraUser(upn, UUID.randomUUID().toString(), upn, "Ops")),
                201)
            .path("id")
            .asText();
    settings("contoso", "{\"onDelete\": \"delete\"}");
    try {
      assertStatus(contoso.delete("Users/" + id), 204);
      assertThat(admin.realm(CompanySsoStack.REALM).users().searchByUsername(upn, true)).isEmpty();
    } finally {
      settings("contoso", "{\"onDelete\": \"disable\"}");
    }
  }

  @Test
  @DisplayName(
      "Admin REST: settings are read back, and a bad value is refused with 400 naming the field")
  void settingsAreValidated() throws Exception {
    AdminRest.Answer read = settings("acme", null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("baseUrl").asText()).isEqualTo(acme.baseUrl());
    assertThat(read.body().path("identityProvider").asText()).isEqualTo("acme-okta");
    assertThat(read.body().path("onDelete").asText()).isEqualTo("disable");
    assertThat(read.body().path("tokenCreated").asText()).isNotBlank();
    assertThat(read.body().toString()).doesNotContain(acmeToken);

    AdminRest.Answer badMode = settings("acme", "{\"onDelete\": \"sometimes\"}");
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.body().path("errorMessage").asText())
        .isEqualTo("onDelete: 'sometimes' is not one of disable, delete.");

    AdminRest.Answer badProvider = settings("acme", "{\"identityProvider\": \"contoso-entra\"}");
    assertThat(badProvider.status()).isEqualTo(400);
    assertThat(badProvider.body().path("errorMessage").asText())
        .isEqualTo(
            "identityProvider: 'contoso-entra' is not an identity provider of company acme.");
    assertThat(settings("acme", null).body().path("onDelete").asText()).isEqualTo("disable");
    assertThat(settings("nope", null).status()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "An account outside the company with the pushed userName is never taken over: 409, invisible, unchanged")
  void accountOutsideTheCompanyIsNotTakenOver() {
    String login = unique("scim-local-") + "@acme.example";
    fixtures.localUser(login, login, "Local-passw0rd!");
    String firstName = fixtures.user(login).getFirstName();

    assertScimError(
        acme.post("Users", ScimPayloads.oktaUser(login, "Lo", "Cal")), 409, "uniqueness");
    assertEmptyList(acme.get("Users?" + ScimClient.filter("userName eq \"" + login + "\"")));
    UserRepresentation untouched = fixtures.user(login);
    assertThat(untouched.getFirstName()).isEqualTo(firstName);
    assertThat(fixtures.attributesOf(login)).doesNotContainKey("companySso.scim");
    assertThat(fixtures.companiesOf(login)).isEmpty();
  }

  @Test
  @DisplayName(
      "Issuing and revoking a token are Keycloak admin events (who, when, which company), without the token")
  void tokenChangesAreAdminEvents() throws Exception {
    RealmRepresentation realm = admin.realm(CompanySsoStack.REALM).toRepresentation();
    realm.setAdminEventsEnabled(true);
    realm.setAdminEventsDetailsEnabled(true);
    admin.realm(CompanySsoStack.REALM).update(realm);

    String token = ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), "fabrikam").token();
    assertThat(ScimClient.deleteToken(admin, stack.keycloak().baseUrl(), "fabrikam"))
        .isEqualTo(204);

    List<AdminEventRepresentation> events =
        admin.realm(CompanySsoStack.REALM).getAdminEvents().stream()
            .filter(event -> "COMPANY_SSO_SCIM".equals(event.getResourceType()))
            .filter(event -> event.getResourcePath().contains("fabrikam"))
            .toList();
    assertThat(events)
        .extracting(AdminEventRepresentation::getOperationType)
        .contains("CREATE", "DELETE");
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.getAuthDetails().getUserId()).isNotBlank();
              assertThat(String.valueOf(event.getRepresentation())).doesNotContain(token);
            });
  }

  @Test
  @DisplayName("Bulk and /Me are refused as SCIM errors (501), not as HTML pages")
  void unsupportedEndpointsAnswerScim() {
    assertScimError(acme.post("Bulk", ScimPayloads.json("{}")), 501, null);
    assertScimError(acme.get("Me"), 501, null);
  }

  @Test
  @DisplayName("Tokens never reach Keycloak's log")
  void tokenIsNotLogged() throws Exception {
    assertStatus(acme.get("Users?count=1"), 200);
    Path log = Path.of("target", "keycloak-server.log");
    assertThat(Files.readString(log)).doesNotContain(acmeToken);
  }

  /** A person in Acme's Okta (the simulator), as Okta's admin would add them. */
  private void hireAtAcme(String login, List<String> groups) {
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(login, PASSWORD, "Sam", "Pushed", groups));
  }

  private String signIn(String idpAlias, UpstreamSignInPage page, String login) throws Exception {
    try (Browser browser = Browser.start()) {
      return BrokeredLogin.signIn(
              browser,
              stack.keycloak().baseUrl(),
              CompanySsoStack.REALM,
              idpAlias,
              page,
              login,
              PASSWORD)
          .getSubject();
    }
  }

  private AdminRest.Answer settings(String company, String body) throws Exception {
    return AdminRest.call(
        admin,
        stack.keycloak().baseUrl(),
        CompanySsoStack.REALM,
        body == null ? "GET" : "PUT",
        "company-sso-scim/" + company,
        body);
  }
}
