package dev.companysso.it.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Accessibility;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal's directory sync page: the company's IT admin sets their directory up, tests the
 * connection, runs a full sync (in the background, the page follows it) and reads its report; when
 * the safety cap stops a run, the report says so, nobody is disabled, and "apply" runs it past the
 * cap.
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

  /** The provider the portal created for the company's identity provider. */
  private Optional<ComponentRepresentation> directory(String alias) {
    String realmId = fixtures.realm().toRepresentation().getId();
    return fixtures
        .realm()
        .components()
        .query(realmId, "org.keycloak.storage.UserStorageProvider")
        .stream()
        .filter(c -> alias.equals(c.getConfig().getFirst("identityProvider")))
        .findFirst();
  }

  private static void open(Browser browser, String url) {
    browser.open(URI.create(url));
  }

  /** Clicks the run button and waits until the page has followed the run to its end. */
  private static void runAndFollow(Browser browser, By button) {
    browser.clickToNewPage(button);
    browser.waitUntilAbsent(By.id("csso-directory-running"));
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
      "Set up in the portal, test, run and read the report: a missing token is refused under its field and nothing is saved; the saved token is never shown and an empty field keeps it; the import completes; two people leave, the next run is stopped by the safety cap with nobody disabled; applying it disables exactly those two")
  void setUpRunReportApply() throws Exception {
    String code = bed.newCompany("directory");
    String alias =
        bed.oktaProvider(
            code,
            stack.okta().orgBaseUrl(ORG),
            "0oa1initrodekeycloak01",
            "initrode-okta-client-secret");
    try {
      try (Browser browser = Browser.start()) {
        var link = bed.links().create(code, "{\"sections\": [\"provisioning\"]}");
        open(browser, link.body().path("url").asText());
        open(browser, portal + "/provisioning");
        browser.clickToNewPage(By.id("csso-directory-open"));
        assertThat(browser.waitFor(By.id("csso-directory-intro")).getText()).contains("Okta");
        assertThat(browser.driver().findElements(By.id("csso-directory-run"))).isEmpty();

        browser.driver().findElement(By.id("safetyCapAllowance")).clear();
        browser.driver().findElement(By.id("safetyCapAllowance")).sendKeys("0");
        new Select(browser.driver().findElement(By.id("schedule"))).selectByValue("off");
        browser.clickToNewPage(By.id("csso-directory-save"));
        assertThat(browser.waitFor(By.id("input-error-apiToken")).getText())
            .startsWith("API token: empty.");
        assertThat(browser.driver().findElement(By.id("safetyCapAllowance")).getAttribute("value"))
            .as("what was entered stays")
            .isEqualTo("0");
        assertThat(directory(alias)).as("nothing saved").isEmpty();

        browser.driver().findElement(By.id("apiToken")).sendKeys("00initrode-read-only-api-token");
        browser.clickToNewPage(By.id("csso-directory-save"));
        assertThat(browser.waitFor(By.id("csso-directory-saved")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("apiToken")).getAttribute("value")).isEmpty();
        assertThat(browser.driver().findElement(By.id("apiToken-help")).getAttribute("textContent"))
            .as("in the settings, folded once saved")
            .startsWith("A secret is saved.");
        ComponentRepresentation saved = directory(alias).orElseThrow();
        assertThat(saved.getProviderId()).isEqualTo("okta-directory");
        assertThat(saved.getConfig().getFirst("safetyCapAllowance")).isEqualTo("0");
        assertThat(saved.getConfig().getFirst("changedSyncPeriod")).isEqualTo("-1");
        assertThat(saved.getConfig().get("defaultRoles")).as("the vendor's setting").isNull();
        assertThat(browser.pageText()).doesNotContain("00initrode-read-only-api-token");

        // Saved again with the token field empty: the token stays (the connection test uses it).
        browser.driver().findElement(By.cssSelector("#csso-directory-settings summary")).click();
        browser.clickToNewPage(By.id("csso-directory-save"));
        assertThat(browser.waitFor(By.id("csso-directory-never")).isDisplayed()).isTrue();

        browser.clickToNewPage(By.cssSelector("#csso-directory-test button"));
        assertThat(browser.driver().findElements(By.cssSelector("#csso-directory-checks li")))
            .isNotEmpty()
            .allSatisfy(check -> assertThat(check.getAttribute("data-ok")).isEqualTo("true"));

        runAndFollow(browser, By.cssSelector("#csso-directory-run button"));
        assertThat(outcome(browser)).isEqualTo("COMPLETED");
        int imported = Integer.parseInt(count(browser, "created"));
        assertThat(imported)
            .isGreaterThanOrEqualTo(4)
            .isEqualTo(Integer.parseInt(count(browser, "managed")));
        browser.screenshot("portal-directory-report");

        LEAVERS.forEach(login -> stack.okta().setStatus(ORG, login, "DEPROVISIONED"));
        runAndFollow(browser, By.cssSelector("#csso-directory-run button"));
        assertThat(outcome(browser)).isEqualTo("STOPPED_BY_SAFETY_CAP");
        assertThat(count(browser, "wouldDisable")).isEqualTo("2");
        assertThat(count(browser, "disabled")).isEqualTo("0");
        LEAVERS.forEach(login -> assertThat(fixtures.user(login).isEnabled()).as(login).isTrue());
        browser.screenshot("portal-directory-capped");

        runAndFollow(browser, By.cssSelector("#csso-directory-apply button"));
        assertThat(outcome(browser)).isEqualTo("COMPLETED");
        assertThat(count(browser, "disabled")).isEqualTo("2");
        LEAVERS.forEach(login -> assertThat(fixtures.user(login).isEnabled()).as(login).isFalse());
        assertThat(fixtures.user("mia@initrode.example").isEnabled()).isTrue();
        assertThat(browser.driver().findElements(By.id("csso-directory-apply")))
            .as("nothing left to apply")
            .isEmpty();

        open(browser, portal + "/health");
        var sync = browser.waitFor(By.id("csso-health-directory"));
        assertThat(sync.getAttribute("data-outcome")).isEqualTo("COMPLETED");
        assertThat(sync.getAttribute("data-lagging"))
            .as("runs only when started")
            .isEqualTo("false");
      }
      try (Browser staff = Browser.start()) {
        bed.signInAsStaff(staff, bed.staff("view-organizations"));
        open(staff, portal + "/vendor?q=" + code);
        var sync =
            staff.waitFor(By.cssSelector("#csso-company-" + code + " [data-fact='directory']"));
        assertThat(sync.getAttribute("data-outcome")).isEqualTo("COMPLETED");
      }
    } finally {
      LEAVERS.forEach(login -> stack.okta().setStatus(ORG, login, "ACTIVE"));
      directory(alias).ifPresent(c -> fixtures.realm().components().component(c.getId()).remove());
      fixtures.deleteUsersWithEmailIn("initrode.example");
    }
  }

  @Test
  @DisplayName(
      "The directory settings in German at phone width: the directory type's check reads in German under its field, nothing overflows, axe-core finds no serious or critical violation")
  void germanPhoneAccessible() throws Exception {
    String code = bed.newCompany("verzeichnis");
    String alias =
        bed.oktaProvider(
            code,
            stack.okta().orgBaseUrl(ORG),
            "0oa1initrodekeycloak01",
            "initrode-okta-client-secret");
    try (Browser browser = Browser.start("--lang=de", "--accept-lang=de")) {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      var link = bed.links().create(code, "{\"sections\": [\"provisioning\"]}");
      open(browser, link.body().path("url").asText());
      open(browser, portal + "/provisioning/directory");
      browser.driver().findElement(By.id("apiToken")).sendKeys("ein-token");
      browser.driver().findElement(By.id("safetyCapPercent")).clear();
      browser.driver().findElement(By.id("safetyCapPercent")).sendKeys("150");
      browser.clickToNewPage(By.id("csso-directory-save"));
      assertThat(browser.waitFor(By.id("input-error-safetyCapPercent")).getText())
          .isEqualTo("Sicherheitsgrenze (%): '150' ist keine ganze Zahl von 0 bis 100.");
      assertThat(browser.pageText()).contains("Automatisch synchronisieren");
      assertThat(directory(alias)).isEmpty();
      assertThat(Accessibility.overflowsSideways(browser)).isFalse();
      assertThat(Accessibility.seriousViolations(browser)).isEmpty();
      browser.screenshot("portal-directory-settings-de-phone");
    }
  }

  @Test
  @DisplayName(
      "A link without the provisioning section reaches no directory page, runs nothing and saves no settings")
  void sectionNotAllowed() throws Exception {
    String code = bed.newCompany("nodirectory");
    PortalVisitor visitor = new PortalVisitor();
    visitor.get(bed.links().create(code));
    assertThat(visitor.get(portal + "/provisioning/directory").statusCode()).isEqualTo(403);
    String csrf = PortalVisitor.csrf(visitor.get(portal + "/sso/okta").body());
    assertThat(
            visitor.post(portal + "/provisioning/directory/run", Map.of("csrf", csrf)).statusCode())
        .isEqualTo(403);
    assertThat(
            visitor
                .post(
                    portal + "/provisioning/directory/settings",
                    Map.of("csrf", csrf, "apiToken", "00attacker-token"))
                .statusCode())
        .isEqualTo(403);
  }
}
