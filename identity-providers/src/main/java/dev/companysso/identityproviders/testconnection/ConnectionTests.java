package dev.companysso.identityproviders.testconnection;

import dev.companysso.identityproviders.entra.EntraIdConfig;
import dev.companysso.identityproviders.entra.EntraIdIdentityProviderFactory;
import dev.companysso.identityproviders.entra.EntraTenancy;
import dev.companysso.identityproviders.okta.OktaConfig;
import dev.companysso.identityproviders.okta.OktaIdentityProviderFactory;
import dev.companysso.identityproviders.okta.OktaOrgServer;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

/**
 * The connection test of an Okta or Entra ID provider's settings, saved or not yet (the admin
 * endpoint tests a provider, the portal a company's draft).
 */
public final class ConnectionTests {

  private ConnectionTests() {}

  /**
   * Runs every check; empty when the settings are not of an Okta or Entra ID provider.
   *
   * @param redirectUri the provider's broker endpoint, which the credentials check names
   */
  public static Optional<List<ConnectionCheck>> run(
      KeycloakSession session, IdentityProviderModel idp, String redirectUri) {
    return Optional.ofNullable(
        switch (idp.getProviderId()) {
          case OktaIdentityProviderFactory.PROVIDER_ID -> {
            OktaConfig config = new OktaConfig(idp);
            OktaOrgServer server = config.server();
            yield new ConnectionTest(session)
                .run(config, server.discovery(), server.issuer(), redirectUri);
          }
          case EntraIdIdentityProviderFactory.PROVIDER_ID -> {
            EntraIdConfig config = new EntraIdConfig(idp);
            EntraTenancy tenancy = config.tenancy();
            // The multi-tenant discovery names the {tenantid} template, not an issuer.
            String pinned =
                tenancy.isSingleTenant() && !tenancy.allowed().isEmpty()
                    ? tenancy.issuerOf(tenancy.allowed().get(0))
                    : null;
            yield new ConnectionTest(session)
                .run(
                    config,
                    tenancy.endpoint("/v2.0/.well-known/openid-configuration"),
                    pinned,
                    redirectUri);
          }
          default -> null;
        });
  }
}
