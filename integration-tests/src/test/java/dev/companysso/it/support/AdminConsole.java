package dev.companysso.it.support;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Keycloak's admin console (the master realm's bootstrap admin), as an admin uses it. */
public final class AdminConsole {

  private final Browser browser;
  private final String baseUrl;

  private AdminConsole(Browser browser, String baseUrl) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  public static AdminConsole signIn(Browser browser, String keycloakBaseUrl) {
    browser.open(URI.create(keycloakBaseUrl + "/admin/master/console/"));
    browser.waitFor(By.id("username")).sendKeys("admin");
    browser.waitFor(By.id("password")).sendKeys("admin");
    browser.waitFor(By.id("kc-login")).click();
    browser.waitForUrlStartingWith(keycloakBaseUrl + "/admin/master/console/");
    return new AdminConsole(browser, keycloakBaseUrl);
  }

  /** The edit page of one mapper of an identity provider. */
  public void openIdpMapper(String realm, String providerId, String alias, String mapperId) {
    openConsolePage(
        realm + "/identity-providers/" + providerId + "/" + alias + "/mappers/" + mapperId,
        "Rules");
  }

  /** The settings page of an identity provider; returns the page's visible text. */
  public String openIdp(String realm, String providerId, String alias, String expectedLabel) {
    openConsolePage(
        realm + "/identity-providers/" + providerId + "/" + alias + "/settings", expectedLabel);
    return browser.pageText();
  }

  /**
   * Opens a page of the console by its route and waits for a label on it. The console is a
   * single-page app: a route opened while it is still starting can be dropped, so the page is
   * loaded once more if the label does not come.
   */
  private void openConsolePage(String route, String expectedLabel) {
    URI url = URI.create(baseUrl + "/admin/master/console/#/" + route);
    By label = By.xpath("//*[normalize-space(text())='" + expectedLabel + "']");
    browser.open(url);
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
          .until(ExpectedConditions.visibilityOfElementLocated(label));
    } catch (TimeoutException e) {
      browser.driver().navigate().refresh();
      browser.waitFor(label);
    }
  }

  /** Opens the help popover of a form field and returns its text. */
  public String showHelp(String label) {
    WebElement toggle = browser.waitFor(By.cssSelector("[data-testid='help-label-" + label + "']"));
    toggle.click();
    String help = browser.waitFor(By.cssSelector(".pf-v5-c-popover__body")).getText();
    toggle.click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(driver -> driver.findElements(By.cssSelector(".pf-v5-c-popover__body")).isEmpty());
    return help;
  }

  /** Replaces the text of the input with this test id, keystroke by keystroke as a user does. */
  public void type(String testId, String text) {
    WebElement input = browser.waitFor(By.cssSelector("input[data-testid='" + testId + "']"));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  public void save() {
    browser.waitFor(By.cssSelector("[data-testid='new-mapper-save-button']")).click();
  }

  /** Waits for an alert (the console's toast) that contains the text. */
  public void waitForAlert(String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .withMessage(() -> "Expected an alert with '" + text + "' on " + browser.describePage())
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver ->
                driver.findElements(By.cssSelector(".pf-v5-c-alert")).stream()
                    .anyMatch(alert -> alert.getText().contains(text)));
  }
}
