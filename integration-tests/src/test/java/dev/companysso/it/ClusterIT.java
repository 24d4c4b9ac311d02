package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.companysso.harness.ClusterStack;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.LoginHttp;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

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
  @DisplayName(
      "Three companies, sixteen simultaneous first logins each, spread over both nodes: exactly one Owner per company, every login succeeds, nobody twice")
  void ownerRace() throws Exception {
    List<String> companies = new ArrayList<>();
    List<String> logins = new ArrayList<>();
    List<CompletableFuture<URI>> results = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      for (int c = 0; c < 3; c++) {
        String company = ScimPayloads.unique("race");
        String alias = company + "-okta";
        fixtures.oktaIdentityProvider(
            alias,
            cluster.okta().orgBaseUrl(CompanySsoStack.ACME_ORG),
            "0oa1acmekeycloak000001",
            "acme-okta-client-secret");
        fixtures.company(company, company + ".example", true, List.of(alias));
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
          String node = cluster.node(1 + u % 2).baseUrl();
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
}
