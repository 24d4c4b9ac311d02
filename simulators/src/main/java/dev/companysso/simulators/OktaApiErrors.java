package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The error bodies and rate-limit headers of Okta's management API. */
final class OktaApiErrors implements ApiFaultReplies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int RATE_LIMIT = 600;

  private final Clock clock;

  OktaApiErrors(Clock clock) {
    this.clock = clock;
  }

  void send(HttpExchange exchange, int status, String code, String summary) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorCode", code);
    body.put("errorSummary", summary);
    body.put("errorLink", code);
    body.put("errorId", errorId());
    body.put("errorCauses", List.of());
    Exchanges.sendJson(exchange, status, JSON.writeValueAsString(body));
  }

  void invalidToken(HttpExchange exchange) throws IOException {
    send(exchange, 401, "E0000011", "Invalid token provided");
  }

  @Override
  public void rateLimited(HttpExchange exchange, Duration wait) throws IOException {
    // Epoch seconds, rounded up so that waiting until then is always long enough.
    long resetSeconds = (clock.millis() + wait.toMillis() + 999) / 1000;
    exchange.getResponseHeaders().set("X-Rate-Limit-Limit", String.valueOf(RATE_LIMIT));
    exchange.getResponseHeaders().set("X-Rate-Limit-Remaining", "0");
    exchange.getResponseHeaders().set("X-Rate-Limit-Reset", String.valueOf(resetSeconds));
    send(exchange, 429, "E0000047", "API call exceeded rate limit due to too many requests.");
  }

  @Override
  public void serverError(HttpExchange exchange) throws IOException {
    send(exchange, 500, "E0000009", "Internal Server Error");
  }

  @Override
  public void unauthorized(HttpExchange exchange) throws IOException {
    invalidToken(exchange);
  }

  @Override
  public String truncatedBody() {
    return "[{\"id\":";
  }

  /** Okta's errorId shape: "oae" and 22 random letters and digits. */
  private static String errorId() {
    StringBuilder id = new StringBuilder("oae");
    for (int i = 0; i < 22; i++) {
      id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
    }
    return id.toString();
  }
}
