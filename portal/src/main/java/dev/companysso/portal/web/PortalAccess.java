package dev.companysso.portal.web;

import dev.companysso.core.SecretTokens;
import dev.companysso.portal.links.Section;
import dev.companysso.portal.links.SetupLink;
import org.keycloak.models.OrganizationModel;

/**
 * Who is using the portal in this request: the holder of a setup link for one company, with the
 * sections the link opens. {@code browserSecret} is this browser's cookie secret, from which the
 * forms' CSRF token is derived (a page of another site can read neither).
 */
record PortalAccess(SetupLink link, OrganizationModel company, String browserSecret) {

  boolean allows(Section section) {
    return link.allows(section);
  }

  String csrfToken() {
    return SecretTokens.hash("csrf:" + browserSecret);
  }

  boolean csrfMatches(String presented) {
    return SecretTokens.matches(SecretTokens.hash(csrfToken()), presented);
  }
}
