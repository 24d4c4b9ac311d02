package dev.companysso.identityproviders.entra;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The group ids of a user from Microsoft Graph, for when the token carries Entra's "groups overage"
 * pointer instead of the list ({@code getMemberObjects}, the call the pointer names, following
 * {@code @odata.nextLink} pages).
 */
final class GraphGroups {

  private final KeycloakSession session;
  private final String graph;

  GraphGroups(KeycloakSession session, String graph) {
    this.session = session;
    this.graph = graph;
  }

  List<String> of(String objectId, String accessToken) {
    List<String> ids = new ArrayList<>();
    String url = graph + "/v1.0/users/" + objectId + "/getMemberObjects";
    try {
      JsonNode page =
          call(
              SimpleHttp.create(session)
                  .doPost(url)
                  .json(Map.of("securityEnabledOnly", true))
                  .auth(accessToken)
                  .asResponse(),
              url);
      while (true) {
        page.path("value").forEach(id -> ids.add(id.asText()));
        String next = page.path("@odata.nextLink").asText(null);
        if (next == null) {
          return ids;
        }
        page = call(SimpleHttp.create(session).doGet(next).auth(accessToken).asResponse(), next);
      }
    } catch (IOException e) {
      throw new IdentityBrokerException("Microsoft Graph did not answer the groups request.", e);
    }
  }

  private static JsonNode call(SimpleHttpResponse response, String url) throws IOException {
    try (response) {
      if (response.getStatus() != 200) {
        // Graph's error body names the cause (e.g. a missing GroupMember.Read.All permission).
        throw new IdentityBrokerException(
            "Microsoft Graph answered "
                + response.getStatus()
                + " to "
                + url
                + ": "
                + response.asString());
      }
      return response.asJson();
    }
  }
}
