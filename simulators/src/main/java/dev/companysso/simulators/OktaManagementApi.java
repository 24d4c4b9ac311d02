package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Okta's management API, read-only, as directory sync and the groups lookup use it: users, a user's
 * groups, groups and a group's members. {@code SSWS} token authentication; pages of {@code limit}
 * (capped by the org's page size) with the next page's URL, cursor {@code after}, in a {@code Link:
 * <…>; rel="next"} header; Okta's JSON shapes and error bodies.
 */
final class OktaManagementApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, OktaOrg> orgs;
  private final AssignmentChanges changes;
  private final String baseUrl;

  OktaManagementApi(Map<String, OktaOrg> orgs, AssignmentChanges changes, String baseUrl) {
    this.orgs = orgs;
    this.changes = changes;
    this.baseUrl = baseUrl;
  }

  /** {@code GET /api/v1/users}. */
  void users(HttpExchange exchange, String orgName) throws IOException {
    Optional<OktaOrg> org = authorized(exchange, orgName);
    if (org.isPresent()) {
      List<OktaOrg.User> users = org.get().users().stream().map(changes::applyTo).toList();
      page(exchange, org.get(), "/users", users, OktaManagementApi::writeUser);
    }
  }

  /** {@code GET /api/v1/users/{id}/groups}. */
  void userGroups(HttpExchange exchange, String orgName, String userId) throws IOException {
    Optional<OktaOrg> org = authorized(exchange, orgName);
    if (org.isEmpty()) {
      return;
    }
    Optional<OktaOrg.User> user = org.get().userById(userId).map(changes::applyTo);
    if (user.isEmpty()) {
      notFound(exchange, userId, "User");
      return;
    }
    List<OktaOrg.Group> groups =
        user.get().groups().stream().map(name -> groupNamed(org.get(), name)).toList();
    page(
        exchange, org.get(), "/users/" + userId + "/groups", groups, OktaManagementApi::writeGroup);
  }

  /** {@code GET /api/v1/groups}. */
  void groups(HttpExchange exchange, String orgName) throws IOException {
    Optional<OktaOrg> org = authorized(exchange, orgName);
    if (org.isPresent()) {
      page(exchange, org.get(), "/groups", org.get().groups(), OktaManagementApi::writeGroup);
    }
  }

  /** {@code GET /api/v1/groups/{id}/users}. */
  void groupMembers(HttpExchange exchange, String orgName, String groupId) throws IOException {
    Optional<OktaOrg> org = authorized(exchange, orgName);
    if (org.isEmpty()) {
      return;
    }
    Optional<OktaOrg.Group> group =
        org.get().groups().stream().filter(g -> g.id().equals(groupId)).findFirst();
    if (group.isEmpty()) {
      notFound(exchange, groupId, "UserGroup");
      return;
    }
    List<OktaOrg.User> members =
        org.get().users().stream()
            .map(changes::applyTo)
            .filter(user -> user.groups().contains(group.get().name()))
            .toList();
    page(
        exchange,
        org.get(),
        "/groups/" + groupId + "/users",
        members,
        OktaManagementApi::writeUser);
  }

  private Optional<OktaOrg> authorized(HttpExchange exchange, String orgName) throws IOException {
    OktaOrg org = orgs.get(orgName);
    String presented = exchange.getRequestHeaders().getFirst("Authorization");
    if (org == null || org.apiToken() == null || !("SSWS " + org.apiToken()).equals(presented)) {
      sendError(exchange, 401, "E0000011", "Invalid token provided");
      return Optional.empty();
    }
    return Optional.of(org);
  }

  private <T> void page(
      HttpExchange exchange,
      OktaOrg org,
      String path,
      List<T> items,
      BiConsumer<ObjectNode, T> writer)
      throws IOException {
    Map<String, List<String>> query = Exchanges.parameters(exchange);
    int limit =
        Math.min(org.apiPageSize(), parse(Exchanges.parameter(query, "limit"), org.apiPageSize()));
    int from = Math.min(items.size(), parse(Exchanges.parameter(query, "after"), 0));
    int to = Math.min(items.size(), from + limit);
    ArrayNode page = JSON.createArrayNode();
    items.subList(from, to).forEach(item -> writer.accept(page.addObject(), item));
    if (to < items.size()) {
      String next =
          baseUrl + "/" + org.name() + "/api/v1" + path + "?after=" + to + "&limit=" + limit;
      exchange.getResponseHeaders().add("Link", "<" + next + ">; rel=\"next\"");
    }
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(page));
  }

  private static OktaOrg.Group groupNamed(OktaOrg org, String name) {
    return org.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
  }

  private static void writeUser(ObjectNode node, OktaOrg.User user) {
    node.put("id", user.id()).put("status", user.status());
    ObjectNode profile =
        node.putObject("profile")
            .put("login", user.login())
            .put("firstName", user.firstName())
            .put("lastName", user.lastName())
            .put("email", user.email());
    // The token's standard claims middle_name / nickname are middleName / nickName in a profile.
    user.profileClaims()
        .forEach(
            (claim, value) ->
                profile.put(
                    switch (claim) {
                      case "middle_name" -> "middleName";
                      case "nickname" -> "nickName";
                      default -> claim;
                    },
                    value));
  }

  private static void writeGroup(ObjectNode node, OktaOrg.Group group) {
    node.put("id", group.id())
        .put("type", "OKTA_GROUP")
        .putObject("profile")
        .put("name", group.name());
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void notFound(HttpExchange exchange, String id, String type) throws IOException {
    sendError(
        exchange, 404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")");
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
