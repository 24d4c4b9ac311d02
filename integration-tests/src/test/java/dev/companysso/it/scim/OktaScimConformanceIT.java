package dev.companysso.it.scim;

import static dev.companysso.it.scim.ScimAssertions.assertEmptyList;
import static dev.companysso.it.scim.ScimAssertions.assertListResponse;
import static dev.companysso.it.scim.ScimAssertions.assertResource;
import static dev.companysso.it.scim.ScimAssertions.assertScimError;
import static dev.companysso.it.scim.ScimAssertions.assertSingle;
import static dev.companysso.it.scim.ScimAssertions.assertStatus;
import static dev.companysso.it.scim.ScimAssertions.assertUnauthorized;
import static dev.companysso.it.scim.ScimAssertions.requireEarlierStep;
import static dev.companysso.it.scim.ScimAssertions.texts;
import static dev.companysso.it.scim.ScimAssertions.values;
import static dev.companysso.it.scim.ScimPayloads.json;
import static dev.companysso.it.scim.ScimPayloads.op;
import static dev.companysso.it.scim.ScimPayloads.patch;
import static dev.companysso.it.scim.ScimPayloads.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.KeycloakUnderTest;
import dev.companysso.it.support.RealmFixtures;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Okta's provisioning against company {@code acme}, replaying the request sequences Okta's OIN
 * review runs: the "SCIM 2.0 Spec Test" (orders 1–11), the "CRUD" test (20–25) and group push
 * (30–36). Each sequence builds on its earlier steps; names are random so that other tests' acme
 * members do not matter.
 */
@ExtendWith(CompanySsoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OktaScimConformanceIT {

  private static final String COMPANY = "acme";

  private Keycloak admin;
  private RealmFixtures fixtures;
  private ScimClient scim;

  /** Two provisioned users, so that lists are never empty and groups have members to take. */
  private JsonNode memberOne;

  private JsonNode memberTwo;

  // The Spec Test's random user: checked absent (4), created (5), read (6), re-posted (7).
  private final String specUserName = oktaUserName();
  private JsonNode listedUser;
  private String specUserId;

  // The CRUD test's user, with a mixed-case userName whose spelling must come back.
  private final String crudUserName = "Scim-Okta-" + UUID.randomUUID() + "@Acme.example";
  private String crudUserId;

  private final String groupName = unique("scim-okta-group-");
  private final String renamedGroupName = groupName + "-renamed";
  private String groupId;

  @BeforeAll
  void connect(CompanySsoStack stack) throws Exception {
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    scim = new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), COMPANY));
    memberOne = provision();
    memberTwo = provision();
  }

  @AfterAll
  void closeAdmin() {
    admin.close();
  }

  // ---- SCIM 2.0 Spec Test ----

  @Test
  @Order(1)
  @DisplayName(
      "Spec test: GET /Users?count=1&startIndex=1 answers a ListResponse page of exactly one user with id, userName, name, emails and active")
  void firstPageOfOne() {
    ScimClient.Answer page = assertListResponse(scim.get("Users?count=1&startIndex=1"));

    assertThat(page.body().path("totalResults").asInt())
        .as("the two users provisioned for this class at least")
        .isGreaterThanOrEqualTo(2);
    assertThat(page.body().path("startIndex").asInt()).isEqualTo(1);
    assertThat(page.body().path("itemsPerPage").asInt()).isEqualTo(1);
    listedUser = page.resources().get(0);
    assertThat(listedUser.path("id").asText()).isNotBlank();
    assertThat(listedUser.path("userName").asText()).isNotBlank();
    assertThat(listedUser.path("name").isObject()).as(listedUser.toString()).isTrue();
    assertThat(listedUser.path("emails").isArray()).as(listedUser.toString()).isTrue();
    assertThat(listedUser.path("active").isBoolean()).as(listedUser.toString()).isTrue();
  }

  @Test
  @Order(2)
  @DisplayName("Spec test: GET /Users/{id} of the listed user answers that same user")
  void listedUserById() {
    requireEarlierStep(listedUser, "the listed user");

    JsonNode user = assertResource(scim.get("Users/" + listedUser.path("id").asText()), 200);

    assertThat(user.path("id").asText()).isEqualTo(listedUser.path("id").asText());
    assertThat(user.path("userName").asText()).isEqualTo(listedUser.path("userName").asText());
    assertThat(texts(user.path("schemas"))).contains(ScimPayloads.USER_SCHEMA);
    assertThat(user.path("active").isBoolean()).isTrue();
  }

  @Test
  @Order(3)
  @DisplayName("Spec test: a userName filter for an invalid e-mail answers 200 with no results")
  void filterForInvalidEmailFindsNothing() {
    assertEmptyList(
        scim.get("Users?" + ScimClient.filter("userName eq \"abcdefgh@ijklmnop.qrstuvw\"")));
  }

  @Test
  @Order(4)
  @DisplayName("Spec test: the random userName about to be created is not found yet")
  void randomUserDoesNotExistYet() {
    assertEmptyList(scim.get("Users?" + ScimClient.filter("userName eq \"" + specUserName + "\"")));
  }

  @Test
  @Order(5)
  @DisplayName(
      "Spec test: POST /Users with realistic values answers 201, Location and the user as sent, never the password")
  void createRealisticUser() {
    ScimClient.Answer created =
        scim.post("Users", ScimPayloads.oktaUser(specUserName, "Rosalind", "Franklin"));

    JsonNode user = assertResource(created, 201);
    specUserId = user.path("id").asText(null);
    assertThat(specUserId).isNotBlank();
    assertThat(created.location()).isEqualTo(scim.baseUrl() + "/Users/" + specUserId);
    assertThat(user.path("meta").path("location").asText()).isEqualTo(created.location());
    assertThat(user.path("meta").path("resourceType").asText()).isEqualTo("User");
    assertThat(user.path("userName").asText()).isEqualTo(specUserName);
    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Rosalind");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("Franklin");
    assertThat(user.path("displayName").asText()).isEqualTo("Rosalind Franklin");
    assertThat(user.path("active").asBoolean()).isTrue();
    assertThat(values(user.path("emails"))).containsExactly(specUserName);
    assertThat(user.has("password")).as("RFC 7643: password is never returned").isFalse();
  }

  @Test
  @Order(6)
  @DisplayName(
      "Spec test: the created user is a Keycloak account of the company: enabled, a member of acme, Worker by default, e-mail verified on acme's verified domain")
  void createdUserIsACompanyAccount() {
    requireEarlierStep(specUserId, "the spec test's user");

    UserRepresentation account = account(specUserId);

    assertThat(account.getUsername()).isEqualTo(specUserName);
    assertThat(account.isEnabled()).isTrue();
    assertThat(account.getEmail()).isEqualTo(specUserName);
    assertThat(account.isEmailVerified()).isTrue();
    assertThat(account.getFirstName()).isEqualTo("Rosalind");
    assertThat(account.getLastName()).isEqualTo("Franklin");
    assertThat(fixtures.companiesOf(specUserName)).containsExactly(COMPANY);
    assertThat(fixtures.realmRolesOf(specUserName)).contains("Worker");
    assertThat(fixtures.attributesOf(specUserName))
        .containsEntry(
            "companySso.scim",
            List.of(fixtures.companyResource(COMPANY).toRepresentation().getId()));
  }

  @Test
  @Order(7)
  @DisplayName("Spec test: GET /Users/{id} of the created user answers its userName and names")
  void createdUserReadBack() {
    requireEarlierStep(specUserId, "the spec test's user");

    JsonNode user = assertResource(scim.get("Users/" + specUserId), 200);

    assertThat(user.path("id").asText()).isEqualTo(specUserId);
    assertThat(user.path("userName").asText()).isEqualTo(specUserName);
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("Franklin");
  }

  @Test
  @Order(8)
  @DisplayName("Spec test: POSTing the same user again answers 409 with scimType uniqueness")
  void recreatingConflicts() {
    requireEarlierStep(specUserId, "the spec test's user");

    assertScimError(
        scim.post("Users", ScimPayloads.oktaUser(specUserName, "Rosalind", "Franklin")),
        409,
        "uniqueness");
  }

  @Test
  @Order(9)
  @DisplayName(
      "Spec test: a userName filter in upper case finds the user (userName is case-insensitive)")
  void userNameFilterIgnoresCase() {
    requireEarlierStep(specUserId, "the spec test's user");

    String upperCase = specUserName.toUpperCase(Locale.ROOT);
    assertSingle(
        scim.get("Users?" + ScimClient.filter("userName eq \"" + upperCase + "\"")), specUserId);
  }

  @Test
  @Order(10)
  @DisplayName(
      "Spec test: GET /Groups answers 200 with a ListResponse; before Keycloak 26.6, 501 as a SCIM error naming the version")
  void groupsEndpointLists() {
    if (!KeycloakUnderTest.atLeast(KeycloakUnderTest.ORGANIZATION_GROUPS)) {
      ScimClient.Answer refused = scim.get("Groups");
      assertScimError(refused, 501, null);
      assertThat(refused.body().path("detail").asText())
          .startsWith(
              KeycloakUnderTest.needs("SCIM groups", KeycloakUnderTest.ORGANIZATION_GROUPS));
      return;
    }
    assertListResponse(scim.get("Groups"));
  }

  @Test
  @Order(11)
  @DisplayName("Spec test: GET /Users/{unknown id} answers 404 as a SCIM error")
  void unknownUserIsNotFound() {
    assertScimError(scim.get("Users/" + UUID.randomUUID()), 404, null);
  }

  @Test
  @Order(12)
  @DisplayName(
      "Spec test: no token, or a wrong one, answers 401 as a SCIM error with a Bearer challenge")
  void withoutTheTokenUnauthorized() {
    assertUnauthorized(scim.withToken(null).get("Users?count=1&startIndex=1"));
    assertUnauthorized(scim.withToken("csso_scim_" + UUID.randomUUID()).get("Users"));
  }

  // ---- CRUD test ----

  @Test
  @Order(20)
  @DisplayName(
      "CRUD: a mixed-case userName comes back as sent, while the Keycloak username is its lower case")
  void createKeepsTheSentSpelling() {
    JsonNode user =
        assertResource(
            scim.post("Users", ScimPayloads.oktaUser(crudUserName, "Grace", "Hopper")), 201);
    crudUserId = user.path("id").asText(null);

    assertThat(user.path("userName").asText()).isEqualTo(crudUserName);
    UserRepresentation account = account(crudUserId);
    assertThat(account.getUsername()).isEqualTo(crudUserName.toLowerCase(Locale.ROOT));
    assertThat(fixtures.attributesOf(account.getUsername()))
        .containsEntry("companySso.scim.userName", List.of(crudUserName));
  }

  @Test
  @Order(21)
  @DisplayName("CRUD: the user is found by id and by its userName filter")
  void readBackByIdAndFilter() {
    requireEarlierStep(crudUserId, "the CRUD user");

    assertThat(assertResource(scim.get("Users/" + crudUserId), 200).path("userName").asText())
        .isEqualTo(crudUserName);
    assertSingle(
        scim.get("Users?" + ScimClient.filter("userName eq \"" + crudUserName + "\"")), crudUserId);
  }

  @Test
  @Order(22)
  @DisplayName(
      "CRUD: PUT with changed names answers 200 with them, and leaves a role granted by hand in Keycloak")
  void putReplacesNames() {
    requireEarlierStep(crudUserId, "the CRUD user");
    String username = crudUserName.toLowerCase(Locale.ROOT);
    fixtures.grantRealmRole(username, "Dispatcher");
    ObjectNode replacement = ScimPayloads.oktaUser(crudUserName, "Grace Brewster", "Murray Hopper");
    replacement.put("id", crudUserId);
    replacement.remove("password");

    JsonNode user = assertResource(scim.put("Users/" + crudUserId, replacement), 200);

    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Grace Brewster");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("Murray Hopper");
    assertThat(fixtures.directRealmRolesOf(username))
        .as("PUT replaces only what SCIM owns")
        .contains("Dispatcher");
  }

  @Test
  @Order(23)
  @DisplayName("CRUD: GET after PUT shows the new names, and so does the Keycloak account")
  void putIsStored() {
    requireEarlierStep(crudUserId, "the CRUD user");

    JsonNode user = assertResource(scim.get("Users/" + crudUserId), 200);

    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Grace Brewster");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("Murray Hopper");
    assertThat(account(crudUserId).getFirstName()).isEqualTo("Grace Brewster");
    assertThat(account(crudUserId).getLastName()).isEqualTo("Murray Hopper");
  }

  @Test
  @Order(24)
  @DisplayName(
      "CRUD: PATCH replace {active:false} without a path deactivates: active false in SCIM, account disabled in Keycloak")
  void patchDeactivates() {
    requireEarlierStep(crudUserId, "the CRUD user");

    JsonNode user =
        assertResource(
            scim.patch(
                "Users/" + crudUserId, patch(op("replace", null, json("{\"active\": false}")))),
            200);

    assertThat(user.path("active").asBoolean(true)).isFalse();
    assertThat(assertResource(scim.get("Users/" + crudUserId), 200).path("active").asBoolean(true))
        .isFalse();
    assertThat(account(crudUserId).isEnabled()).isFalse();
  }

  @Test
  @Order(25)
  @DisplayName("CRUD: PATCH replace {active:true} reactivates the account provisioning disabled")
  void patchReactivates() {
    requireEarlierStep(crudUserId, "the CRUD user");

    JsonNode user =
        assertResource(
            scim.patch(
                "Users/" + crudUserId, patch(op("replace", null, json("{\"active\": true}")))),
            200);

    assertThat(user.path("active").asBoolean(false)).isTrue();
    assertThat(account(crudUserId).isEnabled()).isTrue();
  }

  // ---- Group push ----

  @Test
  @Order(30)
  @DisplayName(
      "Group push: POST /Groups with a displayName and no members answers 201, Location and the group")
  void pushGroup() {
    Assumptions.assumeTrue(
        KeycloakUnderTest.atLeast(KeycloakUnderTest.ORGANIZATION_GROUPS),
        "SCIM groups need Keycloak 26.6 (the refusal is tested by groupsEndpointLists)");
    ScimClient.Answer created = scim.post("Groups", ScimPayloads.oktaGroup(groupName));

    JsonNode group = assertResource(created, 201);
    groupId = group.path("id").asText(null);
    assertThat(groupId).isNotBlank();
    assertThat(created.location()).isEqualTo(scim.baseUrl() + "/Groups/" + groupId);
    assertThat(group.path("displayName").asText()).isEqualTo(groupName);
    assertThat(values(group.path("members"))).isEmpty();
    assertThat(texts(group.path("schemas"))).contains(ScimPayloads.GROUP_SCHEMA);
    assertThat(group.path("meta").path("resourceType").asText()).isEqualTo("Group");
  }

  @Test
  @Order(31)
  @DisplayName("Group push: GET /Groups/{id} and a displayName filter answer the pushed group")
  void pushedGroupReadBack() {
    requireEarlierStep(groupId, "the pushed group");

    assertThat(assertResource(scim.get("Groups/" + groupId), 200).path("displayName").asText())
        .isEqualTo(groupName);
    assertSingle(
        scim.get("Groups?" + ScimClient.filter("displayName eq \"" + groupName + "\"")), groupId);
  }

  @Test
  @Order(32)
  @DisplayName("Group push: a path-less replace of {id, displayName} renames the group, same id")
  void renameWithoutPath() {
    requireEarlierStep(groupId, "the pushed group");

    patchGroup(
        op(
            "replace",
            null,
            json(
                "{\"id\": \"%s\", \"displayName\": \"%s\"}".formatted(groupId, renamedGroupName))));

    JsonNode group = assertResource(scim.get("Groups/" + groupId), 200);
    assertThat(group.path("id").asText()).isEqualTo(groupId);
    assertThat(group.path("displayName").asText()).isEqualTo(renamedGroupName);
  }

  @Test
  @Order(33)
  @DisplayName(
      "Group push: add of members with value and display makes both users members, in SCIM and as acme group members in Keycloak")
  void addMembers() {
    requireEarlierStep(groupId, "the pushed group");

    patchGroup(
        op(
            "add",
            "members",
            json(
                """
                [{"value": "%s", "display": "%s"}, {"value": "%s", "display": "%s"}]
                """
                    .formatted(
                        id(memberOne), userName(memberOne), id(memberTwo), userName(memberTwo)))));

    assertThat(members()).containsExactlyInAnyOrder(id(memberOne), id(memberTwo));
    assertThat(
            fixtures
                .companyResource(COMPANY)
                .members()
                .member(id(memberOne))
                .groups(0, 100, true)
                .stream()
                .map(GroupRepresentation::getName))
        .as("the Keycloak organization groups of the member")
        .contains(renamedGroupName);
  }

  @Test
  @Order(34)
  @DisplayName("Group push: remove with path members[value eq \"id\"] takes only that member out")
  void removeOneMember() {
    requireEarlierStep(groupId, "the pushed group");

    patchGroup(op("remove", "members[value eq \"" + id(memberOne) + "\"]", null));

    assertThat(members()).containsExactly(id(memberTwo));
  }

  @Test
  @Order(35)
  @DisplayName("Group push: replace of members sets exactly the members sent")
  void replaceMembers() {
    requireEarlierStep(groupId, "the pushed group");

    patchGroup(op("replace", "members", ScimPayloads.members(id(memberOne))));

    assertThat(members()).containsExactly(id(memberOne));
  }

  @Test
  @Order(36)
  @DisplayName(
      "Group push: DELETE answers 204, the group is gone (404), its members keep their accounts")
  void deleteGroup() {
    requireEarlierStep(groupId, "the pushed group");

    assertStatus(scim.delete("Groups/" + groupId), 204);

    assertScimError(scim.get("Groups/" + groupId), 404, null);
    assertThat(assertResource(scim.get("Users/" + id(memberOne)), 200).path("active").asBoolean())
        .isTrue();
  }

  // ---- helpers ----

  private static String oktaUserName() {
    return unique("scim-okta-") + "@acme.example";
  }

  /** A user as Okta creates it; the created SCIM user. */
  private JsonNode provision() {
    return assertResource(
        scim.post("Users", ScimPayloads.oktaUser(oktaUserName(), "Ada", "Lovelace")), 201);
  }

  /** Okta accepts 200 with the group or 204 for a group PATCH; the tests read the group back. */
  private void patchGroup(JsonNode operation) {
    ScimClient.Answer answer = scim.patch("Groups/" + groupId, patch(operation));
    assertThat(answer.status()).as(answer.toString()).isIn(200, 204);
  }

  private List<String> members() {
    return values(assertResource(scim.get("Groups/" + groupId), 200).path("members"));
  }

  private UserRepresentation account(String id) {
    return admin.realm(CompanySsoStack.REALM).users().get(id).toRepresentation();
  }

  private static String id(JsonNode user) {
    return user.path("id").asText();
  }

  private static String userName(JsonNode user) {
    return user.path("userName").asText();
  }
}
