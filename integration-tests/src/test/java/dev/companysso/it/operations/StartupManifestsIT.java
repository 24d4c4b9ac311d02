package dev.companysso.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.FreePort;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.KeycloakServer;
import dev.companysso.it.support.RealmFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * A folder of manifests applied when Keycloak starts ({@code COMPANY_SSO_MANIFESTS_DIR}), on a copy
 * of the distribution with a database of its own: a good manifest makes its company, a bad one is
 * refused in the log and does not stop the start.
 */
class StartupManifestsIT {

  private static final Path WORK = Path.of("target", "startup-manifests");

  @Test
  @DisplayName(
      "Manifests in the folder are applied at start-up; a bad one is logged as refused and the server starts")
  void appliedAtStartup() throws Exception {
    Path folder = WORK.resolve("manifests").toAbsolutePath();
    Files.createDirectories(folder.resolve(CompanySsoStack.REALM));
    Files.writeString(
        folder.resolve(CompanySsoStack.REALM).resolve("initech.json"),
        """
        {"code": "initech", "name": "Initech", "domains": [{"name": "initech.example", "verified": true}],
         "options": {"firstMemberOwner": true}}
        """);
    Files.writeString(
        folder.resolve(CompanySsoStack.REALM).resolve("broken.json"),
        """
        {"code": "broken", "nmae": "Broken"}
        """);
    KeycloakDistribution copy =
        KeycloakDistribution.fromSystemProperties()
            .copyTo(WORK.resolve("keycloak").toAbsolutePath());
    try (KeycloakServer server =
            KeycloakServer.start(
                copy,
                FreePort.pick(),
                FreePort.pick(),
                WORK.resolve("keycloak.log").toAbsolutePath(),
                Map.of("COMPANY_SSO_MANIFESTS_DIR", folder.toString()));
        Keycloak admin = server.adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      var initech = fixtures.companyRepresentation("initech");
      assertThat(initech.getName()).isEqualTo("Initech");
      assertThat(initech.getDomains())
          .singleElement()
          .satisfies(domain -> assertThat(domain.isVerified()).isTrue());
      assertThat(fixtures.companyResource("initech").toRepresentation().getAttributes())
          .containsEntry("companySso.firstMemberOwner", java.util.List.of("true"));
      assertThat(admin.realm(CompanySsoStack.REALM).organizations().list(0, 100))
          .noneMatch(company -> company.getAlias().equals("broken"));
      assertThat(server.logTail(2000))
          .contains("broken.json refused, nothing changed: nmae: unknown field")
          .contains("initech.json applied to realm workforce");
    }
  }
}
