package dev.companysso.userstorage.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.userstorage.directory.Directory;
import dev.companysso.userstorage.directory.DirectoryCheck;
import dev.companysso.userstorage.directory.DirectoryUser;
import dev.companysso.userstorage.directory.FieldMappings;
import dev.companysso.userstorage.directory.http.ApiClient;
import dev.companysso.userstorage.directory.http.ApiResponse;
import dev.companysso.userstorage.directory.http.DirectoryReadException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's users through Microsoft Graph's delta query: a full read is a fresh delta round
 * ({@code /users/delta}, every user, ending with a delta link), a changed-users read calls the kept
 * delta link and gets only the users changed or removed since. A user's groups come from {@code
 * getMemberObjects} (transitive, object ids, as the {@code groups} claim carries them).
 */
final class GraphDirectory implements Directory {

  /** Graph's largest delta page. */
  static final int PAGE_SIZE = 999;

  private static final Set<String> ALWAYS = Set.of("id", "userPrincipalName", "accountEnabled");

  private final ApiClient api;
  private final String graph;
  private final FieldMappings mappings;

  GraphDirectory(ApiClient api, String graph, FieldMappings mappings) {
    this.api = api;
    this.graph = graph;
    this.mappings = mappings;
  }

  @Override
  public String readAll(PageHandler handler) throws DirectoryReadException {
    return readDelta(graph + "/v1.0/users/delta?$select=" + select(), handler);
  }

  @Override
  public String readChanges(String state, long sinceEpochSeconds, PageHandler handler)
      throws DirectoryReadException {
    return state == null ? readAll(handler) : readDelta(state, handler);
  }

  @Override
  public List<String> groupsOf(DirectoryUser user) throws DirectoryReadException {
    ApiResponse response =
        api.postJson(
            graph + "/v1.0/users/" + user.id() + "/getMemberObjects",
            Map.of("securityEnabledOnly", false));
    List<String> ids = new ArrayList<>();
    response.body().path("value").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  @Override
  public List<DirectoryCheck> testConnection() {
    return List.of(
        DirectoryCheck.probe(
            "users",
            "Microsoft Graph lists users.",
            "Grant the app the Graph application permission User.Read.All, with admin consent.",
            () -> api.get(graph + "/v1.0/users?$top=1&$select=id", Map.of())),
        DirectoryCheck.probe(
            "groups",
            "Microsoft Graph lists groups.",
            "Grant the app the Graph application permission GroupMember.Read.All, with admin"
                + " consent.",
            () -> api.get(graph + "/v1.0/groups?$top=1&$select=id", Map.of())));
  }

  @Override
  public long requests() {
    return api.requests();
  }

  private String readDelta(String first, PageHandler handler) throws DirectoryReadException {
    String url = first;
    while (true) {
      ApiResponse response = api.get(url, Map.of("Prefer", "odata.maxpagesize=" + PAGE_SIZE));
      JsonNode body = response.body();
      if (!body.path("value").isArray()) {
        throw new DirectoryReadException(
            "Microsoft Graph answered the users delta query without a 'value' list.");
      }
      List<DirectoryUser> page = new ArrayList<>();
      for (JsonNode user : body.path("value")) {
        page.add(toUser(user));
      }
      handler.handle(page);
      if (body.hasNonNull("@odata.nextLink")) {
        url = body.get("@odata.nextLink").asText();
      } else if (body.hasNonNull("@odata.deltaLink")) {
        return body.get("@odata.deltaLink").asText();
      } else {
        throw new DirectoryReadException(
            "Microsoft Graph ended the users delta query without a next or delta link.");
      }
    }
  }

  private DirectoryUser toUser(JsonNode user) throws DirectoryReadException {
    String id = user.path("id").asText("");
    if (id.isEmpty()) {
      throw new DirectoryReadException("Microsoft Graph listed a user without an id.");
    }
    String status;
    if (user.has("@removed")) {
      status = DirectoryUser.REMOVED;
    } else if (user.path("accountEnabled").isBoolean()) {
      status = user.get("accountEnabled").asBoolean() ? "enabled" : "disabled";
    } else {
      status = null; // a delta change that did not touch accountEnabled
    }
    return new DirectoryUser(
        id, user.path("userPrincipalName").asText(null), status, mappings.read(user), null);
  }

  private String select() {
    Set<String> properties = new LinkedHashSet<>(ALWAYS);
    properties.addAll(mappings.directoryProperties());
    return String.join(",", properties);
  }
}
