package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A way a vendor's directory API misbehaves, worded as that vendor's API words it: see {@link
 * ApiFaults#inject}.
 */
public final class ApiFault {

  private enum Kind {
    RATE_LIMITED,
    SERVER_ERROR,
    MALFORMED_JSON,
    SLOW,
    UNAUTHORIZED
  }

  private final Kind kind;
  private final Duration duration;

  private ApiFault(Kind kind, Duration duration) {
    this.kind = kind;
    this.duration = Objects.requireNonNull(duration, "duration");
  }

  /** 429 telling the client to wait this long (Okta: X-Rate-Limit-Reset, Graph: Retry-After). */
  public static ApiFault rateLimited(Duration wait) {
    return new ApiFault(Kind.RATE_LIMITED, wait);
  }

  public static ApiFault serverError() {
    return new ApiFault(Kind.SERVER_ERROR, Duration.ZERO);
  }

  /** 200 with a JSON content type and a body cut off mid-object. */
  public static ApiFault malformedJson() {
    return new ApiFault(Kind.MALFORMED_JSON, Duration.ZERO);
  }

  /** Waits this long, then answers normally. */
  public static ApiFault slow(Duration delay) {
    return new ApiFault(Kind.SLOW, delay);
  }

  /** 401 as for an expired or revoked token. */
  public static ApiFault unauthorized() {
    return new ApiFault(Kind.UNAUTHORIZED, Duration.ZERO);
  }

  /** Answers in the API's place; false when the API should still answer (a slow response). */
  boolean answer(HttpExchange exchange, ApiFaultReplies replies) throws IOException {
    switch (kind) {
      case RATE_LIMITED -> replies.rateLimited(exchange, duration);
      case SERVER_ERROR -> replies.serverError(exchange);
      case UNAUTHORIZED -> replies.unauthorized(exchange);
      case MALFORMED_JSON -> Exchanges.sendJson(exchange, 200, replies.truncatedBody());
      case SLOW -> {
        pause();
        return false;
      }
    }
    return true;
  }

  private void pause() {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return duration.isZero() ? kind.name() : kind + "(" + duration + ")";
  }
}
