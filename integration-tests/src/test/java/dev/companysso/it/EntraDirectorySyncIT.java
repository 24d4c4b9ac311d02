package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DirectorySyncAdmin;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.ApiFault;
import dev.companysso.simulators.EntraSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * Directory sync from Microsoft Graph ({@code entra-directory}, the realm export's "Fabrikam
 * directory") on the real Keycloak: client credentials, the users delta query and its delta link,
 * group object ids through the same rule tables as the login.
 */
@ExtendWith(CompanySsoExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntraDirectorySyncIT {

  private static final String TENANT = CompanySsoStack.FABRIKAM_TENANT_ID;
  private static final String ANA_OID = "c5e3a4f6-2d7b-4e8c-8a9f-3b4c5d6e7f01";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private DirectorySyncAdmin sync;

  @BeforeEach
  void admin(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    this.fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    this.sync =
        new DirectorySyncAdmin(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "fabrikam-directory");
  }

  @AfterEach
  void closeAdmin() {
    stack.entra().faults().clear();
    admin.close();
  }

  private EntraSimulator entra() {
    return stack.entra();
  }

  @Test
  @Order(1)
  @DisplayName(
      "Synchronize all users imports enabled Entra users keyed on their object id, with group-id rules applied; a disabled account is skipped")
  void fullSyncImports() {
    SynchronizationResultRepresentation result = sync.syncAll();

    assertThat(result.getAdded()).isEqualTo(5);
    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "ana@fabrikam.example"))
        .extracting(
            FederatedIdentityRepresentation::getIdentityProvider,
            FederatedIdentityRepresentation::getUserId)
        .containsExactly(tuple("fabrikam-entra", ANA_OID));
    assertThat(fixtures.companiesOf("ana@fabrikam.example")).containsExactly("fabrikam");
    assertThat(fixtures.directRealmRolesOf("ana@fabrikam.example")).contains("Worker", "Engineer");
    assertThat(fixtures.directRealmRolesOf("ben@fabrikam.example")).contains("Dispatcher");
    assertThat(fixtures.attributesOf("ana@fabrikam.example"))
        .containsEntry("department", List.of("R&D"));
    assertThat(fixtures.realm().users().search("eva@fabrikam.example", true)).isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName("An imported user's first SSO login through Entra ID lands on the imported account")
  void ssoLoginFindsTheImportedAccount() throws Exception {
    String imported = fixtures.user("ana@fabrikam.example").getId();
    try (Browser browser = Browser.start()) {
      assertThat(
              BrokeredLogin.signIn(
                      browser,
                      stack.keycloak().baseUrl(),
                      CompanySsoStack.REALM,
                      "fabrikam-entra",
                      UpstreamSignInPage.ENTRA,
                      "ana@fabrikam.example",
                      "Passw0rd!")
                  .getSubject())
          .isEqualTo(imported);
    }
    assertThat(fixtures.realm().users().searchByEmail("ana@fabrikam.example", true)).hasSize(1);
  }

  @Test
  @Order(3)
  @DisplayName(
      "Changed users through the kept delta link: account disabled and user deleted in Entra are disabled here, a surname change arrives, reading only the changes")
  void deltaBringsOnlyChanges() throws Exception {
    entra().setAccountEnabled(TENANT, "ben@fabrikam.example", false);
    entra().removeUser(TENANT, "cy@fabrikam.example");
    entra().updateProfile(TENANT, "dan@fabrikam.example", Map.of("surname", "Dietz-Ek"));

    SynchronizationResultRepresentation result = sync.syncChanged();

    assertThat(result.getRemoved()).isEqualTo(2);
    assertThat(fixtures.user("ben@fabrikam.example").isEnabled()).isFalse();
    assertThat(fixtures.user("cy@fabrikam.example").isEnabled()).isFalse();
    assertThat(fixtures.user("dan@fabrikam.example").getLastName()).isEqualTo("Dietz-Ek");
    JsonNode report = sync.lastRun();
    assertThat(report.path("mode").asText()).isEqualTo("CHANGED");
    assertThat(report.path("requests").asInt())
        .as("a token, one delta page, the groups of the two changed users still there")
        .isEqualTo(4);

    entra().setAccountEnabled(TENANT, "ben@fabrikam.example", true);
    sync.syncChanged();
    assertThat(fixtures.user("ben@fabrikam.example").isEnabled()).isTrue();
  }

  @Test
  @Order(4)
  @DisplayName("Graph answers 429 with Retry-After: the delta read waits and completes")
  void rateLimitIsRetried() throws Exception {
    entra()
        .faults()
        .inject("/v1\\.0/users/delta$", 0, 1, ApiFault.rateLimited(Duration.ofSeconds(1)));

    sync.syncAll();

    assertThat(sync.lastRun().path("outcome").asText()).isEqualTo("COMPLETED");
  }

  @Test
  @Order(5)
  @DisplayName(
      "Test connection: the app passes; an app without Graph application permissions fails naming User.Read.All")
  void testConnection() throws Exception {
    AdminRest.Answer good = sync.testConnection();
    assertThat(good.body().path("ok").asBoolean()).as(good.body().toString()).isTrue();

    List<String> clientId = sync.set("clientId", "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901");
    List<String> secret = sync.set("clientSecret", "fabrikam-noperm-secret");
    try {
      AdminRest.Answer bad = sync.testConnection();
      assertThat(bad.body().path("ok").asBoolean()).isFalse();
      assertThat(bad.body().path("checks").toString())
          .contains("403")
          .contains("User.Read.All")
          .doesNotContain("fabrikam-noperm-secret");
    } finally {
      sync.restore("clientId", clientId);
      sync.restore("clientSecret", secret);
    }
  }
}
