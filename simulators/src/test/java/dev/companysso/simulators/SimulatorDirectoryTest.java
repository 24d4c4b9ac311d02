package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Simulator directory data file")
class SimulatorDirectoryTest {

  @Test
  @DisplayName(
      "The demo directory holds the acme Okta org and the contoso Entra tenant the realm export refers to")
  void demoValues() {
    SimulatorDirectory demo = SimulatorDirectory.demo();

    OktaOrg acme = demo.oktaOrg("acme").orElseThrow();
    assertThat(acme.orgId()).isEqualTo("00o1acme0000000000001");
    assertThat(acme.authorizationServers()).containsExactly("default");
    assertThat(acme.client("0oa1acmekeycloak000001").orElseThrow().assignedUsers())
        .contains("alice@acme.example", "bob@acme.example");
    assertThat(acme.users())
        .extracting(OktaOrg.User::login)
        .contains("alice@acme.example", "bob@acme.example", "carol@acme.example");

    EntraTenant contoso = demo.entraTenant("contoso.example").orElseThrow();
    assertThat(contoso.tenantId()).isEqualTo("5f0f6e0c-8c1a-4f7e-9d2b-6a1c3e4b7a10");
    assertThat(demo.entraTenant("5F0F6E0C-8C1A-4F7E-9D2B-6A1C3E4B7A10")).hasValue(contoso);
    EntraTenant.User frank =
        contoso.userByObjectId("0d7e2c4a-91b3-4f5e-8a6d-7c1b2e3f4a03").orElseThrow();
    assertThat(frank.accountEnabled()).isTrue();
    assertThat(contoso.app("3c2b1a09-8f7e-4d6c-b5a4-938271605f4e").orElseThrow().assignedUsers())
        .doesNotContain(frank.userPrincipalName());
  }

  @Test
  @DisplayName(
      "The demo globex org and fabrikam tenant serve directory sync: an API token, a service app whose private key ships as a demo key, app permissions")
  void directorySyncValues() throws Exception {
    SimulatorDirectory demo = SimulatorDirectory.demo();

    OktaOrg globex = demo.oktaOrg("globex").orElseThrow();
    assertThat(globex.apiToken()).isEqualTo("00globex-directory-read-token");
    assertThat(globex.apiPageSize()).isEqualTo(3);
    assertThat(globex.users()).hasSize(10);
    OktaOrg.ServiceApp app = globex.serviceApp("0oa1globexdirsync0001").orElseThrow();
    assertThat(app.scopes()).containsExactly("okta.users.read", "okta.groups.read");
    RSAKey demoKey = RSAKey.parse(OktaSimulator.demoServiceAppPrivateJwk());
    assertThat(demoKey.isPrivate()).isTrue();
    assertThat(demoKey.getKeyID()).isEqualTo("globex-dirsync-1");
    assertThat(demoKey.toPublicJWK()).isEqualTo(app.publicKey());

    EntraTenant fabrikam = demo.entraTenant("fabrikam.example").orElseThrow();
    assertThat(fabrikam.tenantId()).isEqualTo("9a7b5c3d-1e2f-4a6b-8c9d-0e1f2a3b4c5d");
    assertThat(
            fabrikam
                .app("7d6c5b4a-3f2e-4d1c-9b8a-1f2e3d4c5b6a")
                .orElseThrow()
                .applicationPermissions())
        .containsExactly("User.Read.All", "GroupMember.Read.All");
    assertThat(
            fabrikam
                .app("2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901")
                .orElseThrow()
                .applicationPermissions())
        .isEmpty();
  }

  @Test
  @DisplayName("Generated group memberships have the same GUIDs on every load")
  void generatedGroupsAreDeterministic() {
    EntraTenant first = SimulatorDirectory.demo().entraTenant("contoso.example").orElseThrow();
    EntraTenant second = SimulatorDirectory.demo().entraTenant("contoso.example").orElseThrow();
    EntraTenant.User erin =
        first.userByObjectId("0d7e2c4a-91b3-4f5e-8a6d-7c1b2e3f4a02").orElseThrow();

    assertThat(first.groupObjectIds(erin))
        .hasSize(251)
        .doesNotHaveDuplicates()
        .isEqualTo(second.groupObjectIds(erin));
  }

  @Test
  @DisplayName("load(Path) reads a data file and rejects a user in a group that does not exist")
  void loadValidates(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("directory.json");
    Files.writeString(
        file,
        """
                {"oktaOrgs": [{"name": "initech", "orgId": "00o1", "users": [
                  {"id": "00u1", "login": "peter@initech.example", "password": "p", "groups": ["Nonexistent"]}]}]}
                """);

    assertThatThrownBy(() -> SimulatorDirectory.load(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasStackTraceContaining("is in unknown group Nonexistent");
    assertThatThrownBy(() -> SimulatorDirectory.load(dir.resolve("missing.json")))
        .isInstanceOf(UncheckedIOException.class);
  }
}
