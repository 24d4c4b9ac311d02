package dev.companysso.portal.web;

import dev.companysso.portal.PortalUrls;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Renders the portal's pages with the realm's login theme (Keycloak's own look, its locale choice
 * and messages): the templates and messages ship in this JAR's theme resources, so they work under
 * any login theme.
 */
final class PortalPages {

  private final KeycloakSession session;
  private final RealmModel realm;

  PortalPages(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** A page of the portal; {@code template} without its {@code company-sso-portal-} prefix. */
  Response page(String template, Response.Status status, Map<String, Object> attributes) {
    LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class);
    forms.setAttribute("portalUrl", PortalUrls.of(session, realm).portal());
    attributes.forEach(forms::setAttribute);
    return noStore(forms.createForm("company-sso-portal-" + template + ".ftl"), status);
  }

  /** A page that only says something: {@code messageKey} with its parameters. */
  Response message(Response.Status status, String titleKey, String messageKey, Object... params) {
    LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class);
    forms.setAttribute("portalUrl", PortalUrls.of(session, realm).portal());
    forms.setAttribute("portalTitle", titleKey);
    if (status.getFamily() == Response.Status.Family.SUCCESSFUL) {
      forms.setInfo(messageKey, params);
    } else {
      forms.setError(messageKey, params);
    }
    return noStore(forms.createForm("company-sso-portal-message.ftl"), status);
  }

  /** Pages show a company's settings: never cached, never leaking their URL to another site. */
  private static Response noStore(Response rendered, Response.Status status) {
    return Response.fromResponse(rendered)
        .status(status)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
