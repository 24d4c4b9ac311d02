package dev.companysso.it.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The company-sso theme's login page: username and password, and the Single Sign-On button. */
public final class LoginPage {

  private static final By PASSWORD = By.id("password");
  private static final By SSO_BUTTON = By.id("kc-company-sso");

  private final Browser browser;

  public LoginPage(Browser browser) {
    this.browser = browser;
  }

  /** Waits for the page and opens the Single Sign-On page through its button. */
  public CompanyDiscoveryPage openSingleSignOn() {
    browser.waitFor(SSO_BUTTON).click();
    return new CompanyDiscoveryPage(browser);
  }

  public boolean hasSingleSignOnButton() {
    browser.waitFor(PASSWORD);
    return !browser.driver().findElements(SSO_BUTTON).isEmpty()
        && browser.driver().findElement(SSO_BUTTON).isDisplayed();
  }

  /** The password step of a name handed over by company discovery. */
  public String attemptedUsername() {
    return browser.waitFor(By.id("kc-attempted-username")).getAttribute("value");
  }

  public boolean asksForUsername() {
    browser.waitFor(PASSWORD);
    return !browser.driver().findElements(By.id("username")).stream()
        .filter(WebElement::isDisplayed)
        .toList()
        .isEmpty();
  }

  /** Signs a local account in with its username and password. */
  public void signIn(String username, String password) {
    browser.waitFor(By.id("username")).sendKeys(username);
    submitPassword(password);
  }

  public void submitPassword(String password) {
    browser.waitFor(PASSWORD).sendKeys(password);
    browser.waitFor(By.id("kc-login")).click();
  }

  /** Visible error texts of the page. */
  public List<String> errors() {
    browser.waitFor(PASSWORD);
    return browser
        .driver()
        .findElements(By.cssSelector("[id^='input-error-']:not([id^='input-error-container'])"))
        .stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }

  public boolean listsAnyIdentityProvider() {
    return !browser.driver().findElements(By.id("kc-social-providers")).isEmpty();
  }
}
