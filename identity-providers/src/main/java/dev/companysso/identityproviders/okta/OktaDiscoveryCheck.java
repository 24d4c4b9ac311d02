package dev.companysso.identityproviders.okta;

import dev.companysso.identityproviders.FormProblem;
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
      throw new FormProblem("oktaDomain", "okta.discoveryUnreachable", url, e.getMessage());
    }
    if (discovery.status() == 404) {
      throw new FormProblem("oktaDomain", "okta.discovery404", url);
    }
    if (discovery.status() != 200) {
      throw new FormProblem("oktaDomain", "okta.discoveryStatus", url, discovery.status());
    }
    if (!discovery.issuer().equals(server.issuer())) {
      throw new FormProblem(
          "oktaDomain", "okta.issuerMismatch", discovery.issuer(), server.issuer());
    }
  }
}
