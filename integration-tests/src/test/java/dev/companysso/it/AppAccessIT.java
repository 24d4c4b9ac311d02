package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Which companies may use which app, and who within a company: an app limited to Acme refuses a
 * Contoso worker only after their sign-in at Contoso's Entra ID (a themed page and an event) and
 * admits Acme's; the same after the Okta tile and on a token refresh once Acme is removed; an app
 * Acme allows only to its engineers admits only them.
 */
@ExtendWith(CompanySsoExtension.class)
class AppAccessIT {

  private static final String PASSWORD = "Access-passw0rd!";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private String app;
  private String appId;
  private List<String> acmeAppsBefore;
  private final List<String> oktaUsers = new ArrayList<>();

  @BeforeEach
  void newApp(CompanySsoStack stack) throws Exception {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    app = ScimPayloads.unique("app");
    appId = fixtures.publicApp(app, stack.keycloak().baseUrl(), List.of());
    acmeAppsBefore = new ArrayList<>();
    call("GET", "companies/acme", null)
        .body()
        .path("apps")
        .forEach(a -> acmeAppsBefore.add(a.asText()));
  }

  @AfterEach
  void cleanUp() throws Exception {
    call("PUT", "companies/acme", apps(acmeAppsBefore));
    fixtures.realm().clients().get(appId).remove();
    for (String login : oktaUsers) {
      stack.okta().removeUser(CompanySsoStack.ACME_ORG, login);
      fixtures
          .realm()
          .users()
          .searchByEmail(login, true)
          .forEach(u -> fixtures.realm().users().delete(u.getId()).close());
    }
    admin.close();
  }

  private AdminRest.Answer call(String method, String path, String body) throws Exception {
    return new AdminRest.Resource(
            admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso-access")
        .call(method, path, body);
  }

  private static String apps(List<String> apps) {
    return "{\"apps\": ["
        + String.join(", ", apps.stream().map(a -> "\"" + a + "\"").toList())
        + "]}";
  }

  private void companies(String mode) throws Exception {
    assertThat(call("PUT", "clients/" + app, "{\"companies\": \"" + mode + "\"}").status())
        .isEqualTo(200);
  }

  private void acmeApps(String... apps) throws Exception {
    List<String> all = new ArrayList<>(acmeAppsBefore);
    all.addAll(List.of(apps));
    assertThat(call("PUT", "companies/acme", apps(all)).status()).isEqualTo(200);
  }

  /** A new Acme worker in Okta, in {@code groups}. */
  private String acmeWorker(List<String> groups) {
    String login = ScimPayloads.unique("access") + "@acme.example";
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG, SimulatorUsers.okta(login, PASSWORD, "Ac", "Cess", groups));
    oktaUsers.add(login);
    return login;
  }

  private DemoAppClient client() {
    return new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM, app);
  }

  /** Signs in to the app through {@code idp}; the tokens, or null when the browser was refused. */
  private OIDCTokens signIn(
      Browser browser, String idp, UpstreamSignInPage page, String login, String password)
      throws Exception {
    DemoAppClient.Authorization authorization = client().authorize(Map.of("kc_idp_hint", idp));
    browser.open(authorization.url());
    page.signIn(browser, login, password);
    browser.waitFor(By.tagName("body"));
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(30))
        .until(
            d ->
                d.getCurrentUrl().startsWith(client().redirectUri().toString())
                    || !d.findElements(By.id("kc-error-message")).isEmpty());
    if (browser.currentUrl().toString().startsWith(client().redirectUri().toString())) {
      return authorization.redeem(browser.currentUrl());
    }
    return null;
  }

  private List<EventRepresentation> refusals(long since) {
    return fixtures.events("LOGIN_ERROR").stream()
        .filter(e -> e.getTime() >= since)
        .filter(e -> "company_sso_app_not_allowed".equals(e.getError()))
        .filter(e -> app.equals(e.getClientId()))
        .toList();
  }

  @Test
  @DisplayName(
      "An app limited to Acme refuses a Contoso worker after their Entra sign-in (themed page, in German too, event naming the company) and admits an Acme worker")
  void limitedToAcme() throws Exception {
    companies("listed");
    acmeApps(app);
    long start = System.currentTimeMillis();
    try (Browser browser = Browser.start()) {
      OIDCTokens refused =
          signIn(
              browser,
              "contoso-entra",
              UpstreamSignInPage.ENTRA,
              "hana@contoso.example",
              "hana-password");
      assertThat(refused).isNull();
      assertThat(browser.waitFor(By.id("kc-error-message")).getText())
          .contains("Contoso cannot use this application");
      browser.screenshot("access-refused");
    }
    assertThat(refusals(start))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getDetails()).containsEntry("company", "contoso");
              assertThat(e.getDetails())
                  .containsEntry("company_sso_refusal", "company-not-admitted");
            });

    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      signIn(
          browser,
          "contoso-entra",
          UpstreamSignInPage.ENTRA,
          "hana@contoso.example",
          "hana-password");
      assertThat(browser.waitFor(By.id("kc-error-message")).getText())
          .contains("Contoso kann diese Anwendung nicht nutzen");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
      browser.screenshot("access-refused-de-phone");
    }

    String worker = acmeWorker(List.of("Everyone"));
    try (Browser browser = Browser.start()) {
      OIDCTokens tokens = signIn(browser, "acme-okta", UpstreamSignInPage.OKTA, worker, PASSWORD);
      assertThat(tokens).isNotNull();
      assertThat(tokens.getIDToken().getJWTClaimsSet().getStringClaim("preferred_username"))
          .isEqualTo(worker);
    }
  }

  @Test
  @DisplayName(
      "Acme removed from the app: its worker's session for the app ends and the refresh is refused; closed by the client's attribute alone, the refresh is refused too; and from the Okta tile the app refuses them")
  void refreshAndTile() throws Exception {
    companies("listed");
    acmeApps(app);
    String worker = acmeWorker(List.of("Everyone"));
    try (Browser browser = Browser.start()) {
      OIDCTokens tokens = signIn(browser, "acme-okta", UpstreamSignInPage.OKTA, worker, PASSWORD);
      assertThat(client().refresh(tokens.getRefreshToken()).indicatesSuccess()).isTrue();

      AdminRest.Answer removed = call("PUT", "companies/acme", apps(acmeAppsBefore));
      assertThat(removed.status()).isEqualTo(200);
      TokenResponse afterRemoval = client().refresh(tokens.getRefreshToken());
      assertThat(afterRemoval.indicatesSuccess()).isFalse();
      assertThat(afterRemoval.toErrorResponse().getErrorObject().getCode())
          .isEqualTo("invalid_grant");

      // Listed again, a new session; then the client alone is closed (no session is ended): the
      // refresh check refuses it.
      acmeApps(app);
      DemoAppClient.Authorization authorization = client().authorize(Map.of());
      browser.open(authorization.url());
      OIDCTokens again =
          authorization.redeem(browser.waitForUrlStartingWith(client().redirectUri().toString()));
      ClientRepresentation closed = fixtures.realm().clients().get(appId).toRepresentation();
      closed.getAttributes().put("companySso.companies", "none");
      fixtures.realm().clients().get(appId).update(closed);
      TokenResponse refused = client().refresh(again.getRefreshToken());
      assertThat(refused.indicatesSuccess()).isFalse();
      assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    try (Browser browser = Browser.start()) {
      String target = stack.keycloak().baseUrl() + "/demo-app/home";
      browser.open(
          URI.create(
              stack.keycloak().baseUrl()
                  + "/realms/"
                  + CompanySsoStack.REALM
                  + "/company-sso/initiate-login?iss="
                  + java.net.URLEncoder.encode(
                      stack.okta().issuer(CompanySsoStack.ACME_ORG, null),
                      java.nio.charset.StandardCharsets.UTF_8)
                  + "&target_link_uri="
                  + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)));
      UpstreamSignInPage.OKTA.signIn(browser, worker, PASSWORD);
      browser.waitForUrlStartingWith(target);
      browser.open(client().authorize(Map.of()).url());
      assertThat(browser.waitFor(By.id("kc-error-message")).getText())
          .contains("Acme cannot use this application");
    }
  }

  @Test
  @DisplayName(
      "An app Acme allows only to its engineers (the Engineer role its group table grants for the Okta group Engineering) admits an engineer and refuses another Acme worker, saying why")
  void onlyEngineers() throws Exception {
    acmeApps(app + ":Engineer");
    String engineer = acmeWorker(List.of("Everyone", "Engineering"));
    String other = acmeWorker(List.of("Everyone"));
    try (Browser browser = Browser.start()) {
      assertThat(signIn(browser, "acme-okta", UpstreamSignInPage.OKTA, engineer, PASSWORD))
          .isNotNull();
    }
    long start = System.currentTimeMillis();
    try (Browser browser = Browser.start()) {
      assertThat(signIn(browser, "acme-okta", UpstreamSignInPage.OKTA, other, PASSWORD)).isNull();
      assertThat(browser.waitFor(By.id("kc-error-message")).getText())
          .contains("Acme lets only some of its people use this application");
    }
    assertThat(refusals(start))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getDetails()).containsEntry("company_sso_refusal", "role-required"));
  }

  @Test
  @DisplayName(
      "The admin API refuses a client or role that does not exist, naming the entry, and an unknown mode; nothing changes")
  void badSettings() throws Exception {
    AdminRest.Answer answer =
        call("PUT", "companies/acme", apps(List.of(app, "no-such-app", app + ":No such role")));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("problems").toString())
        .contains("apps[1]: no client 'no-such-app'")
        .contains("apps[2]: no role 'No such role'");
    assertThat(call("GET", "companies/acme", null).body().path("apps").toString())
        .doesNotContain(app);
    assertThat(call("PUT", "clients/" + app, "{\"companies\": \"some\"}").status()).isEqualTo(400);
    assertThat(call("GET", "clients/" + app, null).body().path("companies").asText())
        .isEqualTo("all");
  }
}
