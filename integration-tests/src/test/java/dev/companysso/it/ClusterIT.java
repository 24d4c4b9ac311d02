package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.companysso.harness.ClusterStack;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.FreePort;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.LoginHttp;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.DirectorySyncAdmin;
import dev.companysso.it.support.IdpMappers;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import dev.companysso.it.support.WebhookReceiver;
import dev.companysso.simulators.ApiFault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Company SSO in production mode on PostgreSQL with two clustered nodes behind a balancer that the
 * test switches: the deployment operators run. Each test makes its own users and companies.
 */
@DisplayName("Production mode: PostgreSQL, two nodes")
class ClusterIT {

  private static final String REALM = CompanySsoStack.REALM;
  private static final String PASSWORD = "Cluster-passw0rd!";

  private static ClusterStack cluster;
  private static Keycloak admin;
  private static RealmFixtures fixtures;

  @BeforeAll
  static void startCluster() {
    cluster =
        ClusterStack.start(
            KeycloakDistribution.fromSystemProperties(), Path.of("target", "cluster"));
    admin = cluster.adminClient();
    fixtures = new RealmFixtures(admin, REALM);
  }

  @AfterAll
  static void stopCluster() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void backToNodeOne() {
    cluster.routeTo(1);
  }

  /** A new Okta user of the acme org (no account in Keycloak yet). */
  private static String acmeUser(String name) {
    String login = name + "-" + ScimPayloads.unique("") + "@acme.example";
    cluster
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(login, PASSWORD, "Clu", "Ster", List.of()));
    return login;
  }

  @Test
  @DisplayName(
      "A first login starts on node 1, submits the company code on node 2, returns from Okta to node 1 and redeems its code on node 2; the user is an acme member")
  void loginCrossesNodes() throws Exception {
    String login = acmeUser("cross");
    DemoAppClient app = new DemoAppClient(cluster.baseUrl(), REALM);
    try (Browser browser = Browser.start()) {
      DemoAppClient.Authorization authorization = app.authorize(Map.of());
      cluster.routeTo(1);
      browser.open(authorization.url());
      LoginPage login1 = new LoginPage(browser);
      var discovery = login1.openSingleSignOn();
      cluster.routeTo(2);
      discovery.submit("acme");
      browser.waitForUrlStartingWith(
          cluster.okta().orgBaseUrl(CompanySsoStack.ACME_ORG) + "/oauth2/v1/authorize");
      cluster.routeTo(1);
      UpstreamSignInPage.OKTA.signIn(browser, login, PASSWORD);
      URI callback = browser.waitForUrlStartingWith(app.redirectUri().toString());
      cluster.routeTo(2);
      assertThat(authorization.signedInUser(callback)).isEqualTo(login);
    }
    assertThat(fixtures.companiesOf(login)).containsExactly("acme");
    assertThat(fixtures.realmRolesOf(login)).contains("Worker");
  }

  @Test
  @DisplayName(
      "Webhook deliveries of events raised on both nodes go out once each, though both nodes send the outbox")
  void webhooksOncePerEvent() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(FreePort.pick()).start()) {
      AdminRest.Answer created =
          AdminRest.call(
              admin,
              cluster.baseUrl(),
              REALM,
              "POST",
              "company-sso-webhooks",
              "{\"url\": \"%s\", \"company\": \"globex\", \"events\": [\"user.provisioned\"]}"
                  .formatted(receiver.url("/cluster")));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String hook = created.body().path("webhook").path("id").asText();
      String secret = created.body().path("secret").asText();
      try {
        ScimClient.Credentials token = ScimClient.rotateToken(admin, cluster.baseUrl(), "globex");
        String run = ScimPayloads.unique("hook-");
        for (int i = 0; i < 20; i++) {
          cluster.routeTo(1 + i % 2);
          String userName = run + "-" + i + "@globex.example";
          assertThat(
                  new ScimClient(token)
                      .post("Users", ScimPayloads.oktaUser(userName, "Hook", "Cluster"))
                      .status())
              .isEqualTo(201);
        }
        List<WebhookReceiver.Message> ours =
            receiver.await(m -> m.body().contains(run), 20, Duration.ofSeconds(60));
        assertThat(ours).hasSize(20);
        Thread.sleep(5_000);
        List<WebhookReceiver.Message> after =
            receiver.messages().stream().filter(m -> m.body().contains(run)).toList();
        assertThat(after).hasSize(20);
        assertThat(after.stream().map(WebhookReceiver.Message::id).distinct()).hasSize(20);
        for (WebhookReceiver.Message message : after) {
          assertThat(message.signedWith(secret)).isTrue();
        }
      } finally {
        AdminRest.call(admin, cluster.baseUrl(), REALM, "DELETE", "company-sso-webhooks/" + hook);
      }
    }
  }

  @Test
  @DisplayName(
      "A SCIM token rotated on node 1 is refused at once on node 2; the new one works there")
  void scimTokenRotation() throws Exception {
    cluster.routeTo(1);
    ScimClient.Credentials first = ScimClient.rotateToken(admin, cluster.baseUrl(), "globex");
    cluster.routeTo(2);
    assertThat(new ScimClient(first).get("Users").status()).isEqualTo(200);

    cluster.routeTo(1);
    ScimClient.Credentials second = ScimClient.rotateToken(admin, cluster.baseUrl(), "globex");
    cluster.routeTo(2);
    assertThat(new ScimClient(first).get("Users").status()).isEqualTo(401);
    assertThat(new ScimClient(second).get("Users").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A rule table saved through node 1 applies at once to a login on node 2")
  void ruleTableAcrossNodes() {
    String company = ScimPayloads.unique("rules");
    String role = company + "-engineer";
    fixtures.realmRole(role);
    String alias =
        fixtures.companyOnAcmeOkta(company, cluster.okta().orgBaseUrl(CompanySsoStack.ACME_ORG));
    cluster.routeTo(1);
    new IdpMappers(fixtures.realm())
        .add(
            IdpMappers.mapper(
                alias,
                "engineers",
                "company-group-role-mapper",
                Map.of("rules", IdpMappers.rules("Engineering", role))));
    String login = "builder@" + company + ".example";
    cluster
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(login, PASSWORD, "Bui", "Lder", List.of("Engineering")));

    new LoginHttp(cluster.baseUrl(), cluster.node(2).baseUrl(), REALM)
        .oktaLogin(alias, login, PASSWORD);

    assertThat(fixtures.realmRolesOf(login)).contains(role);
  }

  @Test
  @DisplayName(
      "Eight SCIM PATCHes adding the same member at the same moment, over both nodes: each succeeds or answers 409, never 500; the member is in the group once")
  void concurrentMemberPatches() throws Exception {
    String company = ScimPayloads.unique("patchco");
    fixtures.company(company, company + ".example", true, List.of());
    ScimClient.Credentials token = ScimClient.rotateToken(admin, cluster.baseUrl(), company);
    ScimClient scim = new ScimClient(token);
    String user =
        scim.post("Users", ScimPayloads.oktaUser("pat@" + company + ".example", "Pat", "Ch")).id();
    String group = scim.post("Groups", ScimPayloads.oktaGroup("Night shift")).id();
    var patch = ScimPayloads.patch(ScimPayloads.op("add", "members", ScimPayloads.members(user)));
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 8; i++) {
        String node = cluster.node(1 + i % 2).baseUrl();
        ScimClient viaNode = scim.withBaseUrl(token.baseUrl().replace(cluster.baseUrl(), node));
        answers.add(
            CompletableFuture.supplyAsync(
                () -> viaNode.patch("Groups/" + group, patch).status(), threads));
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    } finally {
      threads.shutdownNow();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.join()).isIn(200, 204, 409));
    var members = scim.get("Groups/" + group).body().path("members");
    assertThat(members).hasSize(1);
    assertThat(members.get(0).path("value").asText()).isEqualTo(user);
  }

  @Test
  @DisplayName(
      "PostgreSQL restarted in the middle of a directory sync: the run ends with a report, nobody is wrongly disabled, both nodes answer at once, and the next run completes")
  void databaseRestartDuringSync() throws Exception {
    DirectorySyncAdmin sync =
        new DirectorySyncAdmin(admin, cluster.baseUrl(), REALM, "globex-directory");
    sync.syncAll();
    List<String> enabledBefore = enabledGlobexUsers();
    String before = sync.lastRun().path("started").asText();
    // Pages of three users, the later ones slow: the run is still reading when the database goes.
    cluster
        .okta()
        .faults()
        .inject("^/globex/api/v1/users$", 1, 3, ApiFault.slow(Duration.ofSeconds(2)));
    try {
      assertThat(sync.asyncFullSync().status()).isEqualTo(202);
      Thread.sleep(1_500);
      cluster.database().restart();

      JsonNode interrupted = sync.awaitRunAfter(before);
      assertThat(interrupted.path("outcome").asText()).isIn("COMPLETED", "FAILED");
    } finally {
      cluster.okta().faults().clear();
    }
    for (int node = 1; node <= 2; node++) {
      // Each node's pool held connections the restart closed: none may reach a request.
      cluster.routeTo(node);
      assertThat(enabledGlobexUsers()).containsExactlyInAnyOrderElementsOf(enabledBefore);
    }
    cluster.routeTo(1);

    String interruptedStart = sync.lastRun().path("started").asText();
    sync.syncAll();
    JsonNode next = sync.awaitRunAfter(interruptedStart);
    assertThat(next.path("outcome").asText()).as(next.toString()).isEqualTo("COMPLETED");
    assertThat(enabledGlobexUsers()).containsExactlyInAnyOrderElementsOf(enabledBefore);
  }

  @Test
  @DisplayName(
      "Both nodes schedule the globex directory sync every 2 s and a run outlasts Keycloak's 30 s task lock: the directory is never read by two runs at once; the other node's attempts step aside")
  void scheduledSyncsNeverOverlap() throws Exception {
    DirectorySyncAdmin sync =
        new DirectorySyncAdmin(admin, cluster.baseUrl(), REALM, "globex-directory");
    sync.syncAll();
    String before = sync.lastRun().path("started").asText();
    long stepAsideBefore = stepAsideLines();
    // Every page and group read takes 3 s (under the 5 s socket timeout): one run lasts well over
    // the 30 s for which Keycloak's own periodic task locks the provider.
    cluster
        .okta()
        .faults()
        .inject("^/globex/api/v1/users", 0, 40, ApiFault.slow(Duration.ofSeconds(3)));
    cluster.okta().forgetConcurrentApiRequests(CompanySsoStack.GLOBEX_ORG);
    List<String> period = sync.set("fullSyncPeriod", "2");
    JsonNode first;
    try {
      first = sync.awaitRunAfter(before, Duration.ofMinutes(3));
    } finally {
      sync.restore("fullSyncPeriod", period);
      cluster.okta().faults().clear();
    }
    // A run the schedule started just before it stopped ends before the directory is looked at.
    syncOnceFree(sync);

    assertThat(first.path("outcome").asText()).as(first.toString()).isEqualTo("COMPLETED");
    assertThat(cluster.okta().concurrentApiRequests(CompanySsoStack.GLOBEX_ORG))
        .as("globex API requests that met another in progress")
        .isEmpty();
    assertThat(stepAsideLines())
        .as("scheduled runs that found the provider busy")
        .isGreaterThan(stepAsideBefore);
  }

  /** Log lines of both nodes where a directory sync did not start because another was running. */
  private static long stepAsideLines() throws Exception {
    long lines = 0;
    for (int node = 1; node <= 2; node++) {
      try (Stream<String> log = Files.lines(cluster.node(node).log())) {
        lines += log.filter(l -> l.contains("not started: another run of it is under way")).count();
      }
    }
    return lines;
  }

  @Test
  @DisplayName(
      "The node running a directory sync is killed mid-read: nobody is disabled, the other node's next run starts once the cluster has let the dead node go, and it completes")
  void nodeKilledDuringSync() throws Exception {
    DirectorySyncAdmin sync =
        new DirectorySyncAdmin(admin, cluster.baseUrl(), REALM, "globex-directory");
    sync.syncAll();
    List<String> enabledBefore = enabledGlobexUsers();
    long requestsBefore = cluster.okta().apiRequests(CompanySsoStack.GLOBEX_ORG);
    cluster
        .okta()
        .faults()
        .inject("^/globex/api/v1/users", 0, 10, ApiFault.slow(Duration.ofSeconds(3)));
    try {
      cluster.routeTo(2);
      assertThat(sync.asyncFullSync().status()).isEqualTo(202);
      awaitApiRequests(requestsBefore + 2);
      cluster.kill(2);
      cluster.okta().faults().clear();

      cluster.routeTo(1);
      JsonNode next = syncOnceFree(sync);
      assertThat(next.path("outcome").asText()).as(next.toString()).isEqualTo("COMPLETED");
      assertThat(next.path("disabled").asInt()).isZero();
      assertThat(enabledGlobexUsers()).containsExactlyInAnyOrderElementsOf(enabledBefore);
    } finally {
      cluster.okta().faults().clear();
      cluster.startNode(2, false);
    }
  }

  private static void awaitApiRequests(long atLeast) throws InterruptedException {
    for (int attempt = 0; attempt < 240; attempt++) {
      if (cluster.okta().apiRequests(CompanySsoStack.GLOBEX_ORG) >= atLeast) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The sync never read the globex directory");
  }

  /**
   * A run on the node routed to, asked again while another run holds the provider (the lock of a
   * killed node lasts until the cluster notices it is gone).
   */
  private static JsonNode syncOnceFree(DirectorySyncAdmin sync) throws Exception {
    for (int attempt = 0; attempt < 120; attempt++) {
      var answer = sync.fullSync();
      if (answer.status() == 200) {
        return answer.body();
      }
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
      Thread.sleep(1_000);
    }
    throw new AssertionError("The provider stayed locked for two minutes");
  }

  @Test
  @DisplayName(
      "Okta holds 24 simultaneous token requests far past Keycloak's 5 s socket timeout: every login ends on the themed page while Okta is still holding them, and the next login works")
  void slowIdpUnderLoad() throws Exception {
    String login = acmeUser("patient");
    List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(24);
    cluster.okta().delayTokens(Duration.ofSeconds(60));
    try {
      for (int i = 0; i < 24; i++) {
        LoginHttp http = new LoginHttp(cluster.baseUrl(), cluster.node(1).baseUrl(), REALM);
        URI start = http.authorization(Map.of("kc_idp_hint", "acme-okta"));
        pages.add(
            CompletableFuture.supplyAsync(
                () -> http.oktaLoginUntilStop(start, login, PASSWORD), threads));
      }
      CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
      // Every login has its answer while Okta still holds token requests: Keycloak let go of them.
      assertThat(cluster.okta().tokenRequestsInProgress()).isPositive();
    } finally {
      cluster.okta().delayTokens(Duration.ZERO);
      threads.shutdownNow();
    }
    assertThat(pages)
        .allSatisfy(page -> assertThat(page.join().body()).contains("did not answer in time"));

    URI callback =
        new LoginHttp(cluster.baseUrl(), cluster.node(1).baseUrl(), REALM)
            .oktaLogin("acme-okta", login, PASSWORD);
    assertThat(callback.getQuery()).contains("code=");
  }

  private static List<String> enabledGlobexUsers() {
    return fixtures.realm().users().search("@globex.example", 0, 1_000).stream()
        .filter(UserRepresentation::isEnabled)
        .map(UserRepresentation::getUsername)
        .sorted()
        .toList();
  }

  @Test
  @DisplayName(
      "Three companies, sixteen simultaneous first logins each, all on node 1 and then spread over both nodes: exactly one Owner per company, every login succeeds, nobody twice")
  void ownerRace() throws Exception {
    // -Dcluster.ownerRaceRounds=10 repeats the race with fresh companies, e.g. on a loaded machine.
    for (int round = 0; round < Integer.getInteger("cluster.ownerRaceRounds", 1); round++) {
      raceForOwner(1);
      raceForOwner(2);
    }
  }

  /**
   * @param nodes 1: every login on node 1; 2: alternately on node 1 and node 2
   */
  private static void raceForOwner(int nodes) throws Exception {
    List<String> companies = new ArrayList<>();
    List<String> logins = new ArrayList<>();
    List<CompletableFuture<URI>> results = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      for (int c = 0; c < 3; c++) {
        String company = ScimPayloads.unique("race");
        String alias =
            fixtures.companyOnAcmeOkta(
                company, cluster.okta().orgBaseUrl(CompanySsoStack.ACME_ORG));
        fixtures.companyAttribute(company, "companySso.firstMemberOwner", "true");
        companies.add(company);
        for (int u = 0; u < 16; u++) {
          String login = "racer" + u + "@" + company + ".example";
          cluster
              .okta()
              .addUser(
                  CompanySsoStack.ACME_ORG,
                  SimulatorUsers.okta(login, PASSWORD, "Ra", "Cer", List.of()));
          logins.add(login);
          String node = cluster.node(1 + u % nodes).baseUrl();
          results.add(
              CompletableFuture.supplyAsync(
                  () ->
                      new LoginHttp(cluster.baseUrl(), node, REALM)
                          .oktaLogin(alias, login, PASSWORD),
                  threads));
        }
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } finally {
      threads.shutdownNow();
    }

    assertThat(results).allSatisfy(r -> assertThat(r.join().getQuery()).contains("code="));
    for (String company : companies) {
      List<String> members =
          logins.stream().filter(l -> l.endsWith("@" + company + ".example")).toList();
      assertThat(members)
          .allSatisfy(l -> assertThat(fixtures.realm().users().searchByEmail(l, true)).hasSize(1));
      assertThat(members.stream().filter(l -> fixtures.realmRolesOf(l).contains("Owner")))
          .as("owners of %s", company)
          .hasSize(1);
    }
  }

  @Test
  @DisplayName(
      "Node 1 killed: node 2 refreshes the session node 1 started and serves a new login; node 1 comes back")
  void nodeKilled() throws Exception {
    String login = acmeUser("survivor");
    DemoAppClient app = new DemoAppClient(cluster.baseUrl(), REALM);
    DemoAppClient.Authorization authorization = app.authorize(Map.of("kc_idp_hint", "acme-okta"));
    URI callback =
        new LoginHttp(cluster.baseUrl(), cluster.node(1).baseUrl(), REALM)
            .oktaLogin(authorization.url(), login, PASSWORD);
    cluster.routeTo(1);
    OIDCTokens tokens = authorization.redeem(callback);

    cluster.kill(1);
    try {
      cluster.routeTo(2);
      TokenResponse refreshed =
          OIDCTokenResponseParser.parse(
              new TokenRequest(
                      URI.create(
                          cluster.baseUrl()
                              + "/realms/"
                              + REALM
                              + "/protocol/openid-connect/token"),
                      new ClientID(DemoAppClient.CLIENT_ID),
                      new RefreshTokenGrant(tokens.getRefreshToken()))
                  .toHTTPRequest()
                  .send());
      assertThat(refreshed.indicatesSuccess()).as(refreshed.toString()).isTrue();

      String newcomer = acmeUser("newcomer");
      URI second =
          new LoginHttp(cluster.baseUrl(), cluster.node(2).baseUrl(), REALM)
              .oktaLogin("acme-okta", newcomer, PASSWORD);
      assertThat(second.getQuery()).contains("code=");
    } finally {
      cluster.startNode(1, false);
    }
  }

  @Test
  @DisplayName(
      "Each node counts its own first logins and SCIM requests on Keycloak's metrics endpoint")
  void metrics() throws Exception {
    String login = acmeUser("counted");
    new LoginHttp(cluster.baseUrl(), cluster.node(2).baseUrl(), REALM)
        .oktaLogin("acme-okta", login, PASSWORD);
    cluster.routeTo(1);
    ScimClient.Credentials token = ScimClient.rotateToken(admin, cluster.baseUrl(), "globex");
    cluster.routeTo(2);
    new ScimClient(token).get("Users");
    new ScimClient(token).withToken("csso_scim_wrong").get("Users");

    String metrics = metricsOf(2);
    assertThat(counter(metrics, "company_sso_first_logins_total", "outcome=\"created\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(counter(metrics, "company_sso_scim_requests_total", "status=\"200\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(counter(metrics, "company_sso_scim_requests_total", "status=\"401\""))
        .isGreaterThanOrEqualTo(1);
  }

  private static String metricsOf(int node) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(cluster.node(node).managementUrl() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of a Prometheus counter line with this name and label, 0 when there is none. */
  private static double counter(String metrics, String name, String label) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{") && line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
