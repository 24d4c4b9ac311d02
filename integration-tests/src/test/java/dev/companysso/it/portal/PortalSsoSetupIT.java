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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.openqa.selenium.Dimension;

/**
 * The customer's IT admin follows a setup link in a fresh browser and sets up the company's Okta or
 * Entra ID sign-in: the values to paste, the form, the connection test. Nothing goes live here.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalSsoSetupIT {

  private static final String INITRODE_CLIENT = "0oa1initrodekeycloak01";
  private static final String INITRODE_SECRET = "initrode-okta-client-secret";
  private static final String NORTHWIND_TENANT = "3e8f1c2a-7b6d-4e5f-9a0b-1c2d3e4f5a6b";

  private CompanySsoStack stack;
  private PortalTestbed bed;
  private RealmFixtures fixtures;
  private SetupLinkAdmin links;

  @BeforeEach
  void connect(CompanySsoStack stack) {
    this.stack = stack;
    bed = new PortalTestbed(stack);
    fixtures = bed.fixtures();
    links = bed.links();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  /** Okta settings of the simulator's initrode org, saved through the portal. */
  private static void saveInitrode(PortalPage portal) {
    portal.openSso();
    portal.chooseVendor("okta");
    portal.fill("oktaDomain", "initrode.okta.com");
    portal.fill("clientId", INITRODE_CLIENT);
    portal.fill("clientSecret", INITRODE_SECRET);
    portal.save();
  }

  private String newCompany(String prefix) {
    return bed.newCompany(prefix);
  }

  private PortalPage openLink(Browser browser, String company) throws Exception {
    browser.open(URI.create(links.create(company)));
    return new PortalPage(browser);
  }

  @Test
  @DisplayName(
      "Okta: the link opens the portal; the admin copies the redirect URIs, enters the Okta app's values, saves and tests the connection; nothing is live yet")
  void oktaSetup() throws Exception {
    String company = newCompany("umbrella");
    try (Browser browser = Browser.start()) {
      PortalPage portal = openLink(browser, company);
      assertThat(portal.title()).isEqualTo("Company sign-in setup");
      assertThat(portal.company()).contains(company);
      assertThat(portal.ssoState()).startsWith("Not set up yet");
      browser.screenshot("portal-home");

      portal.openSso();
      portal.chooseVendor("okta");
      assertThat(portal.value("redirect-uri"))
          .isEqualTo(
              stack.keycloak().baseUrl()
                  + "/realms/workforce/broker/"
                  + company
                  + "-okta/endpoint");
      assertThat(portal.value("logout-uri"))
          .endsWith("/broker/" + company + "-okta/endpoint/logout_response");
      assertThat(portal.value("initiate-login-uri"))
          .endsWith("/realms/workforce/company-sso/initiate-login");
      portal.fill("oktaDomain", "initrode.okta.com");
      portal.fill("clientId", INITRODE_CLIENT);
      portal.fill("clientSecret", INITRODE_SECRET);
      browser.screenshot("portal-okta-form");
      portal.save();

      assertThat(portal.saved()).isTrue();
      assertThat(portal.secretFieldValue()).isEmpty();
      assertThat(portal.secretHelp()).startsWith("A secret is saved");
      assertThat(browser.driver().getPageSource()).doesNotContain(INITRODE_SECRET);

      portal.testConnection();
      assertThat(portal.checksHeading())
          .as(browser::describePage)
          .isEqualTo("The connection works.");
      assertThat(
              List.of(
                  portal.check("discovery"), portal.check("issuer"), portal.check("credentials")))
          .containsOnly("ok");
      browser.screenshot("portal-okta-tested");
    }
    assertThat(fixtures.realm().identityProviders().findAll())
        .as("a draft is not a provider")
        .extracting(IdentityProviderRepresentation::getAlias)
        .doesNotContain(company + "-okta");
  }

  @Test
  @DisplayName(
      "Okta: the Admin Console's -admin domain is refused under the Okta domain field with the fix; nothing is saved")
  void oktaAdminDomain() throws Exception {
    String company = newCompany("admindomain");
    try (Browser browser = Browser.start()) {
      PortalPage portal = openLink(browser, company);
      portal.openSso();
      portal.chooseVendor("okta");
      portal.fill("oktaDomain", "initrode-admin.okta.com");
      portal.fill("clientId", INITRODE_CLIENT);
      portal.fill("clientSecret", INITRODE_SECRET);
      portal.save();

      assertThat(portal.fieldError("oktaDomain"))
          .isEqualTo(
              "Okta domain: initrode-admin.okta.com is the Admin Console's address; Okta answers"
                  + " 404 there. Use the primary Okta domain, initrode.okta.com.");
      assertThat(portal.saved()).isFalse();
      assertThat(portal.fieldError("clientId")).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "Okta: a wrong client secret is saved, and the connection test says the token endpoint refused the client")
  void wrongSecret() throws Exception {
    String company = newCompany("wrongsecret");
    try (Browser browser = Browser.start()) {
      PortalPage portal = openLink(browser, company);
      portal.openSso();
      portal.chooseVendor("okta");
      portal.fill("oktaDomain", "initrode.okta.com");
      portal.fill("clientId", INITRODE_CLIENT);
      portal.fill("clientSecret", "not-the-secret");
      portal.save();
      portal.testConnection();

      assertThat(portal.checksHeading()).isEqualTo("The connection does not work yet.");
      assertThat(portal.check("discovery")).as(browser::describePage).isEqualTo("ok");
      assertThat(portal.check("credentials")).isEqualTo("failed");
    }
  }

  @Test
  @DisplayName(
      "Entra ID: tenant, cloud, application id and secret value; the connection test passes")
  void entraSetup() throws Exception {
    String company = newCompany("contosoish");
    try (Browser browser = Browser.start()) {
      PortalPage portal = openLink(browser, company);
      portal.openSso();
      portal.chooseVendor("entra-id");
      assertThat(portal.value("redirect-uri"))
          .endsWith("/broker/" + company + "-entra-id/endpoint");
      portal.fill("tenantId", CompanySsoStack.CONTOSO_TENANT_ID);
      portal.selectCloud("global");
      portal.fill("clientId", "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e");
      portal.fill("clientSecret", "contoso-entra-client-secret");
      portal.save();
      portal.testConnection();

      assertThat(portal.checksHeading())
          .as(browser::describePage)
          .isEqualTo("The connection works.");
      browser.screenshot("portal-entra-tested");
    }
  }

  @Test
  @DisplayName("In German at phone width (390 px) the portal is translated and nothing overflows")
  void germanPhone() throws Exception {
    String company = newCompany("telefon");
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      PortalPage portal = openLink(browser, company);
      assertThat(portal.title()).isEqualTo("Firmenanmeldung einrichten");
      portal.openSso();
      portal.chooseVendor("okta");
      portal.save();

      assertThat(portal.fieldError("oktaDomain")).isEqualTo("Dieses Feld ist erforderlich.");
      assertThat(browser.pageText()).contains("Okta-Domain").contains("Client-Secret");
      portal.fill("oktaDomain", "initrode-admin.okta.com");
      portal.fill("clientId", INITRODE_CLIENT);
      portal.fill("clientSecret", INITRODE_SECRET);
      portal.save();
      assertThat(portal.fieldError("oktaDomain"))
          .as("the provider type's own check, in German")
          .startsWith("Okta-Domain: initrode-admin.okta.com ist die Adresse der Admin Console")
          .endsWith("Verwenden Sie die primäre Okta-Domain, initrode.okta.com.");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      browser.screenshot("portal-okta-de-phone");
    }
  }

  @Test
  @DisplayName(
      "Okta end to end: test sign-in shows the claims and the account it would create and creates nobody; enable; a worker then signs in by company code and gets Worker")
  void oktaTestSignInAndEnable() throws Exception {
    String company = newCompany("initech");
    String worker = "worker-" + ScimPayloads.unique("") + "@initrode.example";
    stack
        .okta()
        .addUser(
            "initrode", SimulatorUsers.okta(worker, "Worker-passw0rd!", "Wor", "Ker", List.of()));
    try {
      try (Browser browser = Browser.start()) {
        PortalPage portal = openLink(browser, company);
        saveInitrode(portal);
        assertThat(portal.canEnable()).as("not tested yet").isFalse();

        portal.testSignIn();
        UpstreamSignInPage.OKTA.signIn(browser, worker, "Worker-passw0rd!");
        assertThat(portal.testHeading())
            .as(browser::describePage)
            .isEqualTo("The test sign-in worked. This is what came back:");
        assertThat(portal.claim("email")).isEqualTo(worker);
        assertThat(portal.verdict())
            .contains("companySsoPortalVerdictCreate", "companySsoPortalVerdictDomainNotVerified");
        assertThat(fixtures.realm().users().searchByEmail(worker, true))
            .as("a test sign-in creates nobody")
            .isEmpty();
        browser.screenshot("portal-test-sign-in");

        portal.enable();
        browser.screenshot("portal-enabled");
      }
      IdentityProviderRepresentation live =
          fixtures.realm().identityProviders().get(company + "-okta").toRepresentation();
      assertThat(live.isEnabled()).isTrue();
      assertThat(live.isHideOnLogin()).isTrue();
      assertThat(live.getConfig()).doesNotContainKey("companySso.testing");
      assertThat(fixtures.companyResource(company).identityProviders().getIdentityProviders())
          .extracting(IdentityProviderRepresentation::getAlias)
          .containsExactly(company + "-okta");
      assertThat(fixtures.realm().identityProviders().get(company + "-okta").getMappers())
          .as("an empty group-to-role table, keeping each person's groups for previews")
          .singleElement()
          .satisfies(
              table -> {
                assertThat(table.getIdentityProviderMapper())
                    .isEqualTo("company-group-role-mapper");
                assertThat(table.getConfig()).containsEntry("rules", "[]");
              });

      signInByCompanyCode(company, UpstreamSignInPage.OKTA, worker, "Worker-passw0rd!");
    } finally {
      fixtures.deleteUsersWithEmailIn("initrode.example");
      stack.okta().removeUser("initrode", worker);
      fixtures.realm().identityProviders().get(company + "-okta").remove();
    }
  }

  @Test
  @DisplayName(
      "A test sign-in as a person Okta has not assigned to the app says so with the fix, and enabling stays out of reach")
  void testSignInUnassigned() throws Exception {
    String company = newCompany("unassigned");
    try (Browser browser = Browser.start()) {
      PortalPage portal = openLink(browser, company);
      portal.openSso();
      portal.chooseVendor("okta");
      portal.fill("oktaDomain", "acme.okta.com");
      portal.fill("clientId", "0oa1acmekeycloak000001");
      portal.fill("clientSecret", "acme-okta-client-secret");
      portal.save();
      portal.testSignIn();
      UpstreamSignInPage.OKTA.signIn(browser, "carol@acme.example", "carol-password");

      assertThat(portal.testHeading())
          .as(browser::describePage)
          .isEqualTo("The test sign-in did not work.");
      assertThat(portal.testProblem()).contains("not assigned to the app").contains("Assignments");
      assertThat(portal.canEnable()).isFalse();
    } finally {
      fixtures.realm().identityProviders().get(company + "-okta").remove();
    }
  }

  @Test
  @DisplayName(
      "A provider under test takes no login: kc_idp_hint to it ends on the themed not-enabled page")
  void testingProviderTakesNoLogin() throws Exception {
    String company = newCompany("notlive");
    try {
      try (Browser browser = Browser.start()) {
        PortalPage portal = openLink(browser, company);
        saveInitrode(portal);
        portal.testSignIn();
        browser.waitForUrlStartingWith(stack.okta().orgBaseUrl("initrode"));
      }
      DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
      try (Browser browser = Browser.start()) {
        browser.open(app.authorize(Map.of("kc_idp_hint", company + "-okta")).url());
        assertThat(browser.waitFor(org.openqa.selenium.By.tagName("body")).getText())
            .contains("Your company has not turned on this sign-in yet");
      }
    } finally {
      fixtures.realm().identityProviders().get(company + "-okta").remove();
    }
  }

  @Test
  @DisplayName(
      "axe-core finds no serious or critical WCAG 2.1 AA violation on any portal page, in English at desktop width and in German at 390 px")
  void accessible() throws Exception {
    try (Browser browser = Browser.start()) {
      browser.open(
          URI.create(
              "data:text/html,%3Chtml%20lang%3Den%3E%3Cbody%3E%3Cbutton%3E%3C/button%3E%3C/body%3E%3C/html%3E"));
      assertThat(Accessibility.seriousViolations(browser))
          .as("the checker finds a button without a name")
          .contains("button-name");
    }
    for (boolean german : List.of(false, true)) {
      String company = newCompany(german ? "barrierefrei" : "accessible");
      List<String> pages = new ArrayList<>();
      try (Browser browser =
          german ? Browser.start("--lang=de", "--accept-lang=de") : Browser.start()) {
        if (german) {
          browser.driver().manage().window().setSize(new Dimension(390, 844));
        }
        PortalPage portal = openLink(browser, company);
        portal.title();
        pages.add(audit(browser, "home"));
        portal.openSso();
        portal.chooseVendor("okta");
        pages.add(audit(browser, "okta form"));
        portal.save();
        pages.add(audit(browser, "okta form with errors"));
        portal.fill("oktaDomain", "initrode.okta.com");
        portal.fill("clientId", INITRODE_CLIENT);
        portal.fill("clientSecret", INITRODE_SECRET);
        portal.save();
        portal.testConnection();
        pages.add(audit(browser, "connection test"));
        portal.testSignIn();
        UpstreamSignInPage.OKTA.signIn(browser, "mia@initrode.example", "mia-password");
        portal.testHeading();
        pages.add(audit(browser, "test sign-in result"));
        browser.open(
            URI.create(links.create(company).replaceFirst("csso_setup_.*", "csso_setup_x")));
        pages.add(audit(browser, "invalid link"));
      } finally {
        fixtures.realm().identityProviders().get(company + "-okta").remove();
      }
      assertThat(String.join("", pages)).as(String.join("\n", pages)).isEmpty();
    }
  }

  private static String audit(Browser browser, String page) {
    String violations = Accessibility.seriousViolations(browser);
    return violations.isEmpty() ? "" : page + ":\n" + violations + "\n";
  }

  @Test
  @DisplayName(
      "Entra ID end to end: test sign-in shows the tenant's claims and the account it would create; enable; a worker then signs in by company code and gets Worker")
  void entraTestSignInAndEnable() throws Exception {
    String company = newCompany("northwind");
    String worker = "nina@northwind.example";
    try {
      try (Browser browser = Browser.start()) {
        PortalPage portal = openLink(browser, company);
        portal.openSso();
        portal.chooseVendor("entra-id");
        portal.fill("tenantId", NORTHWIND_TENANT);
        portal.selectCloud("global");
        portal.fill("clientId", "6f5e4d3c-2b1a-4c9d-8e7f-0a1b2c3d4e5f");
        portal.fill("clientSecret", "northwind-entra-client-secret");
        portal.save();
        portal.testSignIn();
        UpstreamSignInPage.ENTRA.signIn(browser, worker, "Passw0rd!");

        assertThat(portal.testHeading())
            .as(browser::describePage)
            .isEqualTo("The test sign-in worked. This is what came back:");
        assertThat(portal.claim("tid")).isEqualTo(NORTHWIND_TENANT);
        assertThat(portal.verdict()).contains("companySsoPortalVerdictCreate");
        assertThat(fixtures.realm().users().searchByEmail(worker, true)).isEmpty();
        portal.enable();
      }
      signInByCompanyCode(company, UpstreamSignInPage.ENTRA, worker, "Passw0rd!");
    } finally {
      fixtures.deleteUsersWithEmailIn("northwind.example");
      fixtures.realm().identityProviders().get(company + "-entra-id").remove();
    }
  }

  /** A worker's first sign-in through the company flow by company code: a member with Worker. */
  private void signInByCompanyCode(
      String company, UpstreamSignInPage idp, String worker, String password) throws Exception {
    DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    try (Browser browser = Browser.start()) {
      DemoAppClient.Authorization authorization = app.authorize(Map.of());
      browser.open(authorization.url());
      new LoginPage(browser).openSingleSignOn().submit(company);
      idp.signIn(browser, worker, password);
      URI callback = browser.waitForUrlStartingWith(app.redirectUri().toString());
      assertThat(authorization.signedInUser(callback)).isEqualTo(worker);
    }
    assertThat(fixtures.companiesOf(worker)).containsExactly(company);
    assertThat(fixtures.realmRolesOf(worker)).contains("Worker");
  }
}
