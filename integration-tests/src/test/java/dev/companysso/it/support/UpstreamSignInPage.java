package dev.companysso.it.support;

import org.openqa.selenium.By;

/** The simulators' sign-in forms, which carry the element ids of the vendors' own pages. */
public enum UpstreamSignInPage {
  /** Okta's sign-in widget. */
  OKTA("okta-signin-username", "okta-signin-password", "okta-signin-submit"),
  /** Microsoft's sign-in page (login.microsoftonline.com). */
  ENTRA("i0116", "i0118", "idSIButton9");

  private final By username;
  private final By password;
  private final By submit;

  UpstreamSignInPage(String usernameId, String passwordId, String submitId) {
    this.username = By.id(usernameId);
    this.password = By.id(passwordId);
    this.submit = By.id(submitId);
  }

  /** Fills in the form; a username the vendor prefilled from {@code login_hint} is replaced. */
  public void signIn(Browser browser, String user, String secret) {
    browser.waitFor(username).clear();
    browser.waitFor(username).sendKeys(user);
    browser.waitFor(password).sendKeys(secret);
    browser.waitFor(submit).click();
  }
}
