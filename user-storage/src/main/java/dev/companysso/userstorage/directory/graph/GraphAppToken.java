package dev.companysso.userstorage.directory.graph;

import dev.companysso.userstorage.directory.http.ClientCredentialsToken;
import java.time.Clock;
import java.util.Map;

/**
 * Microsoft identity platform client credentials for Graph ({@code scope={graph}/.default}): the
 * app registration's client id and secret buy an app-only token carrying the application
 * permissions an admin consented to.
 */
final class GraphAppToken extends ClientCredentialsToken {

  private final String scope;
  private final String clientId;
  private final String clientSecret;

  GraphAppToken(
      String tokenEndpoint, String graph, String clientId, String clientSecret, Clock clock) {
    super(tokenEndpoint, clock);
    this.scope = graph + "/.default";
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  protected Map<String, String> tokenRequest(String tokenEndpoint) {
    return Map.of(
        "grant_type", "client_credentials",
        "client_id", clientId,
        "client_secret", clientSecret,
        "scope", scope);
  }
}
