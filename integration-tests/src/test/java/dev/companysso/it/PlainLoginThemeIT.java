package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanyDiscoveryPage;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.UpstreamSignInPage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;

/**
 * Company discovery in a realm whose login theme is Keycloak's own {@code keycloak.v2}: the
 * bundle's pages and messages come from its JARs (theme-resources), not from the {@code
 * company-sso} theme.
 */
@ExtendWith(CompanySsoExtension.class)
class PlainLoginThemeIT {

  private CompanySsoStack stack;
  private Keycloak admin;
  private String previousTheme;
  private Browser browser;
  private DemoAppClient app;

  @BeforeEach
  void plainTheme(CompanySsoStack stack) {
    this.stack = stack;
    this.admin = stack.keycloak().adminClient();
    RealmRepresentation realm = admin.realm(CompanySsoStack.REALM).toRepresentation();
    previousTheme = realm.getLoginTheme();
    realm.setLoginTheme("keycloak.v2");
    admin.realm(CompanySsoStack.REALM).update(realm);
    this.browser = Browser.start();
    this.app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
  }

  @AfterEach
  void companyTheme() {
    browser.close();
    RealmRepresentation realm = admin.realm(CompanySsoStack.REALM).toRepresentation();
    realm.setLoginTheme(previousTheme);
    admin.realm(CompanySsoStack.REALM).update(realm);
    admin.close();
  }

  @Test
  @DisplayName(
      "Under keycloak.v2, 'Try another way' offers Single Sign-On, whose page sends a company code to the company's Okta")
  void discoveryPage() {
    browser.open(app.authorize(Map.of()).url());
    browser.waitFor(By.id("try-another-way")).click();
    browser.waitFor(By.xpath("//h2[contains(normalize-space(.), 'Single Sign-On')]")).click();

    CompanyDiscoveryPage page = new CompanyDiscoveryPage(browser);
    assertThat(page.label()).isEqualTo("Username, work e-mail or company code");
    page.submit("acme");

    browser.waitForUrlStartingWith(
        stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG) + "/oauth2/v1/authorize");
  }

  @Test
  @DisplayName(
      "Under keycloak.v2, a person Okta refuses sees the bundle's message after a deep link")
  void messagesFromTheJars() {
    browser.open(app.authorize(Map.of("company", "acme")).url());
    UpstreamSignInPage.OKTA.signIn(browser, "carol@acme.example", "carol-password");

    browser.waitFor(By.id("password"));
    assertThat(browser.pageText())
        .contains("Your company has not given you access to this application yet.");
  }
}
