package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Microsoft Graph's error bodies and Retry-After header. */
final class GraphErrors implements ApiFaultReplies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  GraphErrors(Clock clock) {
    this.clock = clock;
  }

  void send(HttpExchange exchange, GraphError error) throws IOException {
    send(exchange, error.status(), error.code(), error.getMessage());
  }

  void send(HttpExchange exchange, int status, String code, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("code", code).put("message", message);
    error
        .putObject("innerError")
        .put("date", clock.instant().toString())
        .put("request-id", UUID.randomUUID().toString())
        .put("client-request-id", UUID.randomUUID().toString());
    Exchanges.sendJson(exchange, status, JSON.writeValueAsString(body));
  }

  @Override
  public void rateLimited(HttpExchange exchange, Duration wait) throws IOException {
    // Whole seconds, rounded up so that waiting that long is always long enough.
    exchange
        .getResponseHeaders()
        .set("Retry-After", String.valueOf((wait.toMillis() + 999) / 1000));
    send(exchange, 429, "TooManyRequests", "Too many requests.");
  }

  @Override
  public void serverError(HttpExchange exchange) throws IOException {
    send(exchange, 500, "generalException", "General exception while processing.");
  }

  @Override
  public void unauthorized(HttpExchange exchange) throws IOException {
    send(
        exchange,
        401,
        "InvalidAuthenticationToken",
        "Lifetime validation failed, the token is expired.");
  }

  @Override
  public String truncatedBody() {
    return "{\"value\":[{\"id\":";
  }
}
