package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The realm export imported offline with {@code kc.sh import --dir}, as a user's CI does before it
 * starts Keycloak (the running test server proves {@code --import-realm}). A copy of the
 * distribution keeps this database apart from the shared test server's.
 */
class RealmImportCommandIT {

  private static final Path WORK = Path.of("target", "realm-import-command");

  @Test
  @DisplayName(
      "kc.sh import --dir imports the workforce realm with its companies, resolving the placeholders from the environment")
  void importsWithTheImportCommand() throws Exception {
    KeycloakDistribution copy =
        KeycloakDistribution.fromSystemProperties()
            .copyTo(WORK.resolve("keycloak").toAbsolutePath());
    Path log = WORK.resolve("kc-commands.log");
    Map<String, String> environment = Map.of("OKTA_ACME_URL", "https://acme.okta.com");

    assertThat(copy.importRealms(environment, log))
        .as("kc.sh import exit code; see %s", log)
        .isZero();
    Path export = WORK.resolve("workforce-export.json").toAbsolutePath();
    assertThat(copy.exportRealm(CompanySsoStack.REALM, export, environment, log))
        .as("kc.sh export exit code; see %s", log)
        .isZero();

    JsonNode realm = new ObjectMapper().readTree(export.toFile());
    assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
    assertThat(texts(realm.path("organizations"), "alias"))
        .containsExactlyInAnyOrder("acme", "contoso", "globex", "fabrikam");
    assertThat(
            texts(
                realm.path("components").path("org.keycloak.storage.UserStorageProvider"),
                "providerId"))
        .containsExactlyInAnyOrder("okta-directory", "entra-directory");
    assertThat(texts(realm.path("roles").path("realm"), "name")).contains("Worker", "Owner");
    assertThat(texts(realm.path("clients"), "clientId")).contains("demo-app");
    // The forms travel with their placeholders resolved, and the import stores the endpoints
    // derived from them (the tile login finds a provider by its stored issuer).
    JsonNode okta = find(realm.path("identityProviders"), "alias", "acme-okta");
    assertThat(okta.path("config").path("baseUrlOverride").asText())
        .isEqualTo("https://acme.okta.com");
    assertThat(okta.path("config").path("issuer").asText()).isEqualTo("https://acme.okta.com");
    assertThat(okta.path("config").path("tokenUrl").asText())
        .isEqualTo("https://acme.okta.com/oauth2/v1/token");
    JsonNode entra = find(realm.path("identityProviders"), "alias", "contoso-entra");
    assertThat(entra.path("config").path("tenantId").asText())
        .as("placeholder default")
        .isEqualTo(CompanySsoStack.CONTOSO_TENANT_ID);
    assertThat(entra.path("config").path("authorityOverride").asText())
        .as("placeholder default")
        .isEqualTo("http://localhost:9002");
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.path(field).asText())
        .toList();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .filter(n -> value.equals(n.path(field).asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no element with " + field + "=" + value));
  }
}
