package dev.companysso.it.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The chooser of a company's (or a user's) identity providers. */
public final class CompanyChooserPage {

  private final Browser browser;

  public CompanyChooserPage(Browser browser) {
    this.browser = browser;
  }

  /** The aliases of the offered identity providers, in page order. */
  public List<String> offeredAliases() {
    browser.waitFor(By.id("kc-company-sso-chooser"));
    return browser.driver().findElements(By.cssSelector("#kc-company-sso-chooser button")).stream()
        .map(button -> button.getAttribute("value"))
        .toList();
  }

  public void choose(String alias) {
    browser.waitFor(By.id("company-sso-" + alias)).click();
  }

  /** Submits {@code alias} as if it were offered, as a tampered form would. */
  public void chooseTampered(String alias) {
    WebElement first = browser.waitFor(By.cssSelector("#kc-company-sso-chooser button"));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", first, alias);
    first.click();
  }
}
