package dev.companysso.portal.web;

import dev.companysso.portal.PortalUrls;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The cookie that makes a browser the holder of a setup link: {@code <link id>.<browser secret>},
 * sent only to the realm's portal, never to scripts. {@code SameSite=Lax}: the link is opened from
 * an e-mail or chat (another site), and a stricter cookie would not come back on that first
 * navigation's redirect; the forms carry a CSRF token besides.
 */
final class PortalCookie {

  static final String NAME = "CSSO_PORTAL";

  record Value(String linkId, String browserSecret) {}

  private PortalCookie() {}

  static Optional<Value> read(KeycloakSession session) {
    Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(NAME);
    if (cookie == null || cookie.getValue() == null) {
      return Optional.empty();
    }
    String value = cookie.getValue();
    int dot = value.indexOf('.');
    return dot <= 0
        ? Optional.empty()
        : Optional.of(new Value(value.substring(0, dot), value.substring(dot + 1)));
  }

  static NewCookie of(KeycloakSession session, RealmModel realm, String linkId, String secret) {
    return new NewCookie.Builder(NAME)
        .value(linkId + "." + secret)
        .path(PortalUrls.path(realm))
        .httpOnly(true)
        .secure("https".equals(session.getContext().getUri().getBaseUri().getScheme()))
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
