package dev.companysso.userstorage.directory.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a 429 asks us to wait: Graph sends {@code Retry-After} (seconds), Okta {@code
 * X-Rate-Limit-Reset} (epoch seconds when the window resets). Bounded so a confused header cannot
 * park a sync for hours.
 */
public final class RateLimitWait {

  static final Duration DEFAULT = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(60);

  private RateLimitWait() {}

  public static Duration of(String retryAfter, String rateLimitReset, Clock clock) {
    Duration wait = DEFAULT;
    Long seconds = parse(retryAfter);
    Long reset = parse(rateLimitReset);
    if (seconds != null) {
      wait = Duration.ofSeconds(seconds);
    } else if (reset != null) {
      wait = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
    }
    if (wait.isNegative() || wait.isZero()) {
      return DEFAULT;
    }
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }

  private static Long parse(String value) {
    try {
      return value == null ? null : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
