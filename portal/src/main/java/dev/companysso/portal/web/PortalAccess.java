package dev.companysso.portal.web;

import dev.companysso.portal.PortalEvents;
import dev.companysso.portal.links.Section;
import dev.companysso.portal.links.SetupLink;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who is using the portal in this request, for one company: the holder of a setup link (the
 * sections it opens) or the company's Owner signed in to the realm (every section). {@code
 * csrfSecret} is what only this browser knows (its link cookie's secret, or its user session), from
 * which the forms' CSRF token is derived.
 */
record PortalAccess(SetupLink link, UserModel owner, OrganizationModel company, String csrfSecret) {

  static PortalAccess ofLink(SetupLink link, OrganizationModel company, String browserSecret) {
    return new PortalAccess(link, null, company, browserSecret);
  }

  static PortalAccess ofOwner(UserModel owner, OrganizationModel company, String userSessionId) {
    return new PortalAccess(null, owner, company, userSessionId);
  }

  boolean allows(Section section) {
    return link == null || link.allows(section);
  }

  String csrfToken() {
    return CsrfToken.of(csrfSecret);
  }

  boolean csrfMatches(String presented) {
    return CsrfToken.matches(csrfSecret, presented);
  }

  /** Refuses a form without this browser's CSRF token with the portal's "out of date" page. */
  void requireCsrf(MultivaluedMap<String, String> form, PortalPages pages) {
    if (!csrfMatches(form.getFirst("csrf"))) {
      throw new WebApplicationException(
          pages.message(
              Response.Status.FORBIDDEN, "companySsoPortalTitle", "companySsoPortalStaleForm"));
    }
  }

  /** The admin event of an action: by the link's creator on behalf of its holder, or the Owner. */
  void record(
      KeycloakSession session,
      RealmModel realm,
      OperationType operation,
      String what,
      Object representation) {
    if (link != null) {
      PortalEvents.linkUsed(
          session, realm, link, company.getAlias(), operation, what, representation);
    } else {
      PortalEvents.ownerActed(
          session, realm, owner, company.getAlias(), operation, what, representation);
    }
  }
}
