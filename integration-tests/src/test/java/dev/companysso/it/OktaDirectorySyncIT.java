package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DirectorySyncAdmin;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.simulators.ApiFault;
import dev.companysso.simulators.OktaOrg;
import dev.companysso.simulators.OktaSimulator;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Directory sync from Okta ({@code okta-directory}, the realm export's "Globex directory") on the
 * real Keycloak: Keycloak's own sync endpoints drive it, the Okta simulator's management API
 * answers, with pages of three users so that every run reads several pages. The tests build on each
 * other in order, as an admin's day would.
 */
@ExtendWith(CompanySsoExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OktaDirectorySyncIT {

  private static final String ORG = CompanySsoStack.GLOBEX_ORG;
  private static final String USERS_PAGES = "^/globex/api/v1/users$";

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
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "globex-directory");
  }

  @AfterEach
  void closeAdmin() {
    stack.okta().faults().clear();
    admin.close();
  }

  private OktaSimulator okta() {
    return stack.okta();
  }

  private String oktaId(String login) {
    return stack.directory().oktaOrg(ORG).orElseThrow().users().stream()
        .filter(user -> user.login().equals(login))
        .map(OktaOrg.User::id)
        .findFirst()
        .orElseThrow();
  }

  /** Signs in through Globex's Okta; returns the Keycloak user id (the ID token's subject). */
  private String signIn(String login) throws Exception {
    try (Browser browser = Browser.start()) {
      return BrokeredLogin.signIn(
              browser,
              stack.keycloak().baseUrl(),
              CompanySsoStack.REALM,
              "globex-okta",
              UpstreamSignInPage.OKTA,
              login,
              "Passw0rd!")
          .getSubject();
    }
  }

  private boolean enabled(String username) {
    return fixtures.user(username).isEnabled();
  }

  @Test
  @Order(1)
  @DisplayName(
      "Synchronize all users imports the active Okta users with the Okta link, Globex membership, Worker and their group roles and teams; STAGED is skipped")
  void fullSyncImports() {
    SynchronizationResultRepresentation result = sync.syncAll();

    assertThat(result.getAdded()).isEqualTo(9);
    assertThat(result.getFailed()).isZero();
    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "gina@globex.example"))
        .extracting(
            FederatedIdentityRepresentation::getIdentityProvider,
            FederatedIdentityRepresentation::getUserId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("globex-okta", oktaId("gina@globex.example")));
    assertThat(fixtures.companiesOf("gina@globex.example")).containsExactly("globex");
    assertThat(fixtures.directRealmRolesOf("gina@globex.example")).contains("Worker", "Engineer");
    assertThat(fixtures.groupsOf("gina@globex.example")).contains("/Teams/Engineering");
    assertThat(fixtures.directRealmRolesOf("hal@globex.example"))
        .contains("Worker", "Dispatcher")
        .doesNotContain("Engineer");
    assertThat(fixtures.attributesOf("ivy@globex.example"))
        .containsEntry("middleName", List.of("Iris"))
        .containsEntry("preferredName", List.of("Ives"))
        .containsEntry("department", List.of("R&D"));
    assertThat(fixtures.user("lou@globex.example").isEnabled())
        .as("PASSWORD_EXPIRED is active")
        .isTrue();
    assertThat(fixtures.realm().users().search("max@globex.example", true)).isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName("An imported user's first SSO login lands on the imported account: no duplicate")
  void ssoLoginFindsTheImportedAccount() throws Exception {
    String imported = fixtures.user("gina@globex.example").getId();
    assertThat(signIn("gina@globex.example")).isEqualTo(imported);
    assertThat(fixtures.realm().users().searchByEmail("gina@globex.example", true)).hasSize(1);
  }

  @Test
  @Order(3)
  @DisplayName(
      "Suspended in Okta: the changed-users sync disables the user and ends their sessions; active again: re-enabled")
  void suspendedIsDisabledWithSessionsRevoked() throws Exception {
    signIn("hal@globex.example");
    String hal = fixtures.user("hal@globex.example").getId();
    assertThat(fixtures.realm().users().get(hal).getUserSessions()).isNotEmpty();

    okta().setStatus(ORG, "hal@globex.example", "SUSPENDED");
    SynchronizationResultRepresentation result = sync.syncChanged();

    assertThat(result.getRemoved()).isEqualTo(1);
    assertThat(enabled("hal@globex.example")).isFalse();
    assertThat(fixtures.realm().users().get(hal).getUserSessions()).isEmpty();
    assertThat(fixtures.attributesOf("hal@globex.example"))
        .containsKey("companySso.directory.disabled");
    JsonNode report = sync.lastRun();
    assertThat(report.path("mode").asText()).isEqualTo("CHANGED");
    assertThat(report.path("disabled").asInt()).isEqualTo(1);

    okta().setStatus(ORG, "hal@globex.example", "ACTIVE");
    sync.syncChanged();
    assertThat(enabled("hal@globex.example")).isTrue();
    assertThat(fixtures.attributesOf("hal@globex.example"))
        .doesNotContainKey("companySso.directory.disabled");
  }

  @Test
  @Order(4)
  @DisplayName("Removed from Okta: the full sync disables the user and keeps the account")
  void removedIsDisabledNotDeleted() throws Exception {
    okta().removeUser(ORG, "jay@globex.example");

    SynchronizationResultRepresentation result = sync.syncAll();

    assertThat(result.getRemoved()).isEqualTo(1);
    UserRepresentation jay = fixtures.user("jay@globex.example");
    assertThat(jay.isEnabled()).isFalse();
    assertThat(jay.getFirstName()).isEqualTo("Jay");
  }

  @Test
  @Order(5)
  @DisplayName(
      "A hand-made user is never touched: one outside the directory stays enabled, one with a directory user's name is reported, not linked")
  void handMadeUsersUntouched() throws Exception {
    fixtures.localUser("zed-local@globex.example", "zed-local@globex.example", "Zed-passw0rd!");
    fixtures.localUser("quinn@globex.example", "quinn@globex.example", "Quinn-passw0rd!");
    okta()
        .addUser(
            ORG,
            new OktaOrg.User(
                "00u1globexquinn00001",
                "quinn@globex.example",
                "Passw0rd!",
                "Quinn",
                "Quist",
                "quinn@globex.example",
                true,
                "ACTIVE",
                List.of("Everyone"),
                Map.of()));

    sync.syncAll();

    assertThat(enabled("zed-local@globex.example")).isTrue();
    assertThat(BrokeredLogin.linksOf(admin, CompanySsoStack.REALM, "quinn@globex.example"))
        .isEmpty();
    assertThat(fixtures.user("quinn@globex.example").getLastName()).isEqualTo("Local");
    assertThat(fixtures.attributesOf("quinn@globex.example"))
        .doesNotContainKey("companySso.directory");
    JsonNode report = sync.lastRun();
    assertThat(report.path("conflicts").asInt()).isEqualTo(1);
    assertThat(report.path("notes").toString()).contains("quinn@globex.example");
  }

  @Test
  @Order(8)
  @DisplayName(
      "Okta fails part-way (500 on page 3, bad JSON, 401, too slow): nobody is disabled and the report says why; the next good run applies it")
  void failurePartWayDisablesNobody() throws Exception {
    okta().removeUser(ORG, "ola@globex.example");
    okta().faults().inject(USERS_PAGES, 2, 1, ApiFault.serverError());

    SynchronizationResultRepresentation failed = sync.syncAll();

    assertThat(failed.getFailed()).isPositive();
    assertThat(failed.getRemoved()).isZero();
    assertThat(enabled("ola@globex.example")).isTrue();
    JsonNode report = sync.lastRun();
    assertThat(report.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(report.path("message").asText()).contains("500").contains("/globex/api/v1/users");

    okta().faults().inject(USERS_PAGES, 1, 1, ApiFault.malformedJson());
    sync.syncAll();
    assertThat(enabled("ola@globex.example")).isTrue();
    assertThat(sync.lastRun().path("message").asText()).contains("JSON that cannot be read");

    okta().faults().inject(USERS_PAGES, 1, 1, ApiFault.unauthorized());
    sync.syncAll();
    assertThat(enabled("ola@globex.example")).isTrue();
    assertThat(sync.lastRun().path("message").asText()).contains("401").contains("refused");

    // Keycloak's HTTP client gives up after its 5 s socket timeout.
    okta().faults().inject(USERS_PAGES, 1, 1, ApiFault.slow(Duration.ofSeconds(8)));
    sync.syncAll();
    assertThat(enabled("ola@globex.example")).isTrue();
    assertThat(sync.lastRun().path("message").asText()).contains("did not answer");

    sync.syncAll();
    assertThat(enabled("ola@globex.example")).isFalse();
    assertThat(sync.lastRun().path("outcome").asText()).isEqualTo("COMPLETED");
  }

  @Test
  @Order(9)
  @DisplayName(
      "Okta answers 429 twice with X-Rate-Limit-Reset: the run waits, retries and completes")
  void rateLimitIsRetried() throws Exception {
    okta().faults().inject(USERS_PAGES, 1, 2, ApiFault.rateLimited(Duration.ofSeconds(1)));
    long before = okta().apiRequests(ORG);
    String previous = sync.lastRun().path("started").asText();
    Instant started = Instant.now();

    AdminRest.Answer accepted = sync.asyncFullSync();

    assertThat(accepted.status()).as("the bundle's asynchronous run").isEqualTo(202);
    JsonNode report = sync.awaitRunAfter(previous);
    assertThat(report.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(Duration.between(started, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(okta().apiRequests(ORG) - before).isEqualTo(report.path("requests").asLong());
    assertThat(report.path("requests").asLong()).isGreaterThan(2);
  }

  @Test
  @Order(10)
  @DisplayName(
      "A run that would disable more than the safety cap stops and disables nobody; forced through the bundle's endpoint, it applies")
  void safetyCapStopsMassDeactivation() throws Exception {
    List<String> allowance = sync.set("safetyCapAllowance", "1");
    try {
      okta().setStatus(ORG, "kim@globex.example", "SUSPENDED");
      okta().setStatus(ORG, "ned@globex.example", "DEPROVISIONED");

      SynchronizationResultRepresentation stopped = sync.syncAll();

      assertThat(stopped.getRemoved()).isZero();
      assertThat(enabled("kim@globex.example")).isTrue();
      assertThat(enabled("ned@globex.example")).isTrue();
      JsonNode report = sync.lastRun();
      assertThat(report.path("outcome").asText()).isEqualTo("STOPPED_BY_SAFETY_CAP");
      assertThat(report.path("wouldDisable").asInt()).isEqualTo(2);
      assertThat(report.path("message").asText())
          .contains("would disable 2")
          .contains("force=true");

      AdminRest.Answer forced = sync.forcedFullSync();
      assertThat(forced.status()).isEqualTo(200);
      assertThat(forced.body().path("outcome").asText()).isEqualTo("COMPLETED");
      assertThat(forced.body().path("disabled").asInt()).isEqualTo(2);
      assertThat(enabled("kim@globex.example")).isFalse();
      assertThat(enabled("ned@globex.example")).isFalse();
    } finally {
      sync.restore("safetyCapAllowance", allowance);
    }
  }

  @Test
  @Order(11)
  @DisplayName(
      "Periodic changed-users sync (every 2 s) brings an Okta profile change in on its own")
  void periodicSyncRuns() throws Exception {
    List<String> period = sync.set("changedSyncPeriod", "2");
    try {
      okta().updateProfile(ORG, "ivy@globex.example", Map.of("department", "Operations"));
      Instant deadline = Instant.now().plusSeconds(30);
      while (!List.of("Operations")
              .equals(fixtures.attributesOf("ivy@globex.example").get("department"))
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
      assertThat(fixtures.attributesOf("ivy@globex.example"))
          .containsEntry("department", List.of("Operations"));
    } finally {
      sync.restore("changedSyncPeriod", period);
    }
  }

  @Test
  @Order(12)
  @DisplayName(
      "Test connection: the API token passes users and groups; a wrong token fails with Okta's answer")
  void testConnection() throws Exception {
    AdminRest.Answer good = sync.testConnection();
    assertThat(good.body().path("ok").asBoolean()).as(good.body().toString()).isTrue();

    List<String> token = sync.set("apiToken", "00not-a-real-token");
    try {
      AdminRest.Answer bad = sync.testConnection();
      assertThat(bad.body().path("ok").asBoolean()).isFalse();
      assertThat(bad.body().path("checks").toString())
          .contains("401")
          .contains("Invalid token provided")
          .doesNotContain("00not-a-real-token");
    } finally {
      sync.restore("apiToken", token);
    }
  }

  @Test
  @Order(13)
  @DisplayName(
      "OAuth 2.0 client credentials with private_key_jwt: a service app's key passes the connection test")
  void serviceAppCredentials() throws Exception {
    String pem = privateKeyPem();
    ComponentRepresentation component = new ComponentRepresentation();
    component.setName("Globex directory (service app)");
    component.setProviderId("okta-directory");
    component.setProviderType("org.keycloak.storage.UserStorageProvider");
    component.setConfig(
        new org.keycloak.common.util.MultivaluedHashMap<>(
            Map.of(
                "identityProvider", List.of("globex-okta"),
                "authentication", List.of("private-key-jwt"),
                "serviceClientId", List.of("0oa1globexdirsync0001"),
                "privateKey", List.of(pem),
                "keyId", List.of("globex-dirsync-1"))));
    String id;
    try (Response created = fixtures.realm().components().add(component)) {
      assertThat(created.getStatus()).isEqualTo(201);
      id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(created);
    }
    try {
      AdminRest.Answer answer =
          new DirectorySyncAdmin(admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, id)
              .testConnection();
      assertThat(answer.body().path("ok").asBoolean()).as(answer.body().toString()).isTrue();
    } finally {
      fixtures.realm().components().component(id).remove();
    }
  }

  @Test
  @Order(14)
  @DisplayName("Saving settings that cannot work is refused with the field named")
  void badSettingsRefused() {
    ComponentRepresentation component = new ComponentRepresentation();
    component.setName("Broken directory");
    component.setProviderId("okta-directory");
    component.setProviderType("org.keycloak.storage.UserStorageProvider");
    component.setConfig(
        new org.keycloak.common.util.MultivaluedHashMap<>(
            Map.of("identityProvider", List.of("nope"), "apiToken", List.of("x"))));
    try (Response response = fixtures.realm().components().add(component)) {
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(response.readEntity(String.class))
          .contains("Identity provider: 'nope' does not exist in this realm.");
    }
    component.getConfig().put("identityProvider", List.of("globex-okta"));
    component.getConfig().put("safetyCapPercent", List.of("150"));
    try (Response response = fixtures.realm().components().add(component)) {
      assertThat(response.getStatus()).isEqualTo(400);
      assertThat(response.readEntity(String.class))
          .contains("Safety cap (%): '150' is not a whole number from 0 to 100.");
    }
  }

  /** The demo service app's private key (a JWK in the simulator data) as the PEM Okta offers. */
  private static String privateKeyPem() throws Exception {
    RSAKey key = RSAKey.parse(OktaSimulator.demoServiceAppPrivateJwk());
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.toRSAPrivateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  @Order(6)
  @DisplayName(
      "An imported account an admin also made a member of another company is no longer the directory's: suspended upstream, it stays enabled and is reported")
  void sharedAccountLeftAlone() throws Exception {
    String ivy = fixtures.user("ivy@globex.example").getId();
    fixtures.companyResource("acme").members().addMember(ivy).close();
    try {
      okta().setStatus(ORG, "ivy@globex.example", "SUSPENDED");
      sync.syncChanged();

      assertThat(enabled("ivy@globex.example")).isTrue();
      JsonNode report = sync.lastRun();
      assertThat(report.path("notes").toString())
          .as(report.toString())
          .contains("ivy@globex.example: not an account of this company alone");
    } finally {
      okta().setStatus(ORG, "ivy@globex.example", "ACTIVE");
      fixtures.companyResource("acme").members().member(ivy).delete().close();
    }
  }

  @Test
  @Order(7)
  @DisplayName("A directory user in another company's verified domain is not imported")
  void foreignDomainNotImported() throws Exception {
    okta()
        .addUser(
            ORG,
            SimulatorUsers.okta(
                "squat@acme.example", "Passw0rd!", "Squat", "Ter", List.of("Everyone")));
    try {
      sync.syncAll();

      assertThat(fixtures.realm().users().searchByUsername("squat@acme.example", true)).isEmpty();
      JsonNode report = sync.lastRun();
      assertThat(report.path("notes").toString())
          .as(report.toString())
          .contains("squat@acme.example: in a verified domain of another company");
    } finally {
      okta().removeUser(ORG, "squat@acme.example");
    }
  }
}
