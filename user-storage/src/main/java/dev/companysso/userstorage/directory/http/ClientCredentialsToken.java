package dev.companysso.userstorage.directory.http;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * An OAuth 2.0 client-credentials access token for a directory API, fetched on first use and kept
 * until a minute before it expires. Subclasses say how the client authenticates.
 */
public abstract class ClientCredentialsToken implements ApiClient.Credentials {

  private final String tokenEndpoint;
  private final Clock clock;
  private String accessToken;
  private Instant expires = Instant.MIN;

  protected ClientCredentialsToken(String tokenEndpoint, Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    this.clock = clock;
  }

  /** The form of the token request: grant type, scope and the client's authentication. */
  protected abstract Map<String, String> tokenRequest(String tokenEndpoint);

  @Override
  public String authorization(ApiClient client) throws DirectoryReadException {
    if (accessToken == null || clock.instant().isAfter(expires)) {
      ApiResponse token = client.postForm(tokenEndpoint, tokenRequest(tokenEndpoint));
      accessToken = token.body().path("access_token").asText(null);
      if (accessToken == null) {
        throw new DirectoryReadException(
            "The token endpoint " + tokenEndpoint + " answered without an access token.");
      }
      expires = clock.instant().plusSeconds(token.body().path("expires_in").asLong(300) - 60);
    }
    return "Bearer " + accessToken;
  }

  protected Clock clock() {
    return clock;
  }
}
