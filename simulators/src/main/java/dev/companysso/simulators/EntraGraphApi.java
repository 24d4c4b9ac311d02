package dev.companysso.simulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The one Microsoft Graph call a broker needs after a groups overage: {@code POST
 * /v1.0/users/{id}/getMemberObjects}, answered in Graph's JSON shapes.
 */
final class EntraGraphApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimulatorDirectory directory;
  private final Collection<OidcProvider> issuers;
  private final String graphBaseUrl;
  private final Clock clock;
  private final AssignmentChanges changes;

  EntraGraphApi(
      SimulatorDirectory directory,
      Collection<OidcProvider> issuers,
      String graphBaseUrl,
      Clock clock,
      AssignmentChanges changes) {
    this.changes = changes;
    this.directory = directory;
    this.issuers = issuers;
    this.graphBaseUrl = graphBaseUrl;
    this.clock = clock;
  }

  void getMemberObjects(HttpExchange exchange, String objectId) throws IOException {
    Optional<VerifiedAccessToken> token = bearerToken(exchange);
    if (token.isEmpty()) {
      sendError(
          exchange,
          401,
          "InvalidAuthenticationToken",
          "Access token validation failure. Invalid audience.");
      return;
    }
    String tenantId = (String) token.get().claims().getClaim("tid");
    Optional<EntraTenant> tenant = directory.entraTenant(tenantId);
    Optional<EntraTenant.User> user =
        tenant.flatMap(t -> t.userByObjectId(objectId)).map(changes::applyTo);
    if (user.isEmpty()) {
      sendError(
          exchange,
          404,
          "Request_ResourceNotFound",
          "Resource '"
              + objectId
              + "' does not exist or one of its queried reference-property objects are not present.");
      return;
    }
    if (!requestsMemberObjects(exchange)) {
      sendError(
          exchange,
          400,
          "Request_BadRequest",
          "The request body must be a JSON object with the boolean parameter 'securityEnabledOnly'.");
      return;
    }
    ObjectNode body =
        JSON.createObjectNode()
            .put("@odata.context", graphBaseUrl + "/v1.0/$metadata#Collection(Edm.String)");
    tenant.get().groupObjectIds(user.get()).forEach(body.putArray("value")::add);
    Exchanges.sendJson(exchange, 200, JSON.writeValueAsString(body));
  }

  private Optional<VerifiedAccessToken> bearerToken(HttpExchange exchange) {
    try {
      BearerAccessToken token =
          BearerAccessToken.parse(exchange.getRequestHeaders().getFirst("Authorization"));
      return OidcEngine.verify(token, issuers);
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static boolean requestsMemberObjects(HttpExchange exchange) throws IOException {
    try {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      return body != null && body.path("securityEnabledOnly").isBoolean();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private void sendError(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("code", code).put("message", message);
    error
        .putObject("innerError")
        .put("date", clock.instant().toString())
        .put("request-id", UUID.randomUUID().toString())
        .put("client-request-id", UUID.randomUUID().toString());
    Exchanges.sendJson(exchange, status, JSON.writeValueAsString(body));
  }
}
