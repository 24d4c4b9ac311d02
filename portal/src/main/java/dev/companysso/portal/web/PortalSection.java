package dev.companysso.portal.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What every section of the portal works with: the request's session and realm, the visitor's
 * access to one company, the page renderer and the date format of the pages.
 */
abstract class PortalSection {

  protected final KeycloakSession session;
  protected final RealmModel realm;
  protected final PortalAccess access;
  protected final PortalPages pages;
  protected final DateTimeFormatter dates;

  PortalSection(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates) {
    this.session = session;
    this.realm = realm;
    this.access = access;
    this.pages = pages;
    this.dates = dates;
  }

  /** The language the page is shown in (Keycloak's choice: the locale cookie, the browser). */
  protected Locale locale() {
    return session.getContext().resolveLocale(null);
  }
}
