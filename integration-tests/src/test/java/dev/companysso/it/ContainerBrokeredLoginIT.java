package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.FreePort;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.EntraSimulator;
import dev.companysso.simulators.OktaSimulator;
import dev.companysso.simulators.SimulatorDirectory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.testcontainers.Testcontainers;

/**
 * The walking skeleton on Keycloak's container image through testcontainers-keycloak, for machines
 * with a Docker engine. Without one the class is skipped; {@link BrokeredLoginIT} runs the same
 * sign-in on the distribution everywhere.
 */
@org.testcontainers.junit.jupiter.Testcontainers(disabledWithoutDocker = true)
class ContainerBrokeredLoginIT {

  /** How the container reaches the simulators; the browser maps the same name to loopback. */
  private static final String HOST = "host.testcontainers.internal";

  private static OktaSimulator okta;
  private static EntraSimulator entra;
  private static KeycloakContainer keycloak;

  @BeforeAll
  static void start() throws Exception {
    SimulatorDirectory directory = SimulatorDirectory.demo();
    okta = OktaSimulator.start(directory, FreePort.pick(), HOST);
    entra = EntraSimulator.start(directory, FreePort.pick(), HOST);
    Testcontainers.exposeHostPorts(okta.port(), entra.port());
    keycloak =
        new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version"))
            .withProviderLibsFrom(bundleJars())
            .withRealmImportFile("/realms/workforce-realm.json")
            .withEnv(CompanySsoStack.realmEnvironment(okta, entra))
            .withAccessToHost(true);
    keycloak.start();
  }

  @AfterAll
  static void stop() {
    if (keycloak != null) {
      keycloak.stop();
    }
    if (okta != null) {
      okta.close();
    }
    if (entra != null) {
      entra.close();
    }
  }

  @Test
  @DisplayName(
      "In the container image, a worker of Acme signs in through Acme's Okta and is linked to it")
  void signsInThroughOkta() throws Exception {
    String baseUrl = keycloak.getAuthServerUrl().replaceAll("/$", "");
    try (Browser browser = Browser.start("--host-resolver-rules=MAP " + HOST + " 127.0.0.1")) {
      BrokeredLogin.signIn(
          browser,
          baseUrl,
          CompanySsoStack.REALM,
          "acme-okta",
          UpstreamSignInPage.OKTA,
          "alice@acme.example",
          "alice-password");
    }
    try (Keycloak admin = keycloak.getKeycloakAdminClient()) {
      assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "alice@acme.example"))
          .extracting(
              FederatedIdentityRepresentation::getIdentityProvider,
              FederatedIdentityRepresentation::getUserId)
          .containsExactly(tuple("acme-okta", "00u1alice00000000001"));
    }
  }

  private static List<File> bundleJars() throws Exception {
    try (Stream<Path> jars =
        Files.list(Path.of(System.getProperty("company-sso.bundle.dir"), "providers"))) {
      return jars.map(Path::toFile).toList();
    }
  }
}
