package dev.companysso.identityproviders.testconnection;

import dev.companysso.identityproviders.entra.EntraIdConfig;
import dev.companysso.identityproviders.entra.EntraIdIdentityProviderFactory;
import dev.companysso.identityproviders.entra.EntraTenancy;
import dev.companysso.identityproviders.okta.OktaConfig;
import dev.companysso.identityproviders.okta.OktaIdentityProviderFactory;
import dev.companysso.identityproviders.okta.OktaOrgServer;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/company-sso-identity-providers/{alias}/test-connection}: runs
 * the connection test of an Okta or Entra ID provider and answers every check, e.g. {@code {"ok":
 * false, "checks": [{"name": "discovery", "ok": true, …}, {"name": "credentials", "ok": false,
 * "message": "The token endpoint refused …"}]}}.
 */
public final class TestConnectionResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;

  TestConnectionResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
  }

  @POST
  @Path("{alias}/test-connection")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> testConnection(@PathParam("alias") String alias) {
    auth.realm().requireManageIdentityProviders();
    IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
    if (idp == null) {
      throw new NotFoundException("No identity provider " + alias);
    }
    String redirectUri =
        session.getContext().getUri().getBaseUri()
            + "realms/"
            + realm.getName()
            + "/broker/"
            + alias
            + "/endpoint";
    List<ConnectionCheck> checks =
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
          default ->
              throw new NotFoundException(
                  alias + " is not an Okta or Microsoft Entra ID identity provider.");
        };
    return Map.of("ok", checks.stream().allMatch(ConnectionCheck::ok), "checks", checks);
  }
}
