package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Okta's management API, read-only, as directory sync and the groups lookup use it: users (with
 * {@code search} / {@code filter}), a user's groups, groups and a group's members. Authenticates an
 * {@code SSWS} API token or a {@code Bearer} access token of the org authorization server with the
 * okta.users.read / okta.groups.read scope. Pages of {@code limit} (capped by the org's page size)
 * link the next page, cursor {@code after}, in a {@code Link: <…>; rel="next"} header; Okta's JSON
 * shapes and error bodies.
 */
final class OktaManagementApi {

  static final String USERS_SCOPE = "okta.users.read";
  static final String GROUPS_SCOPE = "okta.groups.read";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, OktaOrgUsers> orgs;
  private final Function<String, Optional<OidcProvider>> orgServers;
  private final OktaApiErrors errors;
  private final String baseUrl;

  /** {@code orgServers}: the org authorization server of an org name, whose tokens it accepts. */
  OktaManagementApi(
      Map<String, OktaOrgUsers> orgs,
      Function<String, Optional<OidcProvider>> orgServers,
      OktaApiErrors errors,
      String baseUrl) {
    this.orgs = orgs;
    this.orgServers = orgServers;
    this.errors = errors;
    this.baseUrl = baseUrl;
  }

  /**
   * {@code GET /api/v1/users}: without a search, every user but the DEPROVISIONED ones in id order,
   * as Okta lists them; with one, the matching users of any status by (lastUpdated, id).
   */
  void users(HttpExchange exchange, String orgName) throws IOException {
    Optional<OktaOrgUsers> org = authorized(exchange, orgName, USERS_SCOPE);
    if (org.isEmpty()) {
      return;
    }
    Map<String, List<String>> query = Exchanges.parameters(exchange);
    int limit = limit(query, org.get());
    String after = Exchanges.parameter(query, "after");
    String search = Exchanges.parameter(query, "search");
    String filter = Exchanges.parameter(query, "filter");
    if (search == null && filter == null) {
      Stream<UserStore.Entry<StoredOktaUser>> users =
          org.get().store().after(after).filter(entry -> !isDeprovisioned(entry));
      sendUsers(
          exchange,
          users,
          limit,
          last -> link(orgName, "/users", parameters("after", last.id(), "limit", limit)));
      return;
    }
    Optional<OktaUserSearch> expression =
        OktaUserSearch.parse(
            Stream.of(search, filter)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" and ")));
    if (expression.isEmpty()) {
      errors.send(exchange, 400, "E0000031", "Invalid search criteria.");
      return;
    }
    UserStore.Position start = UserStore.Position.at(expression.get().fromStamp());
    Optional<UserStore.Position> cursor = searchCursor(after).filter(c -> c.compareTo(start) > 0);
    Stream<UserStore.Entry<StoredOktaUser>> users =
        org.get()
            .store()
            .changesAfter(cursor.orElse(start))
            .filter(entry -> !entry.removed() && expression.get().matches(entry.user()));
    sendUsers(
        exchange,
        users,
        limit,
        last ->
            link(
                orgName,
                "/users",
                parameters(
                    "search",
                    search,
                    "filter",
                    filter,
                    "after",
                    last.stamp() + "_" + last.id(),
                    "limit",
                    limit)));
  }

  /** {@code GET /api/v1/users/{id}/groups}. */
  void userGroups(HttpExchange exchange, String orgName, String userId) throws IOException {
    Optional<OktaOrgUsers> org = authorized(exchange, orgName, GROUPS_SCOPE);
    if (org.isEmpty()) {
      return;
    }
    Optional<OktaOrg.User> user = org.get().user(userId);
    if (user.isEmpty()) {
      notFound(exchange, userId, "User");
      return;
    }
    List<OktaOrg.Group> groups =
        user.get().groups().stream()
            .map(name -> org.get().org().groupNamed(name).orElseThrow())
            .toList();
    page(
        exchange, org.get(), "/users/" + userId + "/groups", groups, OktaManagementApi::writeGroup);
  }

  /** {@code GET /api/v1/groups}. */
  void groups(HttpExchange exchange, String orgName) throws IOException {
    Optional<OktaOrgUsers> org = authorized(exchange, orgName, GROUPS_SCOPE);
    if (org.isPresent()) {
      page(exchange, org.get(), "/groups", org.get().org().groups(), OktaManagementApi::writeGroup);
    }
  }

  /** {@code GET /api/v1/groups/{id}/users}, in id order. */
  void groupMembers(HttpExchange exchange, String orgName, String groupId) throws IOException {
    Optional<OktaOrgUsers> org = authorized(exchange, orgName, GROUPS_SCOPE);
    if (org.isEmpty()) {
      return;
    }
    Optional<OktaOrg.Group> group = org.get().org().groupById(groupId);
    if (group.isEmpty()) {
      notFound(exchange, groupId, "UserGroup");
      return;
    }
    Map<String, List<String>> query = Exchanges.parameters(exchange);
    int limit = limit(query, org.get());
    String path = "/groups/" + groupId + "/users";
    sendUsers(
        exchange,
        org.get().store().membersAfter(group.get().name(), Exchanges.parameter(query, "after")),
        limit,
        last -> link(orgName, path, parameters("after", last.id(), "limit", limit)));
  }

  private Optional<OktaOrgUsers> authorized(HttpExchange exchange, String orgName, String scope)
      throws IOException {
    OktaOrgUsers org = orgs.get(orgName);
    String presented = exchange.getRequestHeaders().getFirst("Authorization");
    if (org == null || presented == null) {
      errors.invalidToken(exchange);
      return Optional.empty();
    }
    String apiToken = org.org().apiToken();
    if (apiToken != null && ("SSWS " + apiToken).equals(presented)) {
      return Optional.of(org);
    }
    Optional<JWTClaimsSet> accessToken = accessToken(orgName, presented);
    if (accessToken.isEmpty()) {
      errors.invalidToken(exchange);
      return Optional.empty();
    }
    if (!scopes(accessToken.get()).contains(scope)) {
      errors.send(
          exchange, 403, "E0000006", "You do not have permission to perform the requested action");
      return Optional.empty();
    }
    return Optional.of(org);
  }

  private Optional<JWTClaimsSet> accessToken(String orgName, String authorization) {
    try {
      String token = BearerAccessToken.parse(authorization).getValue();
      return orgServers.apply(orgName).flatMap(server -> server.verifyAccessToken(token));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static List<String> scopes(JWTClaimsSet accessToken) {
    try {
      List<String> scopes = accessToken.getStringListClaim("scp");
      return scopes == null ? List.of() : scopes;
    } catch (java.text.ParseException e) {
      return List.of();
    }
  }

  /**
   * Sends the first {@code limit} users of a lazy listing; when there are more, links the page
   * after the last one sent.
   */
  private void sendUsers(
      HttpExchange exchange,
      Stream<UserStore.Entry<StoredOktaUser>> users,
      int limit,
      Function<UserStore.Entry<StoredOktaUser>, String> nextLink)
      throws IOException {
    List<UserStore.Entry<StoredOktaUser>> items = users.limit(limit + 1L).toList();
    List<UserStore.Entry<StoredOktaUser>> page = items.subList(0, Math.min(limit, items.size()));
    if (items.size() > limit) {
      addNextLink(exchange, nextLink.apply(page.get(limit - 1)));
    }
    ArrayNode body = JSON.createArrayNode();
    page.forEach(entry -> writeUser(body.addObject(), entry));
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(body));
  }

  /** Pages a short fixed list (groups) by position. */
  private <T> void page(
      HttpExchange exchange,
      OktaOrgUsers org,
      String path,
      List<T> items,
      BiConsumer<ObjectNode, T> writer)
      throws IOException {
    Map<String, List<String>> query = Exchanges.parameters(exchange);
    int limit = limit(query, org);
    int from = Math.min(items.size(), parse(Exchanges.parameter(query, "after"), 0));
    int to = Math.min(items.size(), from + limit);
    ArrayNode page = JSON.createArrayNode();
    items.subList(from, to).forEach(item -> writer.accept(page.addObject(), item));
    if (to < items.size()) {
      addNextLink(exchange, link(org.org().name(), path, parameters("after", to, "limit", limit)));
    }
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(page));
  }

  private static void addNextLink(HttpExchange exchange, String url) {
    exchange.getResponseHeaders().add("Link", "<" + url + ">; rel=\"next\"");
  }

  private String link(String orgName, String path, Map<String, Object> parameters) {
    return baseUrl
        + "/"
        + orgName
        + "/api/v1"
        + path
        + "?"
        + parameters.entrySet().stream()
            .map(
                parameter ->
                    parameter.getKey()
                        + "="
                        + URLEncoder.encode(
                                String.valueOf(parameter.getValue()), StandardCharsets.UTF_8)
                            .replace("+", "%20"))
            .collect(Collectors.joining("&"));
  }

  /** Name-value pairs in order, leaving out null values. */
  private static Map<String, Object> parameters(Object... namesAndValues) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return parameters;
  }

  /** A search page's {@code after}: the lastUpdated stamp and id of the last user sent. */
  private static Optional<UserStore.Position> searchCursor(String after) {
    int separator = after == null ? -1 : after.indexOf('_');
    if (separator < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new UserStore.Position(
              Long.parseLong(after.substring(0, separator)), after.substring(separator + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static int limit(Map<String, List<String>> query, OktaOrgUsers org) {
    int requested = parse(Exchanges.parameter(query, "limit"), org.apiPageSize());
    return Math.max(1, Math.min(org.apiPageSize(), requested));
  }

  private static boolean isDeprovisioned(UserStore.Entry<StoredOktaUser> entry) {
    return "DEPROVISIONED".equals(entry.user().user().status());
  }

  private static void writeUser(ObjectNode node, UserStore.Entry<StoredOktaUser> entry) {
    StoredOktaUser stored = entry.user();
    OktaOrg.User user = stored.user();
    node.put("id", user.id())
        .put("status", user.status())
        .put("created", timestamp(stored.created()))
        .put("activated", stored.activated() == null ? null : timestamp(stored.activated()))
        .put("statusChanged", timestamp(stored.statusChanged()))
        .put("lastUpdated", timestamp(entry.stamp()))
        .put("passwordChanged", timestamp(stored.created()));
    ObjectNode profile =
        node.putObject("profile")
            .put("login", user.login())
            .put("firstName", user.firstName())
            .put("lastName", user.lastName())
            .put("email", user.email());
    user.profileClaims()
        .forEach((claim, value) -> profile.put(OktaOrg.User.profileName(claim), value));
  }

  private static String timestamp(long epochMillis) {
    return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
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

  private void notFound(HttpExchange exchange, String id, String type) throws IOException {
    errors.send(
        exchange, 404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")");
  }
}
