package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Okta's management API for one call: {@code GET /api/v1/users/{id}/groups}, with {@code SSWS}
 * token authentication, {@code limit} / {@code after} paging and a {@code Link: …; rel="next"}
 * header, in Okta's JSON shapes.
 */
final class OktaGroupsApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, OktaOrg> orgs;
  private final AssignmentChanges changes;
  private final String baseUrl;

  OktaGroupsApi(Map<String, OktaOrg> orgs, AssignmentChanges changes, String baseUrl) {
    this.orgs = orgs;
    this.changes = changes;
    this.baseUrl = baseUrl;
  }

  void userGroups(HttpExchange exchange, String orgName, String userId) throws IOException {
    OktaOrg org = orgs.get(orgName);
    String presented = exchange.getRequestHeaders().getFirst("Authorization");
    if (org == null || org.apiToken() == null || !("SSWS " + org.apiToken()).equals(presented)) {
      sendError(exchange, 401, "E0000011", "Invalid token provided");
      return;
    }
    Optional<OktaOrg.User> user = org.userById(userId).map(changes::applyTo);
    if (user.isEmpty()) {
      sendError(exchange, 404, "E0000007", "Not found: Resource not found: " + userId + " (User)");
      return;
    }
    Map<String, List<String>> query = Exchanges.parameters(exchange);
    int limit =
        Math.min(org.apiPageSize(), parse(Exchanges.parameter(query, "limit"), org.apiPageSize()));
    int from = parse(Exchanges.parameter(query, "after"), 0);
    List<String> names = user.get().groups();
    int to = Math.min(names.size(), from + limit);
    ArrayNode page = JSON.createArrayNode();
    for (String name : names.subList(Math.min(from, names.size()), to)) {
      String id =
          org.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
      page.addObject()
          .put("id", id)
          .put("type", "OKTA_GROUP")
          .putObject("profile")
          .put("name", name);
    }
    if (to < names.size()) {
      exchange
          .getResponseHeaders()
          .add(
              "Link",
              "<"
                  + baseUrl
                  + "/"
                  + orgName
                  + "/api/v1/users/"
                  + userId
                  + "/groups?after="
                  + to
                  + "&limit="
                  + limit
                  + ">; rel=\"next\"");
    }
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(page));
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void sendError(HttpExchange exchange, int status, String code, String summary)
      throws IOException {
    Exchanges.sendJson(
        exchange,
        status,
        JSON.writeValueAsString(
            Map.of("errorCode", code, "errorSummary", summary, "errorCauses", List.of())));
  }
}
