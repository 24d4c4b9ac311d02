package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.SimulatorUsers;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A company's Owner reaches the portal for their own company by signing in, without a setup link;
 * anyone else signed in is turned away.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalOwnerIT {

  private static final String PASSWORD = "Owner-passw0rd!";

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private String portal;
  private String login;

  @BeforeEach
  void acmeUser(CompanySsoStack stack) {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    portal =
        stack.keycloak().baseUrl() + "/realms/" + CompanySsoStack.REALM + "/company-sso-portal";
    login = "owner-" + ScimPayloads.unique("") + "@acme.example";
    stack
        .okta()
        .addUser(
            CompanySsoStack.ACME_ORG, SimulatorUsers.okta(login, PASSWORD, "Ow", "Ner", List.of()));
  }

  @AfterEach
  void removeUser() {
    fixtures
        .realm()
        .users()
        .searchByEmail(login, true)
        .forEach(u -> fixtures.realm().users().delete(u.getId()).close());
    stack.okta().removeUser(CompanySsoStack.ACME_ORG, login);
    admin.close();
  }

  /**
   * Signs in to demo-app through the company flow (company code acme): a first login makes the
   * account.
   */
  private void signIn(Browser browser) {
    DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    browser.open(app.authorize(Map.of()).url());
    new LoginPage(browser).openSingleSignOn().submit("acme");
    UpstreamSignInPage.OKTA.signIn(browser, login, PASSWORD);
    browser.waitForUrlStartingWith(app.redirectUri().toString());
  }

  @Test
  @DisplayName(
      "An Owner of acme signs in from the portal's button through the company flow and runs acme's portal, every section, without a link; the vendor view shows them no company, and the mapping refuses a role the vendor did not make assignable, in the page and by hand")
  void ownerSignsIn() throws Exception {
    try (Browser browser = Browser.start()) {
      signIn(browser);
    }
    fixtures.grantRealmRole(login, "Owner");
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(portal + "/"));
      browser.waitFor(By.id("csso-owner-sign-in")).click();
      new LoginPage(browser).openSingleSignOn().submit("acme");
      UpstreamSignInPage.OKTA.signIn(browser, login, PASSWORD);

      PortalPage page = new PortalPage(browser);
      browser.waitForUrlStartingWith(portal + "/");
      assertThat(browser.pageText()).as(browser::describePage).contains("(code acme)");
      assertThat(browser.waitFor(By.id("csso-portal-owner")).getText()).contains(login);
      assertThat(page.ssoState()).startsWith("Enabled");
      page.openSso();
      page.chooseVendor("okta");
      assertThat(page.value("redirect-uri")).endsWith("/broker/acme-okta/endpoint");
      browser.screenshot("portal-owner");

      // An Owner of acme is not vendor staff: the vendor view names no company, acme's included.
      browser.open(URI.create(portal + "/vendor"));
      assertThat(browser.waitFor(By.tagName("body")).getText())
          .contains("may not see the companies")
          .doesNotContain("globex")
          .doesNotContain("(code acme)");

      // Signed in, an Owner may grant no more than a setup link does: a role the vendor did not
      // make assignable is refused in the page and in a request made by hand; nothing is saved.
      int tables = fixtures.realm().identityProviders().get("acme-okta").getMappers().size();
      browser.open(URI.create(portal + "/mapping"));
      page.typeRoleRows("Everyone", "Owner");
      browser.clickToNewPage(By.id("csso-roles-preview"));
      assertThat(browser.waitFor(By.id("csso-mapping-problems-roles")).getText())
          .contains("the role Owner is not one you can grant");
      Object answer =
          ((JavascriptExecutor) browser.driver())
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "const body = new URLSearchParams({csrf:"
                      + " document.querySelector('input[name=csrf]').value, pattern: 'Everyone',"
                      + " targets: 'realm-management.manage-realm'});"
                      + "fetch(arguments[0], {method: 'POST', body})"
                      + ".then(r => r.text().then(t => done(r.status + ' ' + t)));",
                  portal + "/mapping/roles/save");
      assertThat(String.valueOf(answer))
          .startsWith("400")
          .contains("the role realm-management.manage-realm is not one you can grant");
      assertThat(fixtures.realm().identityProviders().get("acme-okta").getMappers())
          .hasSize(tables);
    }
  }

  @Test
  @DisplayName(
      "A Worker of acme, signed in, is told the portal is for the company's Owner and sees no company")
  void workerTurnedAway() throws Exception {
    try (Browser browser = Browser.start()) {
      signIn(browser);
      browser.open(URI.create(portal + "/owner"));
      assertThat(browser.waitFor(By.tagName("body")).getText())
          .contains("not as the Owner of exactly one company")
          .doesNotContain("(code acme)");
      browser.open(URI.create(portal + "/sso"));
      assertThat(browser.waitFor(By.id("csso-owner-sign-in")).isDisplayed()).isTrue();
    }
  }
}
