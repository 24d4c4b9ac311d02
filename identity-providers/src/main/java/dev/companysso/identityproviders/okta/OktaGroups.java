package dev.companysso.identityproviders.okta;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * A user's group names from the Okta management API ({@code GET /api/v1/users/{id}/groups}, an SSWS
 * token of a read-only admin), following the {@code Link: <…>; rel="next"} pages.
 */
final class OktaGroups {

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final KeycloakSession session;
  private final String base;
  private final String apiToken;

  OktaGroups(KeycloakSession session, String base, String apiToken) {
    this.session = session;
    this.base = base;
    this.apiToken = apiToken;
  }

  List<String> of(String userId) {
    List<String> names = new ArrayList<>();
    String url = base + "/api/v1/users/" + userId + "/groups?limit=200";
    try {
      while (url != null) {
        try (SimpleHttpResponse response =
            SimpleHttp.create(session)
                .doGet(url)
                .header("Authorization", "SSWS " + apiToken)
                .acceptJson()
                .asResponse()) {
          if (response.getStatus() != 200) {
            // Okta's errorSummary names the cause (an invalid or revoked token, say).
            throw new IdentityBrokerException(
                "The Okta groups API answered "
                    + response.getStatus()
                    + ": "
                    + response.asString());
          }
          for (JsonNode group : response.asJson()) {
            names.add(group.path("profile").path("name").asText());
          }
          url = next(response.getHeader("Link"));
        }
      }
      return names;
    } catch (IOException e) {
      throw new IdentityBrokerException("The Okta groups API did not answer.", e);
    }
  }

  private static String next(List<String> links) {
    for (String link : links) {
      Matcher next = NEXT.matcher(link);
      if (next.find()) {
        return next.group(1);
      }
    }
    return null;
  }
}
