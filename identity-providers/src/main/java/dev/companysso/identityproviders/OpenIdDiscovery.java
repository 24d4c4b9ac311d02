package dev.companysso.identityproviders;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/** A vendor's answer at its OpenID configuration URL; the document only with status 200. */
public record OpenIdDiscovery(String url, int status, JsonNode document) {

  /**
   * @throws IOException when the vendor cannot be reached
   */
  public static OpenIdDiscovery fetch(KeycloakSession session, String url) throws IOException {
    try (SimpleHttpResponse response = SimpleHttp.create(session).doGet(url).asResponse()) {
      int status = response.getStatus();
      return new OpenIdDiscovery(url, status, status == 200 ? response.asJson() : null);
    }
  }

  public String issuer() {
    return document == null ? "" : document.path("issuer").asText();
  }
}
