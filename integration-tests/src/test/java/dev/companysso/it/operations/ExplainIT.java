package dev.companysso.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * Explain answers what the next real login does: each case asks the admin API first, then runs the
 * login in a browser through the simulators and compares. The login's event carries the path of
 * decisions it took.
 */
@ExtendWith(CompanySsoExtension.class)
class ExplainIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private DemoAppClient app;

  @BeforeEach
  void setUp(CompanySsoStack stack) {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  private JsonNode explain(String path, String body) throws Exception {
    AdminRest.Answer answer =
        new AdminRest.Resource(
                admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso-explain")
            .call("POST", path, body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.body();
  }

  private LoginPage openLogin(Browser browser) {
    browser.open(app.authorize(Map.of()).url());
    return new LoginPage(browser);
  }

  @Test
  @DisplayName(
      "Discovery: a company code, a work e-mail and an unknown name are explained as the Single Sign-On page then handles them")
  void discovery() throws Exception {
    JsonNode code = explain("discovery", "{\"input\": \"acme\"}");
    assertThat(code.path("outcome").asText()).isEqualTo("company");
    assertThat(code.path("company").asText()).isEqualTo("acme");
    assertThat(code.path("next").asText()).isEqualTo("a redirect to acme-okta");
    assertThat(code.path("steps").toString())
        .contains("{\"step\":\"linked-user\",\"result\":\"no-match\"")
        .contains("{\"step\":\"company-code\",\"result\":\"matched\",\"company\":\"acme\"");

    JsonNode domain = explain("discovery", "{\"input\": \"quinn.newhire@contoso.example\"}");
    assertThat(domain.path("outcome").asText()).isEqualTo("domain");
    assertThat(domain.path("providers").toString()).isEqualTo("[\"contoso-entra\"]");

    String nobody = ScimPayloads.unique("nobody-") + "@nowhere.example";
    JsonNode local = explain("discovery", "{\"input\": \"" + nobody + "\"}");
    assertThat(local.path("outcome").asText()).isEqualTo("local");
    assertThat(local.path("providers")).isEmpty();

    try (Browser browser = Browser.start()) {
      openLogin(browser).openSingleSignOn().submit("acme");
      browser.waitForUrlStartingWith(
          stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG) + "/oauth2/v1/authorize");

      openLogin(browser).openSingleSignOn().submit("quinn.newhire@contoso.example");
      browser.waitForUrlStartingWith(
          stack.entra().authority()
              + "/"
              + CompanySsoStack.CONTOSO_TENANT_ID
              + "/oauth2/v2.0/authorize");

      openLogin(browser).openSingleSignOn().submit(nobody);
      assertThat(new LoginPage(browser).attemptedUsername()).isEqualTo(nobody);
    }
  }

  @Test
  @DisplayName(
      "First login and group tables: create with Worker, then a changed group set gives Dispatcher and takes Engineer, exactly as the next logins do; each login's event carries its decision path")
  void firstLoginAndRules() throws Exception {
    String login = ScimPayloads.unique("xpl-") + "@acme.example";
    String password = "Explain-passw0rd!";
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(
                login, password, "Ex", "Plain", List.of("Everyone", "Engineering")));

    JsonNode first =
        explain(
            "first-login",
            """
            {"identityProvider": "acme-okta",
             "claims": {"email": "%1$s", "email_verified": true, "preferred_username": "%1$s"}}
            """
                .formatted(login));
    assertThat(first.path("decision").asText()).isEqualTo("create");
    assertThat(first.path("company").asText()).isEqualTo("acme");
    assertThat(first.path("account").asText()).isEqualTo(login);
    assertThat(first.path("roles").toString()).contains("Worker");

    long before = System.currentTimeMillis();
    signIn(login, password);
    assertThat(fixtures.companiesOf(login)).containsExactly("acme");
    assertThat(fixtures.realmRolesOf(login)).contains("Worker", "Engineer");
    assertThat(pathOfLastLogin(login, before))
        .contains("provider=acme-okta")
        .contains("first-login=created")
        .contains("roles=+Engineer")
        .endsWith("access=admitted");

    String userId = fixtures.userId(login);
    JsonNode changed =
        explain(
            "users/" + userId + "/rules",
            "{\"identityProvider\": \"acme-okta\", \"groups\": [\"Everyone\", \"Dispatch\"]}");
    JsonNode roles = table(changed, "acme groups to roles");
    assertThat(roles.path("gives").toString()).isEqualTo("[\"Dispatcher\"]");
    assertThat(roles.path("takes").toString()).isEqualTo("[\"Engineer\"]");
    assertThat(roles.path("grants").toString())
        .contains("\"target\":\"Dispatcher\",\"held\":false")
        .contains("\"pattern\":\"Dispatch\"");

    stack.okta().assignGroups(CompanySsoStack.ACME_ORG, login, List.of("Everyone", "Dispatch"));
    before = System.currentTimeMillis();
    signIn(login, password);
    assertThat(fixtures.realmRolesOf(login)).contains("Dispatcher").doesNotContain("Engineer");
    assertThat(pathOfLastLogin(login, before))
        .contains("roles=+Dispatcher -Engineer")
        .doesNotContain("first-login");

    JsonNode settled =
        explain("users/" + userId + "/rules", "{\"identityProvider\": \"acme-okta\"}");
    assertThat(settled.path("groupsFrom").asText()).isEqualTo("last-login");
    assertThat(settled.path("groups").toString()).isEqualTo("[\"Everyone\",\"Dispatch\"]");
    assertThat(table(settled, "acme groups to roles").path("gives")).isEmpty();
    assertThat(table(settled, "acme groups to roles").path("takes")).isEmpty();
  }

  @Test
  @DisplayName(
      "First login refused: an Okta user of Acme with an e-mail in Contoso's verified domain is explained as refused, and the real login is refused")
  void foreignDomainRefused() throws Exception {
    JsonNode refused =
        explain(
            "first-login",
            """
            {"identityProvider": "acme-okta",
             "claims": {"email": "mallory@contoso.example", "email_verified": true,
                        "preferred_username": "mallory@acme.example"}}
            """);
    assertThat(refused.path("decision").asText()).isEqualTo("refuse");
    assertThat(refused.path("reasons").toString())
        .contains("mallory@contoso.example is in a domain contoso has verified");

    try (Browser browser = Browser.start()) {
      browser.open(app.authorize(Map.of("kc_idp_hint", "acme-okta")).url());
      UpstreamSignInPage.OKTA.signIn(browser, "mallory@acme.example", "mallory-password");
      browser.waitForUrlStartingWith(stack.keycloak().baseUrl() + "/realms/");
      assertThat(browser.pageText())
          .contains("Your company account uses an e-mail address of another company.");
    }
  }

  @Test
  @DisplayName(
      "Explaining needs the admin rights the answer would reveal; bad questions name the field")
  void badQuestions() throws Exception {
    AdminRest.Resource explain =
        new AdminRest.Resource(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso-explain");
    AdminRest.Answer noInput = explain.call("POST", "discovery", "{}");
    assertThat(noInput.status()).isEqualTo(400);
    assertThat(noInput.body().toString()).contains("input: required");
    AdminRest.Answer noProvider =
        explain.call("POST", "first-login", "{\"claims\": {\"email\": \"a@acme.example\"}}");
    assertThat(noProvider.status()).isEqualTo(400);
    assertThat(noProvider.body().toString()).contains("identityProvider: required");
    assertThat(
            explain
                .call("POST", "first-login", "{\"identityProvider\": \"nope\", \"claims\": {}}")
                .status())
        .isEqualTo(404);
    assertThat(explain.call("POST", "users/no-such-user/rules", "{}").status()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "A realm admin who may view the realm but not its users gets discovery without the account step, and no first-login answer")
  void viewerWithoutUsers() throws Exception {
    String name = ScimPayloads.unique("explain-viewer-").toLowerCase();
    String password = "Viewer-passw0rd!";
    String id = fixtures.localUser(name, name + "@vendor.example", password);
    var realmManagement =
        fixtures.realm().clients().findByClientId("realm-management").get(0).getId();
    fixtures
        .realm()
        .users()
        .get(id)
        .roles()
        .clientLevel(realmManagement)
        .add(
            List.of(
                fixtures
                    .realm()
                    .clients()
                    .get(realmManagement)
                    .roles()
                    .get("view-realm")
                    .toRepresentation()));
    try (Keycloak viewer =
        Keycloak.getInstance(
            stack.keycloak().baseUrl(), CompanySsoStack.REALM, name, password, "admin-cli")) {
      AdminRest.Resource explain =
          new AdminRest.Resource(
              viewer, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso-explain");
      AdminRest.Answer discovery = explain.call("POST", "discovery", "{\"input\": \"acme\"}");
      assertThat(discovery.status()).isEqualTo(200);
      assertThat(discovery.body().path("steps").toString())
          .contains("{\"step\":\"linked-user\",\"result\":\"not-evaluated\"");
      assertThat(discovery.body().path("notes").toString()).contains("needs view-users");
      assertThat(discovery.body().path("next").asText()).isEqualTo("a redirect to acme-okta");
      assertThat(
              explain
                  .call(
                      "POST",
                      "first-login",
                      "{\"identityProvider\": \"acme-okta\", \"claims\": {}}")
                  .status())
          .isEqualTo(403);
    } finally {
      fixtures.realm().users().delete(id).close();
    }
  }

  private void signIn(String login, String password) throws Exception {
    try (Browser browser = Browser.start()) {
      BrokeredLogin.tokens(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          "acme-okta",
          UpstreamSignInPage.OKTA,
          login,
          password);
    }
  }

  /** The decision path of the person's newest LOGIN event since {@code since}. */
  private String pathOfLastLogin(String login, long since) {
    String userId = fixtures.userId(login);
    return fixtures.events("LOGIN").stream()
        .filter(event -> event.getTime() >= since && userId.equals(event.getUserId()))
        .map(EventRepresentation::getDetails)
        .map(details -> details == null ? "" : details.getOrDefault("company_sso_path", ""))
        .findFirst()
        .orElse("");
  }

  private static JsonNode table(JsonNode answer, String name) {
    for (JsonNode table : answer.path("tables")) {
      if (table.path("table").asText().equals(name)) {
        return table;
      }
    }
    throw new AssertionError("No table " + name + " in " + answer);
  }
}
