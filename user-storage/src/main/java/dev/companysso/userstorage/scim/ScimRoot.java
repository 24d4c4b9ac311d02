package dev.companysso.userstorage.scim;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/company-scim}: one SCIM service per company. */
public final class ScimRoot {

  private final KeycloakSession session;

  ScimRoot(KeycloakSession session) {
    this.session = session;
  }

  @Path("{company}/v2")
  public ScimService company(@PathParam("company") String company) {
    return new ScimService(new ScimCall(session, company));
  }
}
