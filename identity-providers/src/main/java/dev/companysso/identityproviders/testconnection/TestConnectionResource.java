package dev.companysso.identityproviders.testconnection;

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
        ConnectionTests.run(session, idp, redirectUri)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        alias + " is not an Okta or Microsoft Entra ID identity provider."));
    return Map.of("ok", checks.stream().allMatch(ConnectionCheck::ok), "checks", checks);
  }
}
