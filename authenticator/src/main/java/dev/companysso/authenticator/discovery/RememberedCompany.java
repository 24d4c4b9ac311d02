package dev.companysso.authenticator.discovery;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.RealmsResource;

/**
 * "Remember my company on this device": a cookie holding the company code, scoped to the realm. It
 * only saves typing; it never proves anything, so it is read as an untrusted input.
 */
final class RememberedCompany {

  static final String COOKIE = "COMPANY_SSO_COMPANY";

  private RememberedCompany() {}

  static Optional<String> read(KeycloakSession session) {
    Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
    if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
  }

  static void remember(KeycloakSession session, String companyCode, Duration lifetime) {
    session
        .getContext()
        .getHttpResponse()
        .setCookieIfAbsent(
            new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(companyCode, StandardCharsets.UTF_8))
                .path(realmPath(session))
                .maxAge((int) lifetime.toSeconds())
                .httpOnly(true)
                .secure(session.getContext().getUri().getBaseUri().getScheme().equals("https"))
                .sameSite(NewCookie.SameSite.LAX)
                .build());
  }

  private static String realmPath(KeycloakSession session) {
    RealmModel realm = session.getContext().getRealm();
    return RealmsResource.realmBaseUrl(session.getContext().getUri())
        .build(realm.getName())
        .getRawPath();
  }
}
