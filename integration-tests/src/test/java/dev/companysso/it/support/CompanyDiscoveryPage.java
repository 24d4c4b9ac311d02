package dev.companysso.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The Single Sign-On page: one box for a username, a work e-mail or a company code. */
public final class CompanyDiscoveryPage {

  static final By INPUT = By.id("companySsoInput");
  private static final By CONTINUE = By.id("kc-company-sso-continue");
  private static final By REMEMBER = By.id("rememberCompany");
  private static final By ERROR = By.id("input-error-companySsoInput");

  private final Browser browser;

  public CompanyDiscoveryPage(Browser browser) {
    this.browser = browser;
  }

  public void submit(String value) {
    browser.waitFor(INPUT).clear();
    browser.waitFor(INPUT).sendKeys(value);
    browser.waitFor(CONTINUE).click();
  }

  /**
   * Puts {@code value} into the box as a script would, for inputs a keyboard cannot type (NUL,
   * 10,000 characters), then submits.
   */
  public void submitRaw(String value) {
    browser.waitFor(INPUT);
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('companySsoInput').value = arguments[0];", value);
    browser.waitFor(CONTINUE).click();
  }

  public void submitRemembering(String value) {
    browser.waitFor(INPUT).clear();
    browser.waitFor(INPUT).sendKeys(value);
    if (!browser.waitFor(REMEMBER).isSelected()) {
      browser.waitFor(REMEMBER).click();
    }
    browser.waitFor(CONTINUE).click();
  }

  public String value() {
    return browser.waitFor(INPUT).getAttribute("value");
  }

  public String error() {
    return browser.waitFor(ERROR).getText().strip();
  }

  public String label() {
    return browser.waitFor(By.cssSelector("label[for='companySsoInput']")).getText().strip();
  }
}
