package dev.companysso.it.scim;

import static dev.companysso.it.scim.ScimAssertions.assertListResponse;
import static dev.companysso.it.scim.ScimAssertions.assertResource;
import static dev.companysso.it.scim.ScimAssertions.assertScimError;
import static dev.companysso.it.scim.ScimAssertions.assertUnauthorized;
import static dev.companysso.it.scim.ScimAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.CompanySsoExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * The discovery documents (RFC 7643 §5–7) Okta and Entra ID read before they provision: what the
 * service supports must match what it does (PATCH yes, bulk and sort no, filters up to 200 results,
 * bearer tokens), and the schemas describe the User, Enterprise User and Group attributes.
 */
@ExtendWith(CompanySsoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimDiscoveryIT {

  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private Keycloak admin;
  private ScimClient scim;

  @BeforeAll
  void token(CompanySsoStack stack) throws Exception {
    admin = stack.keycloak().adminClient();
    scim = new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), "acme"));
  }

  @AfterAll
  void closeAdmin() {
    admin.close();
  }

  @Test
  @DisplayName(
      "ServiceProviderConfig: PATCH and filters (200 results) supported, bulk, sort, ETags and password change not; OAuth bearer token")
  void serviceProviderConfig() {
    JsonNode config = assertResource(scim.get("ServiceProviderConfig"), 200);

    assertThat(texts(config.path("schemas")))
        .containsExactly("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
    assertThat(config.path("bulk").path("supported").asBoolean(true)).isFalse();
    assertThat(config.path("filter").path("supported").asBoolean()).isTrue();
    assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(200);
    assertThat(config.path("sort").path("supported").asBoolean(true)).isFalse();
    assertThat(config.path("etag").path("supported").asBoolean(true)).isFalse();
    assertThat(config.path("changePassword").path("supported").asBoolean(true)).isFalse();
    assertThat(config.path("authenticationSchemes").get(0).path("type").asText())
        .isEqualTo("oauthbearertoken");
    assertThat(config.path("meta").path("location").asText())
        .isEqualTo(scim.baseUrl() + "/ServiceProviderConfig");
  }

  @Test
  @DisplayName(
      "ResourceTypes: User (with the Enterprise User extension) at /Users and Group at /Groups")
  void resourceTypes() {
    JsonNode list = assertListResponse(scim.get("ResourceTypes")).body();

    assertThat(list.path("totalResults").asInt()).isEqualTo(2);
    JsonNode user = assertResource(scim.get("ResourceTypes/User"), 200);
    assertThat(user.path("endpoint").asText()).isEqualTo("/Users");
    assertThat(user.path("schema").asText()).isEqualTo(USER);
    assertThat(user.path("schemaExtensions").get(0).path("schema").asText()).isEqualTo(ENTERPRISE);
    JsonNode group = assertResource(scim.get("ResourceTypes/Group"), 200);
    assertThat(group.path("endpoint").asText()).isEqualTo("/Groups");
    assertThat(group.path("schema").asText()).isEqualTo(GROUP);
    assertScimError(scim.get("ResourceTypes/Printer"), 404, null);
  }

  @Test
  @DisplayName(
      "Schemas: User, Enterprise User and Group, each with its attributes (userName unique and case-insensitive; manager; members)")
  void schemas() {
    JsonNode list = assertListResponse(scim.get("Schemas")).body();
    List<String> ids = new ArrayList<>();
    list.path("Resources").forEach(schema -> ids.add(schema.path("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(USER, ENTERPRISE, GROUP);

    JsonNode user = assertResource(scim.get("Schemas/" + USER), 200);
    JsonNode userName = attribute(user, "userName");
    assertThat(userName.path("uniqueness").asText()).isEqualTo("server");
    assertThat(userName.path("caseExact").asBoolean(true)).isFalse();
    assertThat(attribute(assertResource(scim.get("Schemas/" + ENTERPRISE), 200), "manager"))
        .isNotNull();
    assertThat(attribute(assertResource(scim.get("Schemas/" + GROUP), 200), "members")).isNotNull();
    assertScimError(scim.get("Schemas/urn:example:nothing"), 404, null);
  }

  @Test
  @DisplayName("Discovery needs the company's token too: no token, 401")
  void discoveryNeedsTheToken() {
    assertUnauthorized(scim.withToken("").get("ServiceProviderConfig"));
  }

  private static JsonNode attribute(JsonNode schema, String name) {
    for (JsonNode attribute : schema.path("attributes")) {
      if (attribute.path("name").asText().equals(name)) {
        return attribute;
      }
    }
    throw new AssertionError("No attribute " + name + " in " + schema.path("id").asText());
  }
}
