package dev.companysso.it.support;

import dev.companysso.harness.CompanySsoStack;
import java.util.Map;

/** A sign-in that the IdP answers with an error: the browser ends on a Keycloak page. */
public final class UpstreamErrorPage {

  private UpstreamErrorPage() {}

  /** Signs in at the IdP {@code alias} and waits for the browser to be back on Keycloak. */
  public static void reach(
      Browser browser,
      CompanySsoStack stack,
      String alias,
      UpstreamSignInPage page,
      String username,
      String password) {
    DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
    browser.open(app.authorize(Map.of("kc_idp_hint", alias)).url());
    page.signIn(browser, username, password);
    browser.waitForUrlStartingWith(stack.keycloak().baseUrl() + "/realms/");
  }
}
