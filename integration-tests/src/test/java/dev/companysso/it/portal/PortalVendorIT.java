package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The portal's vendor view: vendor staff, signed in to the realm with a realm-management role, see
 * every company with its sign-in state and last sign-in, and create and revoke setup links; users
 * without the role, a company's Owner included, see no company.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalVendorIT {

  private static final String PASSWORD = PortalTestbed.STAFF_PASSWORD;

  /** acme's client secret at the simulator, as the demo realm has it. */
  private static final String ACME_SECRET = "acme-okta-client-secret";

  private CompanySsoStack stack;
  private PortalTestbed bed;
  private RealmFixtures fixtures;
  private String portal;

  @BeforeEach
  void connect(CompanySsoStack stack) {
    this.stack = stack;
    bed = new PortalTestbed(stack);
    fixtures = bed.fixtures();
    portal = bed.portal();
  }

  @AfterEach
  void cleanUp() {
    bed.close();
  }

  private String newCompany(String prefix) {
    return bed.newCompany(prefix);
  }

  private String staff(String... managementRoles) {
    return bed.staff(managementRoles);
  }

  private void signIn(Browser browser, String username) {
    bed.signInAsStaff(browser, username);
  }

  private static WebElement company(Browser browser, String code) {
    return browser.waitFor(By.id("csso-company-" + code));
  }

  private static String fact(WebElement company, String name) {
    return company.findElement(By.cssSelector("[data-fact='" + name + "']")).getText();
  }

  private void search(Browser browser, String text) {
    browser.open(
        URI.create(portal + "/vendor?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName(
      "Staff with manage-organizations sign in, find a company not set up, create a setup link shown once, which a fresh browser opens; they revoke it and it stops working; both are admin events")
  void createAndRevoke() throws Exception {
    String code = newCompany("vendorco");
    String username = staff("manage-organizations");
    long start = System.currentTimeMillis();
    try (Browser browser = Browser.start()) {
      signIn(browser, username);
      assertThat(browser.waitFor(By.id("csso-vendor-staff")).getText()).contains(username);
      search(browser, code);
      WebElement row = company(browser, code);
      assertThat(fact(row, "code")).isEqualTo(code);
      assertThat(fact(row, "state")).isEqualTo("Not set up");
      assertThat(fact(row, "vendor")).isEqualTo("None yet");
      assertThat(fact(row, "last-sign-in")).isEqualTo("never");
      assertThat(fact(row, "links")).isEqualTo("0");
      assertThat(fact(row, "scim")).isEqualTo("no token");

      browser.waitFor(By.id("csso-create-" + code)).click();
      assertThat(browser.waitFor(By.id("csso-link-created")).getText()).contains(code);
      String url = browser.waitFor(By.id("csso-value-setup-link")).getAttribute("value");
      assertThat(url).startsWith(portal + "/link/csso_setup_");
      browser.screenshot("portal-vendor-link-created");

      PortalVisitor itAdmin = new PortalVisitor();
      assertThat(itAdmin.get(url).statusCode()).isEqualTo(303);
      assertThat(itAdmin.get(portal + "/").body()).contains(code);

      search(browser, code);
      assertThat(fact(company(browser, code), "links")).isEqualTo("1");
      assertThat(browser.pageText()).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
      browser.waitFor(By.cssSelector("#csso-company-" + code + " [data-revoke]")).click();
      assertThat(fact(company(browser, code), "links")).isEqualTo("0");
      assertThat(itAdmin.get(portal + "/").statusCode()).isEqualTo(401);
    }
    List<AdminEventRepresentation> events =
        fixtures.realm().getAdminEvents().stream()
            .filter(e -> "COMPANY_SSO_PORTAL".equals(e.getResourceType()))
            .filter(e -> e.getTime() >= start)
            .filter(e -> e.getResourcePath().contains(code + "/setup-links"))
            .toList();
    assertThat(events)
        .extracting(AdminEventRepresentation::getOperationType)
        .containsExactlyInAnyOrder("CREATE", "DELETE");
    assertThat(events).allSatisfy(e -> assertThat(e.getDetails()).containsEntry("staff", username));
  }

  @Test
  @DisplayName(
      "acme's row follows its sign-ins: live after a worker signs in, still live when Okta turns away one unassigned person, failing once Okta refuses the client secret, live again after the next sign-in; a company connected by hand with Keycloak's own OIDC type is live")
  void stateFollowsSignIns() throws Exception {
    String username = staff("view-organizations");
    String handMade = ScimPayloads.unique("byhand");
    String handMadeAlias =
        fixtures.companyOnAcmeOkta(handMade, stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG));
    bed.track(handMade);
    String worker = "vendorview-" + ScimPayloads.unique("") + "@acme.example";
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG,
            SimulatorUsers.okta(worker, PASSWORD, "Ven", "Dor", List.of()));
    try (Browser staffBrowser = Browser.start()) {
      signIn(staffBrowser, username);
      search(staffBrowser, handMade);
      WebElement row = company(staffBrowser, handMade);
      assertThat(fact(row, "state")).isEqualTo("Live");
      assertThat(fact(row, "vendor")).isEqualTo("OpenID Connect");
      assertThat(fact(row, "last-sign-in")).isEqualTo("never");

      signInByCompanyCode(worker, PASSWORD);
      search(staffBrowser, "acme");
      row = company(staffBrowser, "acme");
      assertThat(fact(row, "state")).isEqualTo("Live");
      assertThat(fact(row, "vendor")).isEqualTo("Okta");
      assertThat(fact(row, "last-sign-in")).endsWith("UTC");
      assertThat(staffBrowser.driver().findElements(By.id("csso-create-acme")))
          .as("view-only staff get no create button")
          .isEmpty();

      signInByCompanyCode("carol@acme.example", "carol-password");
      search(staffBrowser, "acme");
      assertThat(fact(company(staffBrowser, "acme"), "state"))
          .as("one unassigned person is not a broken connection")
          .isEqualTo("Live");

      clientSecret("acme-okta", "not-the-secret");
      signInByCompanyCode(worker, PASSWORD);
      search(staffBrowser, "acme");
      row = company(staffBrowser, "acme");
      assertThat(fact(row, "state")).isEqualTo("Failing");
      assertThat(fact(row, "last-failure")).contains("identity_provider_login_failure");
      staffBrowser.screenshot("portal-vendor-failing");

      clientSecret("acme-okta", ACME_SECRET);
      signInByCompanyCode(worker, PASSWORD);
      search(staffBrowser, "acme");
      assertThat(fact(company(staffBrowser, "acme"), "state")).isEqualTo("Live");
    } finally {
      clientSecret("acme-okta", ACME_SECRET);
      fixtures
          .realm()
          .users()
          .searchByEmail(worker, true)
          .forEach(u -> fixtures.realm().users().delete(u.getId()).close());
      stack.okta().removeUser(CompanySsoStack.ACME_ORG, worker);
      fixtures.realm().identityProviders().get(handMadeAlias).remove();
    }
  }

  @Test
  @DisplayName(
      "Staff who manage companies set the apps a company may use: a role that does not exist is refused, naming the entry, and nothing is saved; saved, the row shows the apps and the organization holds them")
  void appsOfACompany() throws Exception {
    String code = newCompany("apps");
    try (Browser browser = Browser.start()) {
      signIn(browser, staff("manage-organizations"));
      search(browser, code);
      browser.waitFor(By.id("csso-apps-input-" + code)).sendKeys("demo-app:No such role");
      browser.clickToNewPage(By.cssSelector("#csso-apps-" + code + " button"));
      assertThat(browser.pageText()).contains("apps[0]: no role 'No such role' in this realm");
      assertThat(
              java.util.Optional.ofNullable(
                      fixtures.companyResource(code).toRepresentation().getAttributes())
                  .orElse(java.util.Map.of()))
          .doesNotContainKey("companySso.apps");

      search(browser, code);
      browser.waitFor(By.id("csso-apps-input-" + code)).sendKeys("demo-app");
      browser.waitFor(By.id("csso-sso-required-" + code)).click();
      browser.clickToNewPage(By.cssSelector("#csso-apps-" + code + " button"));
      assertThat(fact(company(browser, code), "apps")).isEqualTo("demo-app");
      assertThat(
              company(browser, code)
                  .findElement(By.cssSelector("[data-fact='sso-required']"))
                  .getAttribute("data-required"))
          .isEqualTo("true");
      assertThat(fixtures.companyResource(code).toRepresentation().getAttributes())
          .containsEntry("companySso.apps", java.util.List.of("demo-app"))
          .containsEntry("companySso.ssoRequired", java.util.List.of("true"));
      // Which companies an app admits needs the right to configure clients.
      assertThat(browser.driver().findElements(By.id("csso-app-access"))).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "Staff who may also configure clients limit an app to the companies that list it: the vendor view lists the app with how many companies list it; an unknown app is refused")
  void appSide() throws Exception {
    String code = newCompany("appside");
    String app = "appside-" + code;
    org.keycloak.representations.idm.ClientRepresentation client =
        new org.keycloak.representations.idm.ClientRepresentation();
    client.setClientId(app);
    client.setPublicClient(true);
    fixtures.realm().clients().create(client).close();
    fixtures.companyAttribute(code, "companySso.apps", app);
    try (Browser browser = Browser.start()) {
      signIn(browser, staff("manage-organizations", "manage-clients"));
      browser.waitFor(By.id("csso-app-access-client")).sendKeys("no-such-app");
      browser.clickToNewPage(By.cssSelector("#csso-app-access button"));
      assertThat(browser.pageText()).contains("There is no app 'no-such-app' in this realm");

      search(browser, code);
      browser.waitFor(By.id("csso-app-access-client")).sendKeys(app);
      new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("csso-app-access-mode")))
          .selectByValue("listed");
      browser.clickToNewPage(By.cssSelector("#csso-app-access button"));
      assertThat(browser.waitFor(By.cssSelector("[data-app='" + app + "']")).getText())
          .contains(app)
          .contains("only the companies that list it (1)");
      assertThat(Accessibility.seriousViolations(browser)).as("vendor view").isEmpty();
    } finally {
      fixtures
          .realm()
          .clients()
          .findByClientId(app)
          .forEach(c -> fixtures.realm().clients().get(c.getId()).remove());
    }
  }

  private void clientSecret(String alias, String secret) {
    IdentityProviderRepresentation provider =
        fixtures.realm().identityProviders().get(alias).toRepresentation();
    provider.getConfig().put("clientSecret", secret);
    fixtures.realm().identityProviders().get(alias).update(provider);
  }

  /** A sign-in through acme's Okta by company code, in a browser of its own. */
  private void signInByCompanyCode(String login, String password) {
    try (Browser browser = Browser.start()) {
      browser.open(
          new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM)
              .authorize(Map.of())
              .url());
      new LoginPage(browser).openSingleSignOn().submit("acme");
      UpstreamSignInPage.OKTA.signIn(browser, login, password);
      browser.waitFor(By.tagName("body"));
    }
  }

  @Test
  @DisplayName(
      "View-only staff, a signed-in user without a role and a forged form get nowhere: no button, a themed refusal, no link made")
  void refusals() throws Exception {
    String code = newCompany("guarded");
    String viewer = staff("view-organizations");
    String nobody = staff();
    try (Browser browser = Browser.start()) {
      signIn(browser, nobody);
      assertThat(browser.pageText())
          .contains("may not see the companies")
          .doesNotContain(code)
          .doesNotContain("acme");
    }
    try (Browser browser = Browser.start()) {
      signIn(browser, viewer);
      search(browser, code);
      assertThat(fact(company(browser, code), "state")).isEqualTo("Not set up");
      assertThat(browser.driver().findElements(By.cssSelector("form[action$='/vendor/links']")))
          .isEmpty();
      // The view-only member posts a create form anyway, with their own valid CSRF token.
      String sent =
          (String)
              ((JavascriptExecutor) browser.driver())
                  .executeScript(
                      "const f = document.createElement('form'); f.method = 'post';"
                          + " f.action = arguments[0];"
                          + " for (const [k, v] of Object.entries(arguments[1])) {"
                          + " const i = document.createElement('input'); i.type = 'hidden';"
                          + " i.name = k; i.value = v; f.appendChild(i); }"
                          + " document.body.appendChild(f); f.submit(); return 'sent';",
                      portal + "/vendor/links",
                      Map.of("company", code, "expiresInDays", "7", "csrf", "forged"));
      assertThat(sent).isEqualTo("sent");
      assertThat(browser.waitFor(By.tagName("body")).getText())
          .contains("This form is out of date");
    }
    PortalVisitor anonymous = new PortalVisitor();
    HttpResponse<String> forged =
        anonymous.post(
            portal + "/vendor/links", Map.of("company", code, "expiresInDays", "7", "csrf", "x"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(bed.links().list(code)).as("no link was made").isEmpty();
  }

  @Test
  @DisplayName(
      "Staff ask where a sign-in goes: a company code goes straight to its Okta, the account step not looked up for staff who may not view users; a work e-mail in German at phone width, with the account step, accessible")
  void explainWhereASignInGoes() throws Exception {
    try (Browser browser = Browser.start()) {
      signIn(browser, staff("view-realm"));
      browser.open(URI.create(portal + "/vendor?explain=acme#csso-explain"));
      WebElement explained = browser.waitFor(By.id("csso-explained"));
      assertThat(explained.findElement(By.cssSelector("[data-outcome]")).getText())
          .isEqualTo("The Single Sign-On page sends this person straight to acme-okta.");
      assertThat(step(explained, "linked-user")).isEqualTo("not-evaluated");
      assertThat(step(explained, "company-code")).isEqualTo("matched");
      assertThat(explained.getText()).contains("not looked up (needs the right to view users)");
      browser.screenshot("portal-vendor-explain");
    }
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      signIn(browser, staff("view-realm", "view-users"));
      browser.open(
          URI.create(
              portal
                  + "/vendor?explain="
                  + URLEncoder.encode("quinn.newhire@contoso.example", StandardCharsets.UTF_8)));
      WebElement explained = browser.waitFor(By.id("csso-explained"));
      assertThat(explained.findElement(By.cssSelector("[data-outcome]")).getText())
          .isEqualTo("Die Single-Sign-On-Seite schickt diese Person direkt zu contoso-entra.");
      assertThat(step(explained, "linked-user")).isEqualTo("no-match");
      assertThat(step(explained, "email-domain")).isEqualTo("matched");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).as("explained").isEmpty();
      browser.screenshot("portal-vendor-explain-de-phone");
    }
  }

  @Test
  @DisplayName(
      "Staff who may view users ask what a first login would decide (create with Worker, confirm the link of an account not vouched for, refuse a name in another company's domain) and which rules give a person each role and team; staff who may not view users get neither; in German at phone width, accessible")
  void explainAFirstLoginAndAPerson() throws Exception {
    String viewer = staff("view-realm", "view-users");
    try (Browser browser = Browser.start()) {
      signIn(browser, viewer);
      browser.open(URI.create(portal + "/vendor"));
      browser.waitFor(By.id("firstLoginSignIn")).sendKeys("acme-okta");
      browser.waitFor(By.id("firstLoginEmail")).sendKeys("nora.newhire@acme.example");
      browser.waitFor(By.cssSelector("#csso-first-login-form button[type=submit]")).click();
      WebElement decided = browser.waitFor(By.cssSelector("#csso-first-login [data-decision]"));
      assertThat(decided.getAttribute("data-decision")).isEqualTo("create");
      assertThat(decided.getText()).contains("member of acme").contains("Worker");

      decided = firstLogin(browser, "acme-okta", viewer + "@vendor.example");
      assertThat(decided.getAttribute("data-decision")).isEqualTo("confirm-link");
      assertThat(decided.getText()).startsWith("An account " + viewer + " has this e-mail");
      assertThat(
              browser
                  .driver()
                  .findElements(By.cssSelector("#csso-first-login [data-unvouched]"))
                  .stream()
                  .map(item -> item.getAttribute("data-unvouched")))
          .containsExactlyInAnyOrder("provider-not-trusted", "domain-not-the-company");

      decided = firstLogin(browser, "acme-okta", "someone@contoso.example");
      assertThat(decided.getAttribute("data-decision")).isEqualTo("refuse");
      assertThat(decided.getText())
          .isEqualTo(
              "Refused: someone@contoso.example is in a domain that contoso has verified, so acme may neither create nor link it.");

      browser.open(URI.create(portal + "/vendor?person=" + viewer));
      assertThat(browser.waitFor(By.cssSelector("#csso-person [data-answer]")).getText())
          .isEqualTo(
              viewer
                  + " has not signed in with a company sign-in yet: name the sign-in to explain with.");

      person(browser, viewer, "acme-okta", "Dispatch\nsite-north");
      WebElement answer = browser.waitFor(By.cssSelector("#csso-person [data-sign-in=acme-okta]"));
      assertThat(answer.findElement(By.cssSelector("[data-groups-from]")).getText())
          .isEqualTo("Groups typed: Dispatch, site-north");
      assertThat(
              answer
                  .findElement(
                      By.cssSelector("#csso-person-acme-okta-roles [data-target=Dispatcher]"))
                  .getText())
          .isEqualTo("Dispatcher ← rule 2 (Dispatch) matches Dispatch (from their next sign-in)");
      assertThat(
              answer
                  .findElement(By.cssSelector("#csso-person-acme-okta-roles [data-target=Field]"))
                  .getText())
          .contains("rule 3 (glob:site-*) matches site-north");
      assertThat(
              answer
                  .findElement(
                      By.cssSelector(
                          "#csso-person-acme-okta-teams [data-target='/Teams/Dispatch']"))
                  .getText())
          .contains("rule 2 (Dispatch)");
      assertThat(answer.findElements(By.cssSelector("[data-gives]")))
          .extracting(gives -> gives.getAttribute("data-gives"))
          .anySatisfy(gives -> assertThat(gives).contains("Dispatcher").contains("Field"));
      browser.scrollTo(answer);
      browser.screenshot("portal-vendor-explain-person");
    }

    String onlyRealm = staff("view-realm");
    try (Browser browser = Browser.start()) {
      signIn(browser, onlyRealm);
      browser.open(
          URI.create(
              portal
                  + "/vendor?firstLoginSignIn=acme-okta&firstLoginEmail=nora.newhire%40acme.example&person="
                  + viewer
                  + "&personSignIn=acme-okta"));
      browser.waitFor(By.id("csso-explain"));
      assertThat(browser.driver().findElements(By.id("csso-explain-first-login"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("csso-explain-rules"))).isEmpty();
      assertThat(browser.pageText()).doesNotContain(viewer);
    }

    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      signIn(browser, viewer);
      person(browser, viewer, "acme-okta", "Engineering");
      WebElement answer = browser.waitFor(By.cssSelector("#csso-person [data-sign-in=acme-okta]"));
      assertThat(answer.getText())
          .contains("Eingegebene Gruppen: Engineering")
          .contains("Engineer");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).as("person explained").isEmpty();
      browser.scrollTo(answer);
      browser.screenshot("portal-vendor-explain-person-de-phone");
      WebElement refused = firstLogin(browser, "acme-okta", "someone@contoso.example");
      assertThat(refused.getText()).startsWith("Abgelehnt: someone@contoso.example");
      assertThat(Accessibility.seriousViolations(browser)).as("first login explained").isEmpty();
    }
  }

  /** Asks the first-login question with a verified e-mail; answers its decision. */
  private WebElement firstLogin(Browser browser, String signIn, String email) {
    browser.open(
        URI.create(
            portal
                + "/vendor?firstLoginSignIn="
                + signIn
                + "&firstLoginEmailVerified=on&firstLoginEmail="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "#csso-explain-first-login"));
    return browser.waitFor(By.cssSelector("#csso-first-login [data-decision]"));
  }

  /** Asks which rules give the person their roles and teams, with these groups. */
  private void person(Browser browser, String person, String signIn, String groups) {
    browser.open(URI.create(portal + "/vendor"));
    browser.waitFor(By.id("person")).sendKeys(person);
    browser.waitFor(By.id("personSignIn")).sendKeys(signIn);
    WebElement lines = browser.waitFor(By.id("personGroups"));
    for (String group : groups.split("\n")) {
      lines.sendKeys(group, Keys.ENTER);
    }
    browser.waitFor(By.cssSelector("#csso-person-form button[type=submit]")).click();
  }

  private static String step(WebElement explained, String step) {
    return explained
        .findElement(By.cssSelector("[data-step='" + step + "']"))
        .getAttribute("data-result");
  }

  @Test
  @DisplayName(
      "The vendor view in German at phone width: translated, nothing overflows, and axe-core finds no serious or critical violation")
  void germanPhoneAccessible() throws Exception {
    String code = newCompany("ansicht");
    String username = staff("manage-organizations");
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      signIn(browser, username);
      search(browser, code);
      assertThat(fact(company(browser, code), "state")).isEqualTo("Nicht eingerichtet");
      assertThat(browser.pageText()).contains("Firmencode").contains("Einrichtungslink erstellen");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).as("vendor view").isEmpty();
      browser.waitFor(By.id("csso-create-" + code)).click();
      browser.waitFor(By.id("csso-link-created"));
      assertThat(Accessibility.seriousViolations(browser)).as("link created").isEmpty();
      browser.screenshot("portal-vendor-de-phone");
    }
  }
}
