package dev.companysso.identityproviders.testconnection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.identityproviders.OpenIdDiscovery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The "Test credentials" button of vendor SSO pages, for an OIDC identity provider: discovery
 * answers, it names the issuer the provider pins, and the token endpoint accepts the client id and
 * secret.
 *
 * <p>The credentials are checked the way that needs no user: the token endpoint is asked to redeem
 * a code that does not exist. A vendor that accepted the client answers {@code invalid_grant} (the
 * code); one that refused it answers {@code invalid_client}.
 */
final class ConnectionTest {

  static final String PROBE_CODE = "company-sso-test-connection";

  private final KeycloakSession session;

  ConnectionTest(KeycloakSession session) {
    this.session = session;
  }

  /**
   * @param discoveryUrl where the vendor serves its OpenID configuration
   * @param expectedIssuer the issuer the provider pins, or {@code null} when it accepts several
   */
  List<ConnectionCheck> run(
      OIDCIdentityProviderConfig config,
      String discoveryUrl,
      String expectedIssuer,
      String redirectUri) {
    List<ConnectionCheck> checks = new ArrayList<>();
    OpenIdDiscovery discovery;
    try {
      discovery = OpenIdDiscovery.fetch(session, discoveryUrl);
    } catch (IOException e) {
      checks.add(
          ConnectionCheck.failed("discovery", "check.unreachable", discoveryUrl, e.getMessage()));
      return checks;
    }
    if (discovery.status() != 200) {
      checks.add(
          ConnectionCheck.failed(
              "discovery", "check.discoveryStatus", discoveryUrl, discovery.status()));
      return checks;
    }
    checks.add(ConnectionCheck.passed("discovery", "check.discoveryOk", discoveryUrl));

    String issuer = discovery.issuer();
    if (expectedIssuer != null && !expectedIssuer.equals(issuer)) {
      checks.add(ConnectionCheck.failed("issuer", "check.issuerMismatch", issuer, expectedIssuer));
      return checks;
    }
    checks.add(ConnectionCheck.passed("issuer", "check.issuerOk", issuer));
    checks.add(
        credentials(
            config,
            discovery.document().path("token_endpoint").asText(config.getTokenUrl()),
            redirectUri));
    return checks;
  }

  private ConnectionCheck credentials(
      OIDCIdentityProviderConfig config, String tokenEndpoint, String redirectUri) {
    String secret = config.getClientSecret() == null ? "" : config.getClientSecret();
    SimpleHttpRequest request =
        SimpleHttp.create(session)
            .doPost(tokenEndpoint)
            .param("grant_type", "authorization_code")
            .param("code", PROBE_CODE)
            .param("redirect_uri", redirectUri);
    // Authenticate the way the provider will at login.
    if (config.isBasicAuthentication()) {
      request.authBasic(config.getClientId(), secret);
    } else {
      request.param("client_id", config.getClientId()).param("client_secret", secret);
    }
    try (SimpleHttpResponse response = request.asResponse()) {
      JsonNode body = response.asJson();
      String error = body.path("error").asText("");
      String description = body.path("error_description").asText("");
      if (error.equals("invalid_grant")) {
        return ConnectionCheck.passed("credentials", "check.credentialsOk");
      }
      if (error.equals("invalid_client") || error.equals("unauthorized_client")) {
        return ConnectionCheck.failed(
            "credentials",
            "check.credentialsRefused",
            error + (description.isEmpty() ? "" : ": " + description));
      }
      return ConnectionCheck.failed(
          "credentials", "check.credentialsStatus", response.getStatus(), error, description);
    } catch (IOException e) {
      return ConnectionCheck.failed(
          "credentials", "check.unreachable", tokenEndpoint, e.getMessage());
    }
  }
}
