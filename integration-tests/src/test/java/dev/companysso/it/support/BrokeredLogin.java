package dev.companysso.it.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.companysso.harness.CompanySsoStack;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A whole brokered sign-in as a worker does it: demo-app sends the browser to Keycloak, Keycloak to
 * the company's IdP, the worker signs in there, and demo-app redeems the code it gets back.
 */
public final class BrokeredLogin {

  private BrokeredLogin() {}

  /**
   * Signs in through the IdP {@code idpAlias} (named with {@code kc_idp_hint}) and returns the
   * claims of the ID token demo-app received from Keycloak.
   */
  /** Signs in to demo-app through the stack's test server in a browser of its own. */
  public static JWTClaimsSet signIn(
      CompanySsoStack stack,
      String idpAlias,
      UpstreamSignInPage upstreamPage,
      String username,
      String password)
      throws Exception {
    try (Browser browser = Browser.start()) {
      return signIn(
          browser,
          stack.keycloak().baseUrl(),
          CompanySsoStack.REALM,
          idpAlias,
          upstreamPage,
          username,
          password);
    }
  }

  public static JWTClaimsSet signIn(
      Browser browser,
      String keycloakBaseUrl,
      String realm,
      String idpAlias,
      UpstreamSignInPage upstreamPage,
      String username,
      String password)
      throws Exception {
    return tokens(browser, keycloakBaseUrl, realm, idpAlias, upstreamPage, username, password)
        .getIDToken()
        .getJWTClaimsSet();
  }

  /** The same sign-in; returns every token demo-app received. */
  public static OIDCTokens tokens(
      Browser browser,
      String keycloakBaseUrl,
      String realm,
      String idpAlias,
      UpstreamSignInPage upstreamPage,
      String username,
      String password)
      throws Exception {
    DemoAppClient app = new DemoAppClient(keycloakBaseUrl, realm);
    DemoAppClient.Authorization authorization = app.authorize(Map.of("kc_idp_hint", idpAlias));
    browser.open(authorization.url());
    upstreamPage.signIn(browser, username, password);
    URI callback = browser.waitForUrlStartingWith(app.redirectUri().toString());
    return authorization.redeem(callback);
  }

  /** The IdP links of the one user named {@code username} in {@code realm}. */
  public static List<FederatedIdentityRepresentation> linksOf(
      Keycloak admin, String realm, String username) {
    UsersResource users = admin.realm(realm).users();
    List<UserRepresentation> found = users.searchByUsername(username, true);
    if (found.size() != 1) {
      throw new AssertionError(
          "Expected one user named " + username + " but found " + found.size());
    }
    return users.get(found.get(0).getId()).getFederatedIdentity();
  }
}
