package dev.companysso.it.scim;

import static dev.companysso.it.scim.ScimAssertions.assertEmptyList;
import static dev.companysso.it.scim.ScimAssertions.assertListResponse;
import static dev.companysso.it.scim.ScimAssertions.assertResource;
import static dev.companysso.it.scim.ScimAssertions.assertScimError;
import static dev.companysso.it.scim.ScimAssertions.assertUnauthorized;
import static dev.companysso.it.scim.ScimAssertions.values;
import static dev.companysso.it.scim.ScimPayloads.op;
import static dev.companysso.it.scim.ScimPayloads.patch;
import static dev.companysso.it.scim.ScimPayloads.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.CompanySsoExtension;
import java.util.ArrayList;
import java.util.List;
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

/**
 * One company's SCIM token reaches only that company: company A is {@code globex} (Okta), company B
 * is {@code fabrikam} (Entra ID), each provisioned with its own token. The token lifecycle steps
 * (rotation, revocation) come last because they end A's access.
 */
@ExtendWith(CompanySsoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScimIsolationIT {

  private static final String COMPANY_A = "globex";
  private static final String COMPANY_B = "fabrikam";

  private String keycloakBaseUrl;
  private Keycloak admin;
  private ScimClient companyA;
  private ScimClient companyB;

  private JsonNode userA;
  private JsonNode groupA;
  private JsonNode userB;
  private JsonNode groupB;

  @BeforeAll
  void provisionBothCompanies(CompanySsoStack stack) throws Exception {
    keycloakBaseUrl = stack.keycloak().baseUrl();
    admin = stack.keycloak().adminClient();
    companyA = new ScimClient(ScimClient.rotateToken(admin, keycloakBaseUrl, COMPANY_A));
    companyB = new ScimClient(ScimClient.rotateToken(admin, keycloakBaseUrl, COMPANY_B));

    String nameA = unique("scim-iso-") + "@globex.example";
    userA =
        assertResource(companyA.post("Users", ScimPayloads.oktaUser(nameA, "Gina", "Globex")), 201);
    groupA =
        assertResource(
            companyA.post("Groups", ScimPayloads.oktaGroup(unique("scim-iso-globex-"))), 201);

    String nameB = unique("scim-iso-") + "@fabrikam.example";
    userB =
        assertResource(
            companyB.post(
                "Users",
                ScimPayloads.entraUser(nameB, UUID.randomUUID().toString(), nameB, "Finance")),
            201);
    groupB =
        assertResource(
            companyB.post(
                "Groups",
                ScimPayloads.entraGroup(
                    unique("scim-iso-fabrikam-"), UUID.randomUUID().toString())),
            201);
  }

  @AfterAll
  void closeAdmin() {
    admin.close();
  }

  @Test
  @Order(1)
  @DisplayName("A company's token on the other company's base URL answers 401, both ways")
  void tokenOnTheOtherBaseUrlIsUnauthorized() {
    assertUnauthorized(companyA.withBaseUrl(companyB.baseUrl()).get("Users"));
    assertUnauthorized(companyB.withBaseUrl(companyA.baseUrl()).get("Users/" + id(userB)));
  }

  @Test
  @Order(2)
  @DisplayName(
      "Through A's endpoint, B's user cannot be read, replaced, patched or deleted (404 each), and B still has it unchanged")
  void otherCompanysUserIsNotFound() {
    String path = "Users/" + id(userB);
    ObjectNode replacement = userB.deepCopy();
    ((ObjectNode) replacement.get("name")).put("familyName", "Hijacked");

    assertScimError(companyA.get(path), 404, null);
    assertScimError(companyA.put(path, replacement), 404, null);
    assertScimError(companyA.patch(path, patch(op("replace", "active", false))), 404, null);
    assertScimError(companyA.delete(path), 404, null);

    JsonNode unchanged = assertResource(companyB.get(path), 200);
    assertThat(unchanged.path("active").asBoolean()).isTrue();
    assertThat(unchanged.path("name").path("familyName").asText())
        .isEqualTo(userB.path("name").path("familyName").asText());
  }

  @Test
  @Order(3)
  @DisplayName(
      "Through A's endpoint, B's group cannot be read, replaced, patched or deleted (404 each), and B still has it unchanged")
  void otherCompanysGroupIsNotFound() {
    String path = "Groups/" + id(groupB);
    ObjectNode replacement = groupB.deepCopy();
    replacement.put("displayName", "hijacked");

    assertScimError(companyA.get(path), 404, null);
    assertScimError(companyA.put(path, replacement), 404, null);
    assertScimError(
        companyA.patch(path, patch(op("replace", "displayName", "hijacked"))), 404, null);
    assertScimError(companyA.delete(path), 404, null);

    assertThat(assertResource(companyB.get(path), 200).path("displayName").asText())
        .isEqualTo(groupB.path("displayName").asText());
  }

  @Test
  @Order(4)
  @DisplayName("A's user list, read page by page, holds A's user and never B's")
  void listsHoldOnlyTheCompanysUsers() {
    List<String> ids = allIds(companyA, "Users");

    assertThat(ids).contains(id(userA)).doesNotContain(id(userB));
  }

  @Test
  @Order(5)
  @DisplayName("A's filters on B's userName, id or externalId find nothing")
  void filtersDoNotReachTheOtherCompany() {
    assertEmptyList(
        companyA.get("Users?" + ScimClient.filter("userName eq \"" + userName(userB) + "\"")));
    assertEmptyList(companyA.get("Users?" + ScimClient.filter("id eq \"" + id(userB) + "\"")));
    assertEmptyList(
        companyA.get(
            "Users?"
                + ScimClient.filter(
                    "externalId eq \"" + userB.path("externalId").asText() + "\"")));
  }

  @Test
  @Order(6)
  @DisplayName("A's group list and displayName filter never show B's group")
  void groupListsHoldOnlyTheCompanysGroups() {
    assertThat(allIds(companyA, "Groups")).contains(id(groupA)).doesNotContain(id(groupB));
    assertEmptyList(
        companyA.get(
            "Groups?"
                + ScimClient.filter(
                    "displayName eq \"" + groupB.path("displayName").asText() + "\"")));
  }

  @Test
  @Order(7)
  @DisplayName(
      "B's user id as a member of A's group (PATCH add, or POST) answers 400 invalidValue and adds nobody")
  void otherCompanysUserCannotJoinAGroup() {
    assertScimError(
        companyA.patch(
            "Groups/" + id(groupA), patch(op("add", "members", ScimPayloads.members(id(userB))))),
        400,
        "invalidValue");
    assertThat(values(assertResource(companyA.get("Groups/" + id(groupA)), 200).path("members")))
        .isEmpty();

    ObjectNode group = ScimPayloads.oktaGroup(unique("scim-iso-globex-"));
    group.set("members", ScimPayloads.members(id(userB)));
    assertScimError(companyA.post("Groups", group), 400, "invalidValue");
  }

  @Test
  @Order(10)
  @DisplayName(
      "An unknown company alias answers exactly what a wrong token answers: 401, so aliases cannot be probed")
  void unknownCompanyLooksLikeAWrongToken() {
    ScimClient.Answer unknownCompany =
        companyA
            .withBaseUrl(ScimClient.baseUrl(keycloakBaseUrl, unique("no-such-company-")))
            .get("Users");
    ScimClient.Answer wrongToken =
        companyA.withToken("csso_scim_" + UUID.randomUUID()).get("Users");

    assertUnauthorized(unknownCompany);
    assertUnauthorized(wrongToken);
    assertThat(unknownCompany.body()).isEqualTo(wrongToken.body());
    assertThat(unknownCompany.wwwAuthenticate()).isEqualTo(wrongToken.wwwAuthenticate());
  }

  @Test
  @Order(11)
  @DisplayName(
      "Rotating A's token: the old token answers 401 at once, the new one works, B's token is untouched")
  void rotationReplacesTheToken() throws Exception {
    ScimClient old = companyA;

    companyA = new ScimClient(ScimClient.rotateToken(admin, keycloakBaseUrl, COMPANY_A));

    assertUnauthorized(old.get("Users/" + id(userA)));
    assertResource(companyA.get("Users/" + id(userA)), 200);
    assertResource(companyB.get("Users/" + id(userB)), 200);
  }

  @Test
  @Order(12)
  @DisplayName("Deleting A's token (204): A's endpoint answers 401, B's token still works")
  void deletedTokenIsUnauthorized() throws Exception {
    assertThat(ScimClient.deleteToken(admin, keycloakBaseUrl, COMPANY_A)).isEqualTo(204);

    assertUnauthorized(companyA.get("Users/" + id(userA)));
    assertUnauthorized(companyA.get("Users"));
    assertResource(companyB.get("Users/" + id(userB)), 200);
  }

  /** Every id of a resource type, following startIndex/count as Okta and Entra page. */
  private static List<String> allIds(ScimClient client, String resourceType) {
    List<String> ids = new ArrayList<>();
    int startIndex = 1;
    for (int page = 0; page < 100; page++) {
      ScimClient.Answer answer =
          assertListResponse(client.get(resourceType + "?startIndex=" + startIndex + "&count=200"));
      ids.addAll(answer.resourceIds());
      startIndex += answer.resources().size();
      if (answer.resources().isEmpty() || startIndex > answer.body().path("totalResults").asInt()) {
        return ids;
      }
    }
    throw new AssertionError("More than 100 pages of " + resourceType);
  }

  private static String id(JsonNode resource) {
    return resource.path("id").asText();
  }

  private static String userName(JsonNode user) {
    return user.path("userName").asText();
  }
}
