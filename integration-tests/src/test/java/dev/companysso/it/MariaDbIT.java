package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.FreePort;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.KeycloakServer;
import dev.companysso.harness.LoginHttp;
import dev.companysso.harness.MariaDbServer;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.DirectorySyncAdmin;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.simulators.EntraSimulator;
import dev.companysso.simulators.OktaSimulator;
import dev.companysso.simulators.SimulatorDirectory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * Company SSO in production mode on MariaDB, one node: every path of the bundle that has its own
 * schema or queries runs once against the real database. Each test makes its own companies and
 * users.
 */
@DisplayName("Production mode: MariaDB, one node")
class MariaDbIT {

  private static final String REALM = CompanySsoStack.REALM;
  private static final String PASSWORD = "Maria-passw0rd!";

  private static MariaDbServer database;
  private static OktaSimulator okta;
  private static EntraSimulator entra;
  private static KeycloakServer keycloak;
  private static Keycloak admin;
  private static RealmFixtures fixtures;

  @BeforeAll
  static void startKeycloakOnMariaDb() {
    Path work = Path.of("target", "mariadb").toAbsolutePath();
    KeycloakDistribution built =
        KeycloakDistribution.fromSystemProperties().copyTo(work.resolve("keycloak-built"));
    built.build(
        List.of("--db=mariadb", "--health-enabled=true", "--metrics-enabled=true"),
        work.resolve("kc-build.log"));
    database = MariaDbServer.start(work.resolve("mariadb"), FreePort.pick());
    SimulatorDirectory directory = SimulatorDirectory.demo();
    okta = OktaSimulator.start(directory, FreePort.pick());
    entra = EntraSimulator.start(directory, FreePort.pick());
    Map<String, String> environment = new HashMap<>(CompanySsoStack.realmEnvironment(okta, entra));
    // The default clustered cache binds JGroups to a site-local address; a lone node keeps to
    // loopback.
    environment.put("KC_CACHE_EMBEDDED_NETWORK_BIND_ADDRESS", "127.0.0.1");
    int httpPort = FreePort.pick();
    keycloak =
        KeycloakServer.startOptimized(
            built,
            List.of(
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + MariaDbServer.USER,
                "--db-password=" + MariaDbServer.PASSWORD,
                "--hostname=http://localhost:" + httpPort,
                "--import-realm"),
            httpPort,
            FreePort.pick(),
            work.resolve("keycloak.log"),
            environment);
    admin = keycloak.adminClient();
    fixtures = new RealmFixtures(admin, REALM);
  }

  @AfterAll
  static void stopAll() {
    if (admin != null) {
      admin.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
    if (okta != null) {
      okta.close();
    }
    if (entra != null) {
      entra.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName(
      "The bundle's changelogs ran on MariaDB, each with its own history: the owner-claim table keyed by company, the index on ORG_DOMAIN(NAME), the portal's, the SCIM endpoint's, the mappers' and the webhook outbox's tables")
  void changelogApplied() {
    // Keycloak keeps a provider's changelog in a table of its own, named after the provider id.
    assertThat(database.query("SELECT ID, EXECTYPE FROM DATABASECHANGELOG_COMPANY_SS ORDER BY ID"))
        .containsExactly(
            "company-sso-1-org-domain-name-index\tEXECUTED", "company-sso-2-owner-claim\tEXECUTED");
    assertThat(database.query("SELECT ID, EXECTYPE FROM DATABASECHANGELOG_CSSO_PORTA ORDER BY ID"))
        .containsExactly(
            "company-sso-portal-1-setup-link\tEXECUTED",
            "company-sso-portal-2-sso-draft\tEXECUTED",
            "company-sso-portal-3-company-sign-in\tEXECUTED",
            "company-sso-portal-4-domain-challenge\tEXECUTED",
            "company-sso-portal-5-connection-health\tEXECUTED");
    assertThat(database.query("SELECT ID, EXECTYPE FROM DATABASECHANGELOG_CSSO_SCIM ORDER BY ID"))
        .containsExactly("company-sso-scim-1-activity\tEXECUTED");
    assertThat(database.query("SELECT ID, EXECTYPE FROM DATABASECHANGELOG_CSSO_MAPPE ORDER BY ID"))
        .containsExactly("company-sso-mappers-1-known-groups\tEXECUTED");
    assertThat(database.query("SELECT ID, EXECTYPE FROM DATABASECHANGELOG_CSSO_OPERA ORDER BY ID"))
        .containsExactly(
            "company-sso-operations-1-webhooks\tEXECUTED",
            "company-sso-operations-2-subscribed-realms\tEXECUTED");
    assertThat(
            database.query(
                "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'keycloak'"
                    + " AND TABLE_NAME = 'ORG_DOMAIN' AND INDEX_NAME = 'IDX_CSSO_ORG_DOMAIN_NAME'"))
        .containsExactly("NAME");
    assertThat(
            database.query(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'keycloak'"
                    + " AND TABLE_NAME = 'CSSO_OWNER_CLAIM' AND CONSTRAINT_NAME = 'PRIMARY'"))
        .containsExactly("COMPANY_ID");
    assertThat(
            database.query(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'keycloak'"
                    + " AND TABLE_NAME = 'CSSO_COMPANY_SIGN_IN' AND CONSTRAINT_NAME = 'PRIMARY'"))
        .containsExactly("COMPANY_ID");
    assertThat(
            database.query(
                "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'keycloak'"
                    + " AND TABLE_NAME = 'CSSO_DOMAIN_CHALLENGE'"
                    + " AND CONSTRAINT_NAME = 'UK_CSSO_DOMAIN_CHALLENGE' ORDER BY ORDINAL_POSITION"))
        .containsExactly("COMPANY_ID", "DOMAIN");
  }

  @Test
  @DisplayName(
      "Eight simultaneous first logins to a company with first-member ownership: exactly one Owner, every login succeeds, nobody twice")
  void firstMemberOwner() throws Exception {
    String company = ScimPayloads.unique("race");
    String alias = fixtures.companyOnAcmeOkta(company, okta.orgBaseUrl(CompanySsoStack.ACME_ORG));
    fixtures.companyAttribute(company, "companySso.firstMemberOwner", "true");
    List<String> logins = new ArrayList<>();
    List<CompletableFuture<URI>> results = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int u = 0; u < 8; u++) {
        String login = "racer" + u + "@" + company + ".example";
        okta.addUser(
            CompanySsoStack.ACME_ORG, SimulatorUsers.okta(login, PASSWORD, "Ra", "Cer", List.of()));
        logins.add(login);
        results.add(
            CompletableFuture.supplyAsync(
                () -> new LoginHttp(keycloak.baseUrl(), REALM).oktaLogin(alias, login, PASSWORD),
                threads));
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } finally {
      threads.shutdownNow();
    }

    assertThat(results).allSatisfy(r -> assertThat(r.join().getQuery()).contains("code="));
    assertThat(logins)
        .allSatisfy(l -> assertThat(fixtures.realm().users().searchByEmail(l, true)).hasSize(1));
    assertThat(logins.stream().filter(l -> fixtures.realmRolesOf(l).contains("Owner")))
        .as("owners of %s", company)
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "A work e-mail typed on the Single Sign-On page finds its company by domain; the login through that company's Okta makes a member")
  void discoveryByEmailDomain() {
    String company = ScimPayloads.unique("domain");
    String alias = fixtures.companyOnAcmeOkta(company, okta.orgBaseUrl(CompanySsoStack.ACME_ORG));
    String worker = "worker@" + company + ".example";
    okta.addUser(
        CompanySsoStack.ACME_ORG, SimulatorUsers.okta(worker, PASSWORD, "Wor", "Ker", List.of()));

    LoginHttp login = new LoginHttp(keycloak.baseUrl(), REALM);
    String loginPage = login.get(login.authorization(Map.of())).body();
    String discoveryPage =
        login
            .post(
                LoginHttp.formAction(loginPage, "kc-company-sso-form"),
                Map.of(
                    "authenticationExecution",
                    LoginHttp.hiddenValue(loginPage, "authenticationExecution")))
            .body();
    URI submit = LoginHttp.formAction(discoveryPage, "kc-company-sso-discovery");
    HttpResponse<String> discovered = login.post(submit, Map.of("companySsoInput", worker));
    String broker = discovered.headers().firstValue("Location").orElse("");
    assertThat(broker).as(discovered.body()).contains("/broker/" + alias + "/login");

    URI callback = login.oktaLogin(submit.resolve(broker), worker, PASSWORD);

    assertThat(callback.getQuery()).contains("code=");
    assertThat(fixtures.companiesOf(worker)).containsExactly(company);
  }

  @Test
  @DisplayName(
      "SCIM on a rotated token: users created, a filter over the members and the pages of the member list answer from MariaDB")
  void scimMembers() throws Exception {
    ScimClient scim = new ScimClient(ScimClient.rotateToken(admin, keycloak.baseUrl(), "globex"));
    String run = ScimPayloads.unique("");
    String familyName = "Db" + run;
    List<String> userNames = new ArrayList<>();
    for (String first : List.of("a", "b", "c")) {
      String userName = "mdb-" + first + "-" + run + "@globex.example";
      assertThat(scim.post("Users", ScimPayloads.oktaUser(userName, first, familyName)).status())
          .isEqualTo(201);
      userNames.add(userName);
    }

    // Not an indexed key: evaluated over the company's members page by page, in username order.
    ScimClient.Answer filtered =
        scim.get(
            "Users?"
                + ScimClient.filter("name.familyName eq \"" + familyName + "\"")
                + "&startIndex=2&count=1");
    assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
    assertThat(filtered.body().path("totalResults").asInt()).isEqualTo(3);
    assertThat(filtered.resources())
        .extracting(user -> user.path("userName").asText())
        .containsExactly(userNames.get(1));

    ScimClient.Answer page = scim.get("Users?startIndex=2&count=2");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body().path("totalResults").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(page.resources()).hasSize(2);
  }

  @Test
  @DisplayName(
      "Directory sync of globex completes on MariaDB; a user removed from Okta is disabled by the next full run")
  void directorySync() throws Exception {
    DirectorySyncAdmin sync =
        new DirectorySyncAdmin(admin, keycloak.baseUrl(), REALM, "globex-directory");
    SynchronizationResultRepresentation imported = sync.syncAll();
    assertThat(imported.getAdded()).isPositive();
    assertThat(imported.getFailed()).isZero();
    assertThat(sync.lastRun().path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(fixtures.companiesOf("jay@globex.example")).containsExactly("globex");

    okta.removeUser(CompanySsoStack.GLOBEX_ORG, "jay@globex.example");
    SynchronizationResultRepresentation next = sync.syncAll();

    assertThat(next.getRemoved()).isEqualTo(1);
    assertThat(sync.lastRun().path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(fixtures.user("jay@globex.example").isEnabled()).isFalse();
  }
}
