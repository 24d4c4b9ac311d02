package dev.companysso.simulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Microsoft Graph calls directory sync and a broker make, in Graph's JSON shapes: users (listed
 * and by {@link GraphUsersDelta delta query}), groups and their members for an app-only token with
 * the right application permission, and {@code getMemberObjects} after a groups overage, for a
 * user's token too. Listings page by {@code $top} and {@code @odata.nextLink}.
 */
final class EntraGraphApi {

  /** A Graph call that may answer with an error instead. */
  @FunctionalInterface
  private interface Call {
    void answer() throws IOException, GraphError;
  }

  private static final Set<String> USER_READ =
      Set.of(
          "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  private static final Set<String> GROUP_READ =
      Set.of(
          "GroupMember.Read.All",
          "GroupMember.ReadWrite.All",
          "Group.Read.All",
          "Group.ReadWrite.All",
          "Directory.Read.All",
          "Directory.ReadWrite.All");
  private static final int DEFAULT_TOP = 100;
  static final int MAX_TOP = 999;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Optional<EntraTenantUsers>> tenants;
  private final Collection<OidcProvider> issuers;
  private final String graphBaseUrl;
  private final GraphErrors errors;
  private final GraphUsersDelta delta;

  /** {@code tenants}: a tenant by the {@code tid} of a token. */
  EntraGraphApi(
      Function<String, Optional<EntraTenantUsers>> tenants,
      Collection<OidcProvider> issuers,
      String graphBaseUrl,
      GraphErrors errors,
      GraphUsersDelta delta) {
    this.tenants = tenants;
    this.issuers = issuers;
    this.graphBaseUrl = graphBaseUrl;
    this.errors = errors;
    this.delta = delta;
  }

  /** {@code GET /v1.0/users}, in object id order. */
  void users(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        () -> {
          EntraTenantUsers tenant = authorize(exchange, USER_READ, false);
          Map<String, List<String>> query = Exchanges.parameters(exchange);
          GraphProperties.Selection<EntraTenant.User> select = select(GraphProperties.USER, query);
          int top = top(query);
          sendPage(
              exchange,
              select.context("users"),
              tenant.store().after(after(query)).map(UserStore.Entry::user),
              top,
              select::write,
              last -> link("/users", select, top, last.objectId()));
        });
  }

  /** {@code GET /v1.0/users/delta}. */
  void usersDelta(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        () -> {
          EntraTenantUsers tenant = authorize(exchange, USER_READ, false);
          Map<String, List<String>> query = Exchanges.parameters(exchange);
          delta.answer(exchange, tenant, query, select(GraphProperties.USER, query));
        });
  }

  /** {@code GET /v1.0/groups}. */
  void groups(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        () -> {
          EntraTenantUsers tenant = authorize(exchange, GROUP_READ, false);
          Map<String, List<String>> query = Exchanges.parameters(exchange);
          GraphProperties.Selection<EntraTenant.Group> select =
              select(GraphProperties.GROUP, query);
          int top = top(query);
          List<EntraTenant.Group> groups = tenant.tenant().groups();
          Optional<EntraTenant.Group> after =
              Optional.ofNullable(after(query)).flatMap(id -> tenant.tenant().group(id));
          sendPage(
              exchange,
              select.context("groups"),
              groups.stream().skip(after.map(group -> groups.indexOf(group) + 1L).orElse(0L)),
              top,
              select::write,
              last -> link("/groups", select, top, last.id()));
        });
  }

  /** {@code GET /v1.0/groups/{id}/members}: the member users, in object id order. */
  void groupMembers(HttpExchange exchange, String groupId) throws IOException {
    answer(
        exchange,
        () -> {
          EntraTenantUsers tenant = authorize(exchange, GROUP_READ, false);
          EntraTenant.Group group =
              tenant.tenant().group(groupId).orElseThrow(() -> GraphError.notFound(groupId));
          Map<String, List<String>> query = Exchanges.parameters(exchange);
          GraphProperties.Selection<EntraTenant.User> select = select(GraphProperties.USER, query);
          int top = top(query);
          String path = "/groups/" + groupId + "/members";
          sendPage(
              exchange,
              "directoryObjects",
              tenant
                  .store()
                  .membersAfter(group.displayName(), after(query))
                  .map(UserStore.Entry::user),
              top,
              (node, user) -> {
                node.put("@odata.type", "#microsoft.graph.user");
                select.write(node, user);
              },
              last -> link(path, select, top, last.objectId()));
        });
  }

  /** {@code POST /v1.0/users/{id}/getMemberObjects}: every group id of a user, overage or not. */
  void getMemberObjects(HttpExchange exchange, String objectId) throws IOException {
    answer(
        exchange,
        () -> {
          EntraTenantUsers tenant = authorize(exchange, GROUP_READ, true);
          EntraTenant.User user =
              tenant.user(objectId).orElseThrow(() -> GraphError.notFound(objectId));
          if (!requestsMemberObjects(exchange)) {
            throw GraphError.badRequest(
                "The request body must be a JSON object with the boolean parameter"
                    + " 'securityEnabledOnly'.");
          }
          ObjectNode body =
              JSON.createObjectNode()
                  .put("@odata.context", graphBaseUrl + "/v1.0/$metadata#Collection(Edm.String)");
          tenant.tenant().groupObjectIds(user).forEach(body.putArray("value")::add);
          Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(body));
        });
  }

  private void answer(HttpExchange exchange, Call call) throws IOException {
    try {
      call.answer();
    } catch (GraphError error) {
      errors.send(exchange, error);
    }
  }

  /**
   * The tenant of a valid bearer token: an app-only token needs one of {@code permissions} among
   * its roles; a user's token passes only where {@code userTokens} allows it.
   */
  private EntraTenantUsers authorize(
      HttpExchange exchange, Set<String> permissions, boolean userTokens) throws GraphError {
    Optional<JWTClaimsSet> token = bearerToken(exchange);
    EntraTenantUsers tenant =
        token
            .map(claims -> (String) claims.getClaim("tid"))
            .flatMap(tenants)
            .orElseThrow(
                () ->
                    new GraphError(
                        401,
                        "InvalidAuthenticationToken",
                        "Access token validation failure. Invalid audience."));
    boolean allowed =
        "app".equals(token.get().getClaim("idtyp"))
            ? roles(token.get()).stream().anyMatch(permissions::contains)
            : userTokens;
    if (!allowed) {
      throw new GraphError(
          403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }
    return tenant;
  }

  private Optional<JWTClaimsSet> bearerToken(HttpExchange exchange) {
    try {
      BearerAccessToken token =
          BearerAccessToken.parse(exchange.getRequestHeaders().getFirst("Authorization"));
      return OidcEngine.verify(token, issuers).map(VerifiedAccessToken::claims);
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static List<String> roles(JWTClaimsSet token) {
    try {
      List<String> roles = token.getStringListClaim("roles");
      return roles == null ? List.of() : roles;
    } catch (java.text.ParseException e) {
      return List.of();
    }
  }

  private static <T> GraphProperties.Selection<T> select(
      GraphProperties<T> type, Map<String, List<String>> query) throws GraphError {
    return type.select(Exchanges.parameter(query, "$select"));
  }

  private static int top(Map<String, List<String>> query) throws GraphError {
    String value = Exchanges.parameter(query, "$top");
    if (value == null) {
      return DEFAULT_TOP;
    }
    try {
      int top = Integer.parseInt(value.trim());
      if (top >= 1 && top <= MAX_TOP) {
        return top;
      }
    } catch (NumberFormatException e) {
      // Graph words a non-number as it words a number out of range.
    }
    throw GraphError.badRequest(
        "Invalid page size specified: '" + value + "'. Must be between 1 and 999 inclusive.");
  }

  /** The id after which a {@code $skiptoken} continues, null without one. */
  private static String after(Map<String, List<String>> query) throws GraphError {
    String skipToken = Exchanges.parameter(query, "$skiptoken");
    if (skipToken == null) {
      return null;
    }
    return GraphTokens.lastId(skipToken)
        .orElseThrow(() -> GraphError.badRequest("Invalid $skiptoken."));
  }

  /**
   * Sends the first {@code top} items of a lazy listing; when there are more, links the page after
   * the last one sent.
   */
  private <T> void sendPage(
      HttpExchange exchange,
      String context,
      Stream<T> items,
      int top,
      BiConsumer<ObjectNode, T> writer,
      Function<T, String> nextLink)
      throws IOException {
    List<T> read = items.limit(top + 1L).toList();
    List<T> page = read.subList(0, Math.min(top, read.size()));
    ObjectNode body = JSON.createObjectNode();
    body.put("@odata.context", graphBaseUrl + "/v1.0/$metadata#" + context);
    if (read.size() > top) {
      body.put("@odata.nextLink", nextLink.apply(page.get(top - 1)));
    }
    ArrayNode value = body.putArray("value");
    page.forEach(item -> writer.accept(value.addObject(), item));
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(body));
  }

  /** An absolute Graph URL repeating the request's {@code $select} and {@code $top}. */
  private String link(String path, GraphProperties.Selection<?> select, int top, String lastId) {
    return graphBaseUrl
        + "/v1.0"
        + path
        + "?"
        + select.query()
        + "$top="
        + top
        + "&$skiptoken="
        + GraphTokens.skipToken(lastId.toLowerCase(Locale.ROOT));
  }

  private static boolean requestsMemberObjects(HttpExchange exchange) throws IOException {
    try {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      return body != null && body.path("securityEnabledOnly").isBoolean();
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
