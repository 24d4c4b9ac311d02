package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The portal's provisioning section: a link that opens it lets the company's IT admin issue, rotate
 * and revoke the company's SCIM token, which works against the SCIM endpoint at once; a link
 * without the section cannot reach it.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalProvisioningIT {

  private PortalTestbed bed;
  private RealmFixtures fixtures;
  private SetupLinkAdmin links;
  private String portal;

  @BeforeEach
  void connect(CompanySsoStack stack) {
    bed = new PortalTestbed(stack);
    fixtures = bed.fixtures();
    links = bed.links();
    portal = bed.portal();
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private String newCompany(String prefix) {
    return bed.newCompany(prefix);
  }

  private String provisioningLink(String company) throws Exception {
    var answer = links.create(company, "{\"sections\": [\"provisioning\"]}");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return answer.body().path("url").asText();
  }

  private static void click(Browser browser, String formId) {
    browser.clickToNewPage(By.cssSelector("#" + formId + " button"));
  }

  @Test
  @DisplayName(
      "A provisioning link: the IT admin copies the base URL, issues a token (shown once) that the SCIM endpoint takes, rotates it (the old one stops at once) and revokes it")
  void issueRotateRevoke() throws Exception {
    String company = newCompany("scimportal");
    try (Browser browser = Browser.start()) {
      browser.open(URI.create(provisioningLink(company)));
      browser.waitFor(By.id("csso-provisioning-open")).click();
      String baseUrl = browser.waitFor(By.id("csso-value-scim-base-url")).getAttribute("value");
      assertThat(baseUrl).endsWith("/company-scim/" + company + "/v2");
      assertThat(browser.waitFor(By.id("csso-token-state")).getText()).startsWith("No token yet");

      click(browser, "csso-token-issue");
      String first = browser.waitFor(By.id("csso-value-scim-token")).getAttribute("value");
      assertThat(first).startsWith("csso_scim_");
      browser.screenshot("portal-provisioning-token");
      assertThat(browser.waitFor(By.id("csso-scim-last-request")).getText())
          .isEqualTo("No request yet.");
      ScimClient scim = new ScimClient(baseUrl, first);
      var pushed =
          scim.post(
              "Users",
              ScimPayloads.oktaUser(
                  "pushed-" + company + "@" + company + ".example", "Pu", "Shed"));
      assertThat(pushed.status()).as(pushed.toString()).isEqualTo(201);
      assertThat(scim.get("Users?count=1").status()).isEqualTo(200);

      browser.open(URI.create(portal + "/provisioning"));
      assertThat(browser.waitFor(By.id("csso-scim-last-request")).getAttribute("data-status"))
          .as("Okta's push arrived (later successes within the minute are not written)")
          .isEqualTo("201");
      assertThat(browser.driver().findElements(By.id("csso-scim-failures"))).isEmpty();
      assertThat(browser.driver().findElements(By.id("csso-value-scim-token")))
          .as("the token is shown once")
          .isEmpty();
      assertThat(browser.waitFor(By.id("csso-token-state")).getText())
          .startsWith("A token is in use");
      click(browser, "csso-token-issue");
      String second = browser.waitFor(By.id("csso-value-scim-token")).getAttribute("value");
      assertThat(second).isNotEqualTo(first);
      assertThat(scim.get("Users?count=1").status()).as("the rotated-out token").isEqualTo(401);
      browser.open(URI.create(portal + "/provisioning"));
      assertThat(browser.waitFor(By.id("csso-scim-last-request")).getAttribute("data-status"))
          .isEqualTo("401");
      assertThat(browser.waitFor(By.cssSelector("#csso-scim-failures li")).getText())
          .contains("GET /Users → 401: A valid SCIM bearer token of this company is required");
      browser.screenshot("portal-provisioning-activity");
      assertThat(scim.withToken(second).delete("Users/" + pushed.id()).status()).isEqualTo(204);

      click(browser, "csso-token-revoke");
      assertThat(browser.waitFor(By.id("csso-token-state")).getText()).startsWith("No token yet");
      assertThat(scim.withToken(second).get("Users?count=1").status()).isEqualTo(401);
    }
  }

  @Test
  @DisplayName(
      "A link that opens only single sign-on reaches no provisioning page, and a forged form issues no token")
  void sectionNotAllowed() throws Exception {
    String company = newCompany("ssoonly");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(links.create(company));
    var page = visitor.get(portal + "/provisioning");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("does not open this part of the portal");
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/sso/okta").body());
    assertThat(visitor.post(portal + "/provisioning/token", Map.of("csrf", csrf)).statusCode())
        .isEqualTo(403);
    assertThat(fixtures.realm().toRepresentation().getAttributes())
        .as("no token was issued")
        .doesNotContainKeys(
            "companySso.scim." + fixtures.companyRepresentation(company).getId() + ".tokenHash");
  }

  @Test
  @DisplayName(
      "The provisioning page in German at phone width: translated, nothing overflows, axe-core finds no serious or critical violation")
  void germanPhoneAccessible() throws Exception {
    String company = newCompany("bereitstellung");
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.open(URI.create(provisioningLink(company)));
      browser.waitFor(By.id("csso-provisioning-open")).click();
      click(browser, "csso-token-issue");
      browser.waitFor(By.id("csso-token-issued"));
      assertThat(browser.pageText()).contains("SCIM-Basis-URL").contains("Neues Token ausgestellt");
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
      browser.screenshot("portal-provisioning-de-phone");
    }
  }
}
