package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * A company that requires its sign-in: its members, and anyone with an e-mail in its verified
 * domain, are sent to its Okta from the password form and from "forgot password", and cannot
 * register; a break-glass account keeps its password, and people of other domains see the ordinary
 * pages.
 */
@ExtendWith(CompanySsoExtension.class)
class SsoRequiredIT {

  private static final String PASSWORD = "Local-passw0rd!";
  private static final String BREAK_GLASS = "Break glass";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private final List<String> users = new ArrayList<>();
  private RealmRepresentation realmBefore;

  @BeforeEach
  void requireAcmeSso(CompanySsoStack stack) {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    fixtures.companyAttribute("acme", "companySso.ssoRequired", "true");
    realmBefore = fixtures.realm().toRepresentation();
    RealmRepresentation open = fixtures.realm().toRepresentation();
    open.setResetPasswordAllowed(true);
    open.setRegistrationAllowed(true);
    fixtures.realm().update(open);
    if (fixtures.realm().roles().list().stream().noneMatch(r -> BREAK_GLASS.equals(r.getName()))) {
      fixtures.realm().roles().create(new RoleRepresentation(BREAK_GLASS, null, false));
    }
  }

  @AfterEach
  void restore() {
    fixtures.companyAttribute("acme", "companySso.ssoRequired", null);
    RealmRepresentation restored = fixtures.realm().toRepresentation();
    restored.setResetPasswordAllowed(realmBefore.isResetPasswordAllowed());
    restored.setRegistrationAllowed(realmBefore.isRegistrationAllowed());
    fixtures.realm().update(restored);
    users.forEach(id -> fixtures.realm().users().delete(id).close());
    admin.close();
  }

  private String localUser(String email, boolean acmeMember) {
    String id = fixtures.localUser(email, email, PASSWORD);
    users.add(id);
    if (acmeMember) {
      fixtures.companyResource("acme").members().addMember(id).close();
    }
    return email;
  }

  private DemoAppClient.Authorization openLogin(Browser browser) {
    DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    DemoAppClient.Authorization authorization = app.authorize(Map.of());
    browser.open(authorization.url());
    return authorization;
  }

  private String acmeOkta() {
    return stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG);
  }

  @Test
  @DisplayName(
      "The password form sends an Acme member and an unknown name in acme.example to Acme's Okta before any password check; a break-glass member and a user of another domain sign in with their password")
  void passwordForm() throws Exception {
    String member = localUser(ScimPayloads.unique("member") + "@acme.example", true);
    String breakGlass = localUser(ScimPayloads.unique("glass") + "@acme.example", true);
    fixtures.grantRealmRole(breakGlass, BREAK_GLASS);
    String outsider = localUser(ScimPayloads.unique("outsider") + "@vendor.example", false);

    for (String name : List.of(member, "nobody-" + ScimPayloads.unique("") + "@acme.example")) {
      try (Browser browser = Browser.start()) {
        openLogin(browser);
        new LoginPage(browser).signIn(name, "not-even-tried");
        assertThat(browser.waitForUrlStartingWith(acmeOkta()).toString())
            .as(name)
            .contains("login_hint=");
      }
    }
    assertThat(fixtures.user(member).isEnabled()).isTrue();

    for (String name : List.of(breakGlass, outsider)) {
      try (Browser browser = Browser.start()) {
        DemoAppClient.Authorization authorization = openLogin(browser);
        new LoginPage(browser).signIn(name, PASSWORD);
        String callback =
            new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM)
                .redirectUri()
                .toString();
        assertThat(authorization.signedInUser(browser.waitForUrlStartingWith(callback)))
            .isEqualTo(name);
      }
    }
  }

  @Test
  @DisplayName(
      "Forgot password sends an Acme member to Acme's Okta (no reset e-mail), a user of another domain gets Keycloak's ordinary page; registering with an acme.example e-mail goes to Acme's Okta, and one typed into the form later is refused, naming Acme")
  void resetAndRegistration() throws Exception {
    String member = localUser(ScimPayloads.unique("reset") + "@acme.example", true);
    String outsider = localUser(ScimPayloads.unique("reset") + "@vendor.example", false);
    try (Browser browser = Browser.start()) {
      openLogin(browser);
      browser.clickToNewPage(By.cssSelector("a[href*='login-actions/reset-credentials']"));
      browser.waitFor(By.id("username")).sendKeys(member);
      browser
          .driver()
          .findElement(By.cssSelector("input[type=submit], button[type=submit]"))
          .click();
      browser.waitForUrlStartingWith(acmeOkta());
    }
    try (Browser browser = Browser.start()) {
      openLogin(browser);
      browser.clickToNewPage(By.cssSelector("a[href*='login-actions/reset-credentials']"));
      browser.waitFor(By.id("username")).sendKeys(outsider);
      browser.clickToNewPage(By.cssSelector("input[type=submit], button[type=submit]"));
      assertThat(browser.currentUrl().toString()).startsWith(stack.keycloak().baseUrl());
      assertThat(browser.pageText()).contains("You should receive an email shortly");
    }
    // Registration asks for the e-mail first: an acme.example one goes to Acme's Okta, no account.
    String email = ScimPayloads.unique("new") + "@acme.example";
    try (Browser browser = Browser.start()) {
      openLogin(browser);
      browser.clickToNewPage(By.cssSelector("a[href*='login-actions/registration']"));
      browser.waitFor(By.id("email")).sendKeys(email);
      browser.driver().findElement(By.id("kc-company-sso-register-continue")).click();
      browser.waitForUrlStartingWith(acmeOkta());
    }
    assertThat(fixtures.realm().users().searchByEmail(email, true)).isEmpty();
    // Another domain goes on to the form, the e-mail filled in; changed there to an acme.example
    // one, the form refuses it, naming Acme.
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      openLogin(browser);
      browser.clickToNewPage(By.cssSelector("a[href*='login-actions/registration']"));
      assertThat(Accessibility.seriousViolations(browser)).as("e-mail step").isEmpty();
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      browser.screenshot("registration-email-de-phone");
      browser.waitFor(By.id("email")).sendKeys("new@vendor.example");
      browser.clickToNewPage(By.id("kc-company-sso-register-continue"));
      assertThat(browser.waitFor(By.id("email")).getAttribute("value"))
          .isEqualTo("new@vendor.example");
      browser.waitFor(By.id("email")).clear();
      browser.waitFor(By.id("email")).sendKeys(email);
      for (String field : List.of("username", "firstName", "lastName")) {
        if (!browser.driver().findElements(By.id(field)).isEmpty()) {
          browser
              .driver()
              .findElement(By.id(field))
              .sendKeys(field.equals("username") ? email : "New");
        }
      }
      browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
      browser.driver().findElement(By.id("password-confirm")).sendKeys(PASSWORD);
      browser.clickToNewPage(By.cssSelector("input[type=submit], button[type=submit]"));
      assertThat(browser.waitFor(By.id("input-error-email")).getText())
          .contains("Acme meldet seine Mitarbeitenden mit dem eigenen Firmenkonto an");
    }
    assertThat(fixtures.realm().users().searchByEmail(email, true)).isEmpty();
  }
}
