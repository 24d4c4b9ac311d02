package dev.companysso.identityproviders.okta;

import dev.companysso.identityproviders.OpenIdDiscovery;
import java.io.IOException;
import org.keycloak.models.KeycloakSession;

/**
 * The check an admin's save of an Okta provider runs: the org's discovery answers and names the
 * issuer the provider will pin. A wrong domain is then refused at the form, with the fix, rather
 * than at the first user's sign-in.
 */
final class OktaDiscoveryCheck {

  private OktaDiscoveryCheck() {}

  /**
   * @throws IllegalArgumentException naming the Okta domain field and the fix
   */
  static void verify(KeycloakSession session, OktaOrgServer server) {
    String url = server.discovery();
    OpenIdDiscovery discovery;
    try {
      discovery = OpenIdDiscovery.fetch(session, url);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Okta domain: " + url + " could not be reached (" + e.getMessage() + ").");
    }
    if (discovery.status() == 404) {
      throw new IllegalArgumentException(
          "Okta domain: "
              + url
              + " answered 404. Use the org's primary Okta domain (acme.okta.com), not a"
              + " custom or Admin Console domain, and check the authorization server id.");
    }
    if (discovery.status() != 200) {
      throw new IllegalArgumentException(
          "Okta domain: " + url + " answered " + discovery.status() + ".");
    }
    if (!discovery.issuer().equals(server.issuer())) {
      throw new IllegalArgumentException(
          "Okta domain: discovery names the issuer "
              + discovery.issuer()
              + ", not "
              + server.issuer()
              + ". Use the domain the issuer names.");
    }
  }
}
