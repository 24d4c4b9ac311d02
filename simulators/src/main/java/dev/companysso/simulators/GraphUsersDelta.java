package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's delta query of a tenant's users, {@code GET /v1.0/users/delta}. The first round (no
 * token) lists every user; its last page carries a deltaLink, which returns the users changed since
 * it was made, and {@code @removed} entries for those removed since, ending in the next deltaLink.
 * Rounds walk the tenant's change log, paged by {@code Prefer: odata.maxpagesize}.
 */
final class GraphUsersDelta {

  private static final int DEFAULT_PAGE_SIZE = 200;
  private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String graphBaseUrl;
  private final GraphTokens tokens;

  GraphUsersDelta(String graphBaseUrl, GraphTokens tokens) {
    this.graphBaseUrl = graphBaseUrl;
    this.tokens = tokens;
  }

  void answer(
      HttpExchange exchange,
      EntraTenantUsers tenant,
      Map<String, List<String>> query,
      GraphProperties.Selection<EntraTenant.User> select)
      throws IOException, GraphError {
    String tenantId = tenant.tenant().tenantId();
    GraphTokens.DeltaState state = state(query, tenantId);
    int pageSize = pageSize(exchange);
    // Taken before reading: whatever changes from here on comes in the next round.
    UserStore.Position snapshot = tenant.store().lastChange();
    List<UserStore.Entry<EntraTenant.User>> items =
        tenant
            .store()
            .changesAfter(state.position())
            .filter(entry -> state.changes() || !entry.removed())
            .limit(pageSize + 1L)
            .toList();
    List<UserStore.Entry<EntraTenant.User>> page =
        items.subList(0, Math.min(pageSize, items.size()));
    UserStore.Position last =
        page.isEmpty() ? state.position() : page.get(page.size() - 1).position();
    ObjectNode body = JSON.createObjectNode();
    body.put("@odata.context", graphBaseUrl + "/v1.0/$metadata#" + select.context("users"));
    if (items.size() > pageSize) {
      GraphTokens.DeltaState next = new GraphTokens.DeltaState(state.changes(), last);
      body.put("@odata.nextLink", link(select, "$skiptoken", tokens.deltaToken(tenantId, next)));
    } else {
      // Skipped tombstones up to the snapshot need not come again.
      GraphTokens.DeltaState next =
          new GraphTokens.DeltaState(true, last.compareTo(snapshot) > 0 ? last : snapshot);
      body.put("@odata.deltaLink", link(select, "$deltatoken", tokens.deltaToken(tenantId, next)));
    }
    ArrayNode value = body.putArray("value");
    for (UserStore.Entry<EntraTenant.User> entry : page) {
      ObjectNode node = value.addObject();
      if (entry.removed()) {
        node.put("id", entry.id()).putObject("@removed").put("reason", "changed");
      } else {
        select.write(node, entry.user());
      }
    }
    if (exchange.getRequestHeaders().containsKey("Prefer")) {
      exchange.getResponseHeaders().set("Preference-Applied", "odata.maxpagesize=" + pageSize);
    }
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(body));
  }

  /**
   * The round a request continues: the first without a token. A token this simulator run did not
   * make for this tenant gets Graph's answer for an expired one, 410 syncStateNotFound, on which a
   * client starts over.
   */
  private GraphTokens.DeltaState state(Map<String, List<String>> query, String tenantId)
      throws GraphError {
    String deltaToken = Exchanges.parameter(query, "$deltatoken");
    String token = deltaToken != null ? deltaToken : Exchanges.parameter(query, "$skiptoken");
    if (token == null) {
      return new GraphTokens.DeltaState(false, UserStore.Position.START);
    }
    return tokens
        .deltaState(token, tenantId)
        .filter(state -> deltaToken == null || state.changes())
        .orElseThrow(
            () ->
                new GraphError(
                    410,
                    "syncStateNotFound",
                    "The sync state generation is not found for this delta token. Restart the"
                        + " sync without a delta token."));
  }

  private static int pageSize(HttpExchange exchange) {
    String prefer = exchange.getRequestHeaders().getFirst("Prefer");
    Matcher matcher = MAX_PAGE_SIZE.matcher(prefer == null ? "" : prefer);
    if (!matcher.find()) {
      return DEFAULT_PAGE_SIZE;
    }
    try {
      return Math.max(1, Math.min(EntraGraphApi.MAX_TOP, Integer.parseInt(matcher.group(1))));
    } catch (NumberFormatException e) {
      return EntraGraphApi.MAX_TOP;
    }
  }

  private String link(
      GraphProperties.Selection<EntraTenant.User> select, String tokenName, String token) {
    return graphBaseUrl + "/v1.0/users/delta?" + select.query() + tokenName + "=" + token;
  }
}
