package dev.companysso.it.scim;

import static dev.companysso.it.scim.ScimAssertions.assertEmptyList;
import static dev.companysso.it.scim.ScimAssertions.assertResource;
import static dev.companysso.it.scim.ScimAssertions.assertScimError;
import static dev.companysso.it.scim.ScimAssertions.assertSingle;
import static dev.companysso.it.scim.ScimAssertions.assertStatus;
import static dev.companysso.it.scim.ScimAssertions.requireEarlierStep;
import static dev.companysso.it.scim.ScimAssertions.texts;
import static dev.companysso.it.scim.ScimAssertions.values;
import static dev.companysso.it.scim.ScimPayloads.ENTERPRISE_USER;
import static dev.companysso.it.scim.ScimPayloads.json;
import static dev.companysso.it.scim.ScimPayloads.op;
import static dev.companysso.it.scim.ScimPayloads.patch;
import static dev.companysso.it.scim.ScimPayloads.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.CompanySsoExtension;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Microsoft Entra ID's provisioning service against company {@code contoso}, replaying the payloads
 * of Microsoft's SCIM validator and of "Develop a SCIM endpoint" (capitalised ops, string booleans,
 * dotted path-less replaces, the manager as a plain id, ADSCIM groups): users (orders 1–13), groups
 * (20–26), errors (30–32).
 */
@ExtendWith(CompanySsoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntraScimConformanceIT {

  private static final String COMPANY = "contoso";
  private static final String IDENTITY_PROVIDER = "contoso-entra";

  private String keycloakBaseUrl;
  private Keycloak admin;
  private ScimClient scim;

  /** Provisioned up front: the user's manager and, with the manager, the group's members. */
  private JsonNode manager;

  private JsonNode colleague;

  // The user the validator walks through create, queries, patches and delete.
  private final String externalId = UUID.randomUUID().toString();
  private final String userName = testUserName();
  private final String renamedUserName = testUserName();
  private String userId;

  private final String groupName = unique("scim-entra-group-");
  private final String renamedGroupName = groupName + "updatedDisplayName";
  private final String groupExternalId = UUID.randomUUID().toString();
  private String groupId;

  @BeforeAll
  void connect(CompanySsoStack stack) throws Exception {
    keycloakBaseUrl = stack.keycloak().baseUrl();
    admin = stack.keycloak().adminClient();
    scim = new ScimClient(ScimClient.rotateToken(admin, keycloakBaseUrl, COMPANY));
    manager = provision(testUserName());
    colleague = provision(testUserName());
  }

  @AfterAll
  void closeAdmin() {
    admin.close();
  }

  // ---- Users ----

  @Test
  @Order(1)
  @DisplayName(
      "Create user: Entra's payload (core and enterprise schemas, externalId, meta, empty roles) answers 201 with userName, externalId, names, work e-mail and department")
  void createUser() {
    JsonNode user =
        assertResource(
            scim.post(
                "Users",
                ScimPayloads.entraUser(userName, externalId, testUserName(), "Engineering")),
            201);
    userId = user.path("id").asText(null);

    assertThat(userId).isNotBlank();
    assertThat(texts(user.path("schemas")))
        .contains(ScimPayloads.USER_SCHEMA, ScimPayloads.ENTERPRISE_USER);
    assertThat(user.path("userName").asText()).isEqualTo(userName);
    assertThat(user.path("externalId").asText()).isEqualTo(externalId);
    assertThat(user.path("name").path("givenName").asText()).isEqualTo("givenName");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("familyName");
    assertThat(user.path("emails").path(0).path("type").asText()).isEqualTo("work");
    assertThat(user.path(ENTERPRISE_USER).path("department").asText()).isEqualTo("Engineering");
    assertThat(user.path("active").asBoolean()).isTrue();
  }

  @Test
  @Order(2)
  @DisplayName(
      "Create user: the Keycloak account is linked to contoso-entra by the externalId (the object id an Entra sign-in presents), e-mail unverified outside contoso's domain")
  void createdAccountIsLinkedByExternalId() {
    requireEarlierStep(userId, "the validator's user");

    assertThat(user().getFederatedIdentity())
        .extracting(
            FederatedIdentityRepresentation::getIdentityProvider,
            FederatedIdentityRepresentation::getUserId)
        .containsExactly(tuple(IDENTITY_PROVIDER, externalId));
    UserRepresentation account = user().toRepresentation();
    assertThat(account.getUsername()).isEqualTo(userName.toLowerCase(Locale.ROOT));
    assertThat(account.isEmailVerified()).as("testuser.com is not a domain of contoso").isFalse();
    assertThat(account.getAttributes()).containsEntry("department", List.of("Engineering"));
  }

  @Test
  @Order(3)
  @DisplayName("Get user by query: filter userName eq and externalId eq each find exactly the user")
  void findByUserNameAndExternalId() {
    requireEarlierStep(userId, "the validator's user");

    assertSingle(
        scim.get("Users?" + ScimClient.filter("userName eq \"" + userName + "\"")), userId);
    assertSingle(
        scim.get("Users?" + ScimClient.filter("externalId eq \"" + externalId + "\"")), userId);
  }

  @Test
  @Order(4)
  @DisplayName("Get user by query, zero results: 200 with totalResults 0")
  void queryWithoutResults() {
    assertEmptyList(scim.get("Users?" + ScimClient.filter("userName eq \"non-existent user\"")));
  }

  @Test
  @Order(5)
  @DisplayName(
      "Update user: Replace of emails[type eq \"work\"].value and name.familyName changes both, in SCIM and in Keycloak")
  void replaceWorkEmailAndFamilyName() {
    requireEarlierStep(userId, "the validator's user");
    String newEmail = testUserName();

    JsonNode user =
        patchUser(
            op("Replace", "emails[type eq \"work\"].value", newEmail),
            op("Replace", "name.familyName", "updatedFamilyName"));

    assertThat(values(user.path("emails")))
        .as("emails.value is not case-exact (RFC 7643), Keycloak keeps e-mails in lower case")
        .singleElement()
        .asString()
        .isEqualToIgnoringCase(newEmail);
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
    UserRepresentation account = user().toRepresentation();
    assertThat(account.getEmail()).isEqualTo(newEmail.toLowerCase(Locale.ROOT));
    assertThat(account.getLastName()).isEqualTo("updatedFamilyName");
  }

  @Test
  @Order(6)
  @DisplayName(
      "Update user: Replace of userName renames the account; the old userName no longer finds it")
  void replaceUserName() {
    requireEarlierStep(userId, "the validator's user");

    JsonNode user = patchUser(op("Replace", "userName", renamedUserName));

    assertThat(user.path("userName").asText()).isEqualTo(renamedUserName);
    assertThat(user().toRepresentation().getUsername())
        .isEqualTo(renamedUserName.toLowerCase(Locale.ROOT));
    assertEmptyList(scim.get("Users?" + ScimClient.filter("userName eq \"" + userName + "\"")));
  }

  @Test
  @Order(7)
  @DisplayName(
      "Update user: Add of the enterprise manager as a plain id string sets manager.value, kept as the account's manager attribute")
  void addManagerAsPlainString() {
    requireEarlierStep(userId, "the validator's user");
    String managerId = manager.path("id").asText();

    JsonNode user = patchUser(op("Add", ENTERPRISE_USER + ":manager", managerId));

    assertThat(user.path(ENTERPRISE_USER).path("manager").path("value").asText())
        .isEqualTo(managerId);
    assertThat(
            assertResource(scim.get("Users/" + userId), 200)
                .path(ENTERPRISE_USER)
                .path("manager")
                .path("value")
                .asText())
        .isEqualTo(managerId);
    assertThat(user().toRepresentation().getAttributes())
        .containsEntry("companySso.scim.manager", List.of(managerId));
  }

  @Test
  @Order(8)
  @DisplayName("Disable user: Replace of active with false disables the account")
  void disableWithBoolean() {
    requireEarlierStep(userId, "the validator's user");

    assertActive(patchUser(op("Replace", "active", false)), false);
  }

  @Test
  @Order(9)
  @DisplayName("Enable user: Replace of active with the string \"True\" re-enables it")
  void enableWithString() {
    requireEarlierStep(userId, "the validator's user");

    assertActive(patchUser(op("Replace", "active", "True")), true);
  }

  @Test
  @Order(10)
  @DisplayName(
      "Disable user: Replace of active with the string \"False\" disables it again, \"True\" brings it back")
  void disableWithString() {
    requireEarlierStep(userId, "the validator's user");

    assertActive(patchUser(op("Replace", "active", "False")), false);
    assertActive(patchUser(op("Replace", "active", "True")), true);
  }

  @Test
  @Order(11)
  @DisplayName(
      "Update user: a path-less Replace with dotted keys (name.givenName, the enterprise department URN) sets both")
  void pathlessReplaceWithDottedKeys() {
    requireEarlierStep(userId, "the validator's user");

    JsonNode user =
        patchUser(
            op(
                "Replace",
                null,
                json(
                    """
                    {"name.givenName": "updatedGivenName", "%s:department": "updatedDepartment"}
                    """
                        .formatted(ENTERPRISE_USER))));

    assertThat(user.path("name").path("givenName").asText()).isEqualTo("updatedGivenName");
    assertThat(user.path("name").path("familyName").asText())
        .as("the other name part stays")
        .isEqualTo("updatedFamilyName");
    assertThat(user.path(ENTERPRISE_USER).path("department").asText())
        .isEqualTo("updatedDepartment");
    UserRepresentation account = user().toRepresentation();
    assertThat(account.getFirstName()).isEqualTo("updatedGivenName");
    assertThat(account.getAttributes()).containsEntry("department", List.of("updatedDepartment"));
  }

  @Test
  @Order(12)
  @DisplayName(
      "Delete user: DELETE answers 204, then GET answers 404 and the userName filter finds nothing")
  void deleteUser() {
    requireEarlierStep(userId, "the validator's user");

    assertStatus(scim.delete("Users/" + userId), 204);

    assertScimError(scim.get("Users/" + userId), 404, null);
    assertEmptyList(
        scim.get("Users?" + ScimClient.filter("userName eq \"" + renamedUserName + "\"")));
  }

  @Test
  @Order(13)
  @DisplayName(
      "Delete user: the Keycloak account follows contoso's onDelete setting (disable: kept disabled; delete: gone)")
  void deleteFollowsTheCompanySetting() throws Exception {
    requireEarlierStep(userId, "the validator's user");
    AdminRest.Answer settings =
        AdminRest.call(
            admin, keycloakBaseUrl, CompanySsoStack.REALM, "GET", "company-sso-scim/" + COMPANY);
    String onDelete = settings.body().path("onDelete").asText();

    List<UserRepresentation> found =
        admin
            .realm(CompanySsoStack.REALM)
            .users()
            .searchByUsername(renamedUserName.toLowerCase(Locale.ROOT), true);

    if ("delete".equals(onDelete)) {
      assertThat(found).isEmpty();
    } else {
      assertThat(onDelete).isEqualTo("disable");
      assertThat(found).singleElement().extracting(UserRepresentation::isEnabled).isEqualTo(false);
    }
  }

  // ---- Groups ----

  @Test
  @Order(20)
  @DisplayName(
      "Create group: Entra's payload with the ADSCIM schema answers 201 with displayName and externalId")
  void createGroup() {
    JsonNode group =
        assertResource(
            scim.post("Groups", ScimPayloads.entraGroup(groupName, groupExternalId)), 201);
    groupId = group.path("id").asText(null);

    assertThat(groupId).isNotBlank();
    assertThat(group.path("displayName").asText()).isEqualTo(groupName);
    assertThat(group.path("externalId").asText()).isEqualTo(groupExternalId);
    assertThat(texts(group.path("schemas"))).contains(ScimPayloads.GROUP_SCHEMA);
  }

  @Test
  @Order(21)
  @DisplayName("Update group: Replace of displayName renames the group")
  void replaceDisplayName() {
    requireEarlierStep(groupId, "the validator's group");

    patchGroup(op("Replace", "displayName", renamedGroupName));

    assertThat(assertResource(scim.get("Groups/" + groupId), 200).path("displayName").asText())
        .isEqualTo(renamedGroupName);
  }

  @Test
  @Order(22)
  @DisplayName("Update group: Add of members given as {$ref: null, value} without type adds them")
  void addMembers() {
    requireEarlierStep(groupId, "the validator's group");

    patchGroup(
        op("Add", "members", json("[" + memberRef(manager) + "]")),
        op("Add", "members", json("[" + memberRef(colleague) + "]")));

    assertThat(values(assertResource(scim.get("Groups/" + groupId), 200).path("members")))
        .containsExactlyInAnyOrder(id(manager), id(colleague));
  }

  @Test
  @Order(23)
  @DisplayName("Get group: excludedAttributes=members leaves the (non-empty) members out")
  void getWithoutMembers() {
    requireEarlierStep(groupId, "the validator's group");

    JsonNode group =
        assertResource(scim.get("Groups/" + groupId + "?excludedAttributes=members"), 200);

    assertThat(group.has("members")).as(group.toString()).isFalse();
    assertThat(group.path("id").asText()).isEqualTo(groupId);
    assertThat(group.path("displayName").asText()).isEqualTo(renamedGroupName);
  }

  @Test
  @Order(24)
  @DisplayName(
      "Get group by query: excludedAttributes=members with a displayName filter finds the group without its members")
  void queryWithoutMembers() {
    requireEarlierStep(groupId, "the validator's group");

    JsonNode group =
        assertSingle(
            scim.get(
                "Groups?excludedAttributes=members&"
                    + ScimClient.filter("displayName eq \"" + renamedGroupName + "\"")),
            groupId);

    assertThat(group.has("members")).as(group.toString()).isFalse();
  }

  @Test
  @Order(25)
  @DisplayName(
      "Update group: Remove with path members and a value list takes out only the listed member")
  void removeListedMember() {
    requireEarlierStep(groupId, "the validator's group");

    patchGroup(op("Remove", "members", json("[" + memberRef(manager) + "]")));

    assertThat(values(assertResource(scim.get("Groups/" + groupId), 200).path("members")))
        .containsExactly(id(colleague));
  }

  @Test
  @Order(26)
  @DisplayName("Delete group: DELETE answers 204, then GET answers 404")
  void deleteGroup() {
    requireEarlierStep(groupId, "the validator's group");

    assertStatus(scim.delete("Groups/" + groupId), 204);

    assertScimError(scim.get("Groups/" + groupId), 404, null);
  }

  // ---- Errors ----

  @Test
  @Order(30)
  @DisplayName("Malformed JSON answers 400 invalidSyntax")
  void malformedJson() {
    assertScimError(
        scim.send(
            "POST", "Users", "{\"schemas\": [\"" + ScimPayloads.USER_SCHEMA, ScimClient.SCIM_JSON),
        400,
        "invalidSyntax");
  }

  @Test
  @Order(31)
  @DisplayName("A filter without its value (userName eq) answers 400 invalidFilter")
  void incompleteFilter() {
    assertScimError(scim.get("Users?" + ScimClient.filter("userName eq")), 400, "invalidFilter");
  }

  @Test
  @Order(32)
  @DisplayName("POST /Users without userName answers 400 invalidValue and creates nobody")
  void userWithoutUserName() {
    String email = testUserName();
    ObjectNode withoutUserName =
        ScimPayloads.entraUser("unused", UUID.randomUUID().toString(), email, "Engineering");
    withoutUserName.remove("userName");

    assertScimError(scim.post("Users", withoutUserName), 400, "invalidValue");
    assertThat(
            admin
                .realm(CompanySsoStack.REALM)
                .users()
                .searchByEmail(email.toLowerCase(Locale.ROOT), true))
        .isEmpty();
  }

  // ---- helpers ----

  /** The validator's userName shape; also used for its e-mail addresses. */
  private static String testUserName() {
    return "Test_User_" + UUID.randomUUID() + "@testuser.com";
  }

  private JsonNode provision(String name) {
    return assertResource(
        scim.post(
            "Users",
            ScimPayloads.entraUser(name, UUID.randomUUID().toString(), testUserName(), "Sales")),
        201);
  }

  /** A user PATCH; the contract answers 200 with the user. */
  private JsonNode patchUser(JsonNode... operations) {
    return assertResource(scim.patch("Users/" + userId, patch(operations)), 200);
  }

  /** Entra accepts 200 with the group or 204 for a group PATCH; the tests read the group back. */
  private void patchGroup(JsonNode... operations) {
    ScimClient.Answer answer = scim.patch("Groups/" + groupId, patch(operations));
    assertThat(answer.status()).as(answer.toString()).isIn(200, 204);
  }

  /** {@code active} in the PATCH answer, on a fresh GET, and as the account's enabled flag. */
  private void assertActive(JsonNode patched, boolean active) {
    assertThat(patched.path("active").isBoolean()).as(patched.toString()).isTrue();
    assertThat(patched.path("active").asBoolean()).isEqualTo(active);
    assertThat(assertResource(scim.get("Users/" + userId), 200).path("active").asBoolean())
        .isEqualTo(active);
    assertThat(user().toRepresentation().isEnabled()).isEqualTo(active);
  }

  /** A member as Entra sends it: a null $ref and the id, no type. */
  private static String memberRef(JsonNode user) {
    return "{\"$ref\": null, \"value\": \"%s\"}".formatted(id(user));
  }

  private static String id(JsonNode user) {
    return user.path("id").asText();
  }

  private UserResource user() {
    return admin.realm(CompanySsoStack.REALM).users().get(userId);
  }
}
