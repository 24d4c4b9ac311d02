package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.openqa.selenium.By;

/**
 * The portal's directory sync page: the company's IT admin tests the connection, runs a full sync
 * and reads its report; when the safety cap stops a run, the report says so, nobody is disabled,
 * and "apply" runs it past the cap.
 */
@ExtendWith(CompanySsoExtension.class)
class PortalDirectoryIT {

  private static final String ORG = "initrode";
  private static final List<String> LEAVERS =
      List.of("ned@initrode.example", "oren@initrode.example");

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
  void close() {
    bed.close();
  }

  private String directory(String alias) {
    ComponentRepresentation component = new ComponentRepresentation();
    component.setName(alias + " directory");
    component.setProviderId("okta-directory");
    component.setProviderType("org.keycloak.storage.UserStorageProvider");
    component.setConfig(
        new org.keycloak.common.util.MultivaluedHashMap<>(
            Map.of(
                "identityProvider", List.of(alias),
                "authentication", List.of("api-token"),
                "apiToken", List.of("00initrode-read-only-api-token"),
                "safetyCapPercent", List.of("10"),
                "safetyCapAllowance", List.of("0"),
                "defaultRoles", List.of("Worker"),
                "fullSyncPeriod", List.of("-1"),
                "changedSyncPeriod", List.of("-1"))));
    try (Response created = fixtures.realm().components().add(component)) {
      return CreatedResponseUtil.getCreatedId(created);
    }
  }

  private static String count(Browser browser, String name) {
    return browser
        .waitFor(By.cssSelector("#csso-directory-counts [data-count='" + name + "']"))
        .getText();
  }

  private static String outcome(Browser browser) {
    return browser.waitFor(By.id("csso-directory-report")).getAttribute("data-outcome");
  }

  @Test
  @DisplayName(
      "Test, run and read the report: the import completes; two people leave, the next run is stopped by the safety cap with nobody disabled; applying it disables exactly those two")
  void runReportApply() throws Exception {
    String code = bed.newCompany("directory");
    String alias =
        bed.oktaProvider(
            code,
            stack.okta().orgBaseUrl(ORG),
            "0oa1initrodekeycloak01",
            "initrode-okta-client-secret");
    String component = directory(alias);
    try (Browser browser = Browser.start()) {
      var link = bed.links().create(code, "{\"sections\": [\"provisioning\"]}");
      browser.open(URI.create(link.body().path("url").asText()));
      browser.open(URI.create(portal + "/provisioning"));
      browser.clickToNewPage(By.id("csso-directory-open"));
      assertThat(browser.waitFor(By.id("csso-directory-never")).isDisplayed()).isTrue();

      browser.clickToNewPage(By.cssSelector("#csso-directory-test button"));
      assertThat(browser.driver().findElements(By.cssSelector("#csso-directory-checks li")))
          .isNotEmpty()
          .allSatisfy(check -> assertThat(check.getAttribute("data-ok")).isEqualTo("true"));

      browser.clickToNewPage(By.cssSelector("#csso-directory-run button"));
      assertThat(outcome(browser)).isEqualTo("COMPLETED");
      int imported = Integer.parseInt(count(browser, "created"));
      assertThat(imported)
          .isGreaterThanOrEqualTo(4)
          .isEqualTo(Integer.parseInt(count(browser, "managed")));
      browser.screenshot("portal-directory-report");

      LEAVERS.forEach(login -> stack.okta().setStatus(ORG, login, "DEPROVISIONED"));
      browser.clickToNewPage(By.cssSelector("#csso-directory-run button"));
      assertThat(outcome(browser)).isEqualTo("STOPPED_BY_SAFETY_CAP");
      assertThat(count(browser, "wouldDisable")).isEqualTo("2");
      assertThat(count(browser, "disabled")).isEqualTo("0");
      LEAVERS.forEach(login -> assertThat(fixtures.user(login).isEnabled()).as(login).isTrue());
      browser.screenshot("portal-directory-capped");

      browser.clickToNewPage(By.cssSelector("#csso-directory-apply button"));
      assertThat(outcome(browser)).isEqualTo("COMPLETED");
      assertThat(count(browser, "disabled")).isEqualTo("2");
      LEAVERS.forEach(login -> assertThat(fixtures.user(login).isEnabled()).as(login).isFalse());
      assertThat(fixtures.user("mia@initrode.example").isEnabled()).isTrue();
      assertThat(browser.driver().findElements(By.id("csso-directory-apply")))
          .as("nothing left to apply")
          .isEmpty();
    } finally {
      LEAVERS.forEach(login -> stack.okta().setStatus(ORG, login, "ACTIVE"));
      fixtures.realm().components().component(component).remove();
      fixtures.deleteUsersWithEmailIn("initrode.example");
    }
  }

  @Test
  @DisplayName(
      "A link without the provisioning section reaches no directory page, and runs nothing")
  void sectionNotAllowed() throws Exception {
    String code = bed.newCompany("nodirectory");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(bed.links().create(code));
    assertThat(visitor.get(portal + "/provisioning/directory").statusCode()).isEqualTo(403);
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/sso/okta").body());
    assertThat(
            visitor.post(portal + "/provisioning/directory/run", Map.of("csrf", csrf)).statusCode())
        .isEqualTo(403);
  }
}
