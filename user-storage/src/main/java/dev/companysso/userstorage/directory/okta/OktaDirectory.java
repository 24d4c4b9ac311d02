package dev.companysso.userstorage.directory.okta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.userstorage.directory.Directory;
import dev.companysso.userstorage.directory.DirectoryCheck;
import dev.companysso.userstorage.directory.DirectoryUser;
import dev.companysso.userstorage.directory.FieldMappings;
import dev.companysso.userstorage.directory.http.ApiClient;
import dev.companysso.userstorage.directory.http.ApiResponse;
import dev.companysso.userstorage.directory.http.DirectoryReadException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Okta org's users through the management API: {@code GET /api/v1/users} in pages of 200 (Okta's
 * list leaves DEPROVISIONED users out, so they count as gone), changes through {@code
 * search=lastUpdated gt "…"} (which includes DEPROVISIONED users), a user's groups through {@code
 * /api/v1/users/{id}/groups}.
 */
final class OktaDirectory implements Directory {

  static final int PAGE_SIZE = 200;

  /** Changes are read from a little before the last run, for clock skew; re-reading is harmless. */
  private static final Duration OVERLAP = Duration.ofMinutes(1);

  private final ApiClient api;
  private final String base;
  private final FieldMappings mappings;
  private final Clock clock;

  OktaDirectory(ApiClient api, String base, FieldMappings mappings, Clock clock) {
    this.api = api;
    this.base = base;
    this.mappings = mappings;
    this.clock = clock;
  }

  @Override
  public String readAll(PageHandler handler) throws DirectoryReadException {
    String started = clock.instant().toString();
    readPages(base + "/api/v1/users?limit=" + PAGE_SIZE, handler);
    return started;
  }

  /** The state is the instant the previous successful read started. */
  @Override
  public String readChanges(String state, long sinceEpochSeconds, PageHandler handler)
      throws DirectoryReadException {
    String started = clock.instant().toString();
    Instant since =
        (state == null ? Instant.ofEpochSecond(sinceEpochSeconds) : Instant.parse(state))
            .minus(OVERLAP)
            .truncatedTo(ChronoUnit.MILLIS);
    String search = "lastUpdated gt \"" + since + "\"";
    readPages(
        base
            + "/api/v1/users?limit="
            + PAGE_SIZE
            + "&search="
            + URLEncoder.encode(search, StandardCharsets.UTF_8),
        handler);
    return started;
  }

  @Override
  public List<String> groupsOf(DirectoryUser user) throws DirectoryReadException {
    List<String> names = new ArrayList<>();
    String url = base + "/api/v1/users/" + user.id() + "/groups?limit=" + PAGE_SIZE;
    while (url != null) {
      ApiResponse response = api.get(url, Map.of());
      for (JsonNode group : response.body()) {
        names.add(group.path("profile").path("name").asText());
      }
      url = response.nextLink();
    }
    return names;
  }

  @Override
  public List<DirectoryCheck> testConnection() {
    return List.of(
        DirectoryCheck.probe(
            "users",
            "Okta lists users.",
            "Reading users needs okta.users.read (an admin token of a read-only admin has it).",
            () -> api.get(base + "/api/v1/users?limit=1", Map.of())),
        DirectoryCheck.probe(
            "groups",
            "Okta lists groups.",
            "Reading groups needs okta.groups.read.",
            () -> api.get(base + "/api/v1/groups?limit=1", Map.of())));
  }

  @Override
  public long requests() {
    return api.requests();
  }

  private void readPages(String first, PageHandler handler) throws DirectoryReadException {
    String url = first;
    while (url != null) {
      ApiResponse response = api.get(url, Map.of());
      if (!response.body().isArray()) {
        throw new DirectoryReadException(
            "Okta answered the users list with something other than a list of users.");
      }
      List<DirectoryUser> page = new ArrayList<>();
      for (JsonNode user : response.body()) {
        page.add(toUser(user));
      }
      handler.handle(page);
      url = response.nextLink();
    }
  }

  private DirectoryUser toUser(JsonNode user) throws DirectoryReadException {
    String id = user.path("id").asText("");
    JsonNode profile = user.path("profile");
    String login = profile.path("login").asText("");
    if (id.isEmpty() || login.isEmpty()) {
      throw new DirectoryReadException("Okta listed a user without an id or login: " + id);
    }
    return new DirectoryUser(
        id, login, user.path("status").asText(null), mappings.read(profile), null);
  }
}
