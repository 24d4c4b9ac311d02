package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanyChooserPage;
import dev.companysso.it.support.CompanyDiscoveryPage;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;

/** Company discovery in a browser: the Single Sign-On page and its resolution paths. */
@ExtendWith(CompanySsoExtension.class)
class CompanyDiscoveryIT {

  private static final String LOCAL_USER = "lena";
  private static final String LOCAL_PASSWORD = "lena-password";

  private CompanySsoStack stack;
  private Browser browser;
  private DemoAppClient app;

  @BeforeAll
  static void companies(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      String okta = stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG);
      fixtures.localUser(LOCAL_USER, "lena@local.example", LOCAL_PASSWORD);
      String grace = fixtures.localUser("grace", "grace@acme.example", "unused-password-1");
      fixtures.link(grace, "acme-okta", "00u1grace00000000001", "grace@acme.example");
      fixtures.identityProvider("umbrella-okta", "Umbrella (Okta)", okta + "/umbrella-okta", true);
      fixtures.identityProvider(
          "umbrella-entra", "Umbrella (Entra ID)", okta + "/umbrella-entra", true);
      OrganizationResource umbrella =
          fixtures.company(
              "umbrella", "umbrella.example", true, List.of("umbrella-okta", "umbrella-entra"));
      String hank = fixtures.localUser("hank", "hank@elsewhere.example", "unused-password-2");
      fixtures.link(hank, "acme-okta", "00u1hank00000000001", "hank@acme.example");
      fixtures.link(hank, "umbrella-okta", "00u1hank00000000002", "hank@umbrella.example");
      String ines = fixtures.localUser("ines", "ines@elsewhere.example", "unused-password-3");
      fixtures.link(ines, "acme-okta", "00u1ines00000000001", "ines@acme.example");
      fixtures.link(ines, "umbrella-okta", "00u1ines00000000002", "ines@umbrella.example");
      umbrella.members().addMember(ines).close();
      fixtures.identityProvider("initech-okta", "Initech", okta + "/initech", true);
      fixtures.company("initech", "initech.example", false, List.of("initech-okta"));
      fixtures.identityProvider("hooli-okta", "Hooli", okta + "/hooli", false);
      fixtures.company("hooli", "hooli.example", true, List.of("hooli-okta"));
      fixtures.company("piedpiper", "piedpiper.example", true, List.of());
    }
  }

  @BeforeEach
  void openBrowser(CompanySsoStack stack) {
    this.stack = stack;
    this.browser = Browser.start();
    this.app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
  }

  @AfterAll
  static void removeCompanies(CompanySsoStack stack) {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      for (String company : List.of("umbrella", "initech", "hooli", "piedpiper")) {
        fixtures.companyResource(company).delete().close();
      }
      for (String idp : List.of("umbrella-okta", "umbrella-entra", "initech-okta", "hooli-okta")) {
        fixtures.realm().identityProviders().get(idp).remove();
      }
      for (String user : List.of(LOCAL_USER, "grace", "hank", "ines")) {
        fixtures.realm().users().delete(fixtures.userId(user)).close();
      }
    }
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  private LoginPage openLogin(Map<String, String> parameters) {
    browser.open(app.authorize(parameters).url());
    return new LoginPage(browser);
  }

  private String acmeAuthorize() {
    return stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG) + "/oauth2/v1/authorize";
  }

  private String contosoAuthorize() {
    return stack.entra().authority()
        + "/"
        + CompanySsoStack.CONTOSO_TENANT_ID
        + "/oauth2/v2.0/authorize";
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", "  ACME ", "Acme"})
  @DisplayName("Given a company code in any case, the worker lands on the company's Okta")
  void companyCode(String typed) {
    openLogin(Map.of()).openSingleSignOn().submit(typed);

    browser.waitForUrlStartingWith(acmeAuthorize());
  }

  @Test
  @DisplayName(
      "Given a work e-mail of a verified company domain and no account yet, the worker lands on that company's Entra ID with the e-mail as typed as login_hint")
  void workEmail() {
    // Nobody signs in as this person in any test: an account would route as a linked user.
    openLogin(Map.of()).openSingleSignOn().submit("Quinn.Newhire@Contoso.example");

    URI upstream = browser.waitForUrlStartingWith(contosoAuthorize());
    assertThat(upstream.getQuery()).contains("login_hint=Quinn.Newhire@Contoso.example");
  }

  @Test
  @DisplayName(
      "Given the username of a user linked to Okta, the worker goes back to that Okta with their Okta login as hint")
  void linkedUser() {
    openLogin(Map.of()).openSingleSignOn().submit("grace");

    URI upstream = browser.waitForUrlStartingWith(acmeAuthorize());
    assertThat(upstream.getQuery()).contains("login_hint=grace@acme.example");
  }

  @Test
  @DisplayName(
      "A user linked to two identity providers and in no company gets a chooser of exactly their two")
  void linkedToSeveral() {
    openLogin(Map.of()).openSingleSignOn().submit("hank");

    assertThat(new CompanyChooserPage(browser).offeredAliases())
        .containsExactlyInAnyOrder("acme-okta", "umbrella-okta");
  }

  @Test
  @DisplayName(
      "A user linked to two identity providers goes straight to the one of their own company")
  void linkedToSeveralPrefersTheirCompany() {
    openLogin(Map.of()).openSingleSignOn().submit("ines");

    URI upstream =
        browser.waitForUrlStartingWith(
            stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG) + "/umbrella-okta");
    assertThat(upstream.getQuery()).contains("login_hint=ines@umbrella.example");
  }

  @Test
  @DisplayName(
      "A company with two identity providers gets a chooser listing only those two, and the choice is followed")
  void chooser() {
    openLogin(Map.of()).openSingleSignOn().submit("umbrella");

    CompanyChooserPage chooser = new CompanyChooserPage(browser);
    assertThat(chooser.offeredAliases())
        .containsExactlyInAnyOrder("umbrella-okta", "umbrella-entra");
    chooser.choose("umbrella-entra");
    browser.waitForUrlStartingWith(
        stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG) + "/umbrella-entra");
  }

  @Test
  @DisplayName(
      "A tampered chooser naming another company's identity provider goes back to the login page, not there")
  void tamperedChooser() {
    openLogin(Map.of()).openSingleSignOn().submit("umbrella");

    new CompanyChooserPage(browser).chooseTampered("acme-okta");
    assertThat(new LoginPage(browser).asksForUsername()).isTrue();
    assertThat(browser.currentUrl().toString()).doesNotStartWith(acmeAuthorize());
  }

  @Test
  @DisplayName(
      "The login page shows the Single Sign-On button on a desktop and on a phone-sized screen, and no identity provider list")
  void singleSignOnButton() {
    LoginPage login = openLogin(Map.of());
    assertThat(login.hasSingleSignOnButton()).isTrue();
    assertThat(login.listsAnyIdentityProvider()).isFalse();

    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    assertThat(login.hasSingleSignOnButton()).isTrue();
    assertThat(login.openSingleSignOn().label()).isEqualTo("Username, work e-mail or company code");
  }

  @Test
  @DisplayName("company=acme on the authorization request skips the login page")
  void companyDeepLink() {
    openLogin(Map.of("company", "acme"));

    browser.waitForUrlStartingWith(acmeAuthorize());
  }

  @Test
  @DisplayName("kc_company=CONTOSO on the authorization request skips the login page")
  void kcCompanyDeepLink() {
    openLogin(Map.of("kc_company", "CONTOSO"));

    browser.waitForUrlStartingWith(contosoAuthorize());
  }

  @Test
  @DisplayName("A login_hint with a work e-mail of a company skips the login page")
  void loginHintDeepLink() {
    openLogin(Map.of("login_hint", "erin@contoso.example"));

    browser.waitForUrlStartingWith(contosoAuthorize());
  }

  @Test
  @DisplayName(
      "An unknown company in a deep link shows the ordinary login page, as if none was given")
  void unknownCompanyDeepLink() {
    assertThat(openLogin(Map.of("company", "nosuchco")).asksForUsername()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nosuchco", "nobody@nowhere.example", LOCAL_USER, "initech", "hooli", "piedpiper"})
  @DisplayName(
      "Unknown codes and users, a local user, a disabled company, a disabled IdP and a company without IdP all get the same password step and the same error")
  void noEnumeration(String typed) {
    openLogin(Map.of()).openSingleSignOn().submit(typed);

    LoginPage passwordStep = new LoginPage(browser);
    assertThat(passwordStep.asksForUsername()).isFalse();
    assertThat(passwordStep.attemptedUsername()).isEqualTo(typed);
    String page = browser.pageText().replace(typed, "<input>");
    passwordStep.submitPassword("wrong-password");
    assertThat(passwordStep.errors()).containsExactly("Invalid username or password.");
    assertThat(page).isEqualTo(passwordStepOfAnUnknownCode());
  }

  private static String unknownCodePage;

  /** The password step of an unknown company code, with the code masked, from a fresh login. */
  private String passwordStepOfAnUnknownCode() {
    if (unknownCodePage == null) {
      try (Browser other = Browser.start()) {
        other.open(app.authorize(Map.of()).url());
        new LoginPage(other).openSingleSignOn().submit("zz-unknown");
        new LoginPage(other).attemptedUsername();
        unknownCodePage = other.pageText().replace("zz-unknown", "<input>");
      }
    }
    return unknownCodePage;
  }

  @Test
  @DisplayName("A local user typed into the Single Sign-On page signs in with their password")
  void localUserSignsIn() throws Exception {
    DemoAppClient.Authorization authorization = app.authorize(Map.of());
    browser.open(authorization.url());
    new LoginPage(browser).openSingleSignOn().submit(LOCAL_USER);
    new LoginPage(browser).submitPassword(LOCAL_PASSWORD);

    URI callback = browser.waitForUrlStartingWith(app.redirectUri().toString());
    assertThat(authorization.signedInUser(callback)).isEqualTo(LOCAL_USER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  @DisplayName("An empty input re-renders the page with a message asking for one")
  void emptyInput(String typed) {
    CompanyDiscoveryPage page = openLogin(Map.of()).openSingleSignOn();
    page.submitRaw(typed);

    assertThat(page.error()).isEqualTo("Enter your username, work e-mail or company code.");
  }

  @Test
  @DisplayName("10,000 characters are refused with a message, and not echoed back")
  void tooLongInput() {
    CompanyDiscoveryPage page = openLogin(Map.of()).openSingleSignOn();
    page.submitRaw("a".repeat(10_000));

    assertThat(page.error()).isEqualTo("That is too long for a username, e-mail or company code.");
    assertThat(page.value()).isEmpty();
  }

  @Test
  @DisplayName("Control characters are refused with a message")
  void controlCharacters() {
    CompanyDiscoveryPage page = openLogin(Map.of()).openSingleSignOn();
    page.submitRaw("ac\u0000me\n");

    assertThat(page.error())
        .isEqualTo("Remove special characters such as line breaks and try again.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "' OR '1'='1' --", "acme\"><img src=x>"})
  @DisplayName("HTML and SQL fragments go to the password step as plain text")
  void markupIsPlainText(String typed) {
    openLogin(Map.of()).openSingleSignOn().submitRaw(typed);

    assertThat(new LoginPage(browser).attemptedUsername()).isEqualTo(typed);
    assertThat(browser.driver().findElements(org.openqa.selenium.By.tagName("img"))).isEmpty();
  }

  @Test
  @DisplayName(
      "A remembered company fills in the page next time; one with auto-redirect skips the login page")
  void rememberedCompany() {
    try (Keycloak admin = stack.keycloak().adminClient()) {
      RealmFixtures fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
      String flow = "company browser";
      String page =
          fixtures.authenticatorSetting(flow, "company-discovery", "rememberCompany", "true");
      String deepLink =
          fixtures.authenticatorSetting(flow, "company-deep-link", "rememberCompany", "true");
      fixtures.companyAttribute("acme", "companySso.autoRedirect", "true");
      try {
        openLogin(Map.of()).openSingleSignOn().submitRemembering("contoso");
        browser.waitForUrlStartingWith(contosoAuthorize());
        assertThat(openLogin(Map.of()).openSingleSignOn().value()).isEqualTo("contoso");

        new CompanyDiscoveryPage(browser).submitRemembering("acme");
        browser.waitForUrlStartingWith(acmeAuthorize());
        browser.open(app.authorize(Map.of()).url());
        browser.waitForUrlStartingWith(acmeAuthorize());
      } finally {
        fixtures.authenticatorSetting(flow, "company-discovery", "rememberCompany", page);
        fixtures.authenticatorSetting(flow, "company-deep-link", "rememberCompany", deepLink);
        fixtures.companyAttribute("acme", "companySso.autoRedirect", null);
      }
    }
  }

  @Test
  @DisplayName("The Single Sign-On page speaks the worker's language (German)")
  void translated() {
    CompanyDiscoveryPage page = openLogin(Map.of("ui_locales", "de")).openSingleSignOn();

    assertThat(page.label()).isEqualTo("Benutzername, geschäftliche E-Mail oder Firmencode");
  }
}
