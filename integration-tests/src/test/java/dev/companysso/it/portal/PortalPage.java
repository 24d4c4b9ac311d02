package dev.companysso.it.portal;

import dev.companysso.it.support.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal's pages as the company's IT admin uses them in a browser. */
final class PortalPage {

  private final Browser browser;

  PortalPage(Browser browser) {
    this.browser = browser;
  }

  String title() {
    return browser.waitFor(By.id("kc-page-title")).getText();
  }

  String company() {
    return browser.waitFor(By.id("csso-portal-company")).getText();
  }

  String ssoState() {
    return browser.waitFor(By.id("csso-sso-state")).getText();
  }

  void openSso() {
    browser.waitFor(By.id("csso-sso-open")).click();
  }

  void chooseVendor(String providerId) {
    browser.waitFor(By.id("csso-vendor-" + providerId)).click();
  }

  /** A value to paste into the IdP, by its name (e.g. {@code redirect-uri}). */
  String value(String name) {
    return browser.waitFor(By.id("csso-value-" + name)).getAttribute("value");
  }

  void fill(String field, String value) {
    WebElement input = browser.waitFor(By.id(field));
    input.clear();
    input.sendKeys(value);
  }

  void selectCloud(String value) {
    new Select(browser.waitFor(By.id("cloud"))).selectByValue(value);
  }

  /** Saves and waits for the answer page: what follows reads that page, not the form it left. */
  void save() {
    WebElement button = browser.waitFor(By.id("csso-save"));
    button.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.stalenessOf(button));
    browser.waitFor(By.id("csso-sso-form"));
  }

  boolean saved() {
    return !browser.driver().findElements(By.id("csso-saved")).isEmpty();
  }

  /** The problem shown under a field, or empty. */
  String fieldError(String field) {
    List<WebElement> error = browser.driver().findElements(By.id("input-error-" + field));
    return error.isEmpty() ? "" : error.get(0).getText();
  }

  void testConnection() {
    browser.waitFor(By.id("csso-test")).click();
    browser.waitFor(By.id("csso-checks"));
  }

  String checksHeading() {
    return browser.waitFor(By.id("csso-checks-heading")).getText();
  }

  /** The outcome of one check by name, e.g. {@code credentials} → "ok" or "failed". */
  String check(String name) {
    String classes =
        browser
            .waitFor(By.cssSelector("#csso-checks [data-check='" + name + "']"))
            .getAttribute("class");
    return classes.contains("csso-check-ok") ? "ok" : "failed";
  }

  String secretHelp() {
    return browser.waitFor(By.id("clientSecret-help")).getText();
  }

  String secretFieldValue() {
    return browser.waitFor(By.id("clientSecret")).getAttribute("value");
  }

  /** Starts a test sign-in: the browser goes to the IdP's sign-in page. */
  void testSignIn() {
    browser.waitFor(By.id("csso-test-sign-in-button")).click();
  }

  String testHeading() {
    return browser.waitFor(By.id("csso-test-heading")).getText();
  }

  String testProblem() {
    return browser.waitFor(By.id("csso-test-problem")).getText();
  }

  /** The verdict's findings by message key, e.g. {@code companySsoPortalVerdictCreate}. */
  List<String> verdict() {
    return browser.driver().findElements(By.cssSelector("#csso-verdict [data-finding]")).stream()
        .map(e -> e.getAttribute("data-finding"))
        .toList();
  }

  String claim(String name) {
    return browser.waitFor(By.cssSelector("#csso-claims [data-claim='" + name + "']")).getText();
  }

  boolean canEnable() {
    return !browser.driver().findElements(By.id("csso-enable-button")).isEmpty();
  }

  void enable() {
    browser.waitFor(By.id("csso-enable-button")).click();
    browser.waitFor(By.id("csso-enabled"));
  }

  /** Types the rows into the role table (pattern, targets, …), clearing the rest. */
  void typeRoleRows(String... patternsAndTargets) {
    List<WebElement> patterns =
        browser.driver().findElements(By.cssSelector("#csso-mapping-roles input[name=pattern]"));
    List<WebElement> targets =
        browser.driver().findElements(By.cssSelector("#csso-mapping-roles input[name=targets]"));
    for (int i = 0; i < patterns.size(); i++) {
      patterns.get(i).clear();
      targets.get(i).clear();
      if (2 * i < patternsAndTargets.length) {
        patterns.get(i).sendKeys(patternsAndTargets[2 * i]);
        targets.get(i).sendKeys(patternsAndTargets[2 * i + 1]);
      }
    }
  }
}
