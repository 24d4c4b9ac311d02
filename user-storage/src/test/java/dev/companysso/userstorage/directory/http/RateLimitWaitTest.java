package dev.companysso.userstorage.directory.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitWaitTest {

  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);

  @Test
  void graphRetryAfterIsSeconds() {
    assertThat(RateLimitWait.of("7", null, clock)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void oktaResetIsAnEpochSecond() {
    assertThat(RateLimitWait.of(null, "1000004", clock)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void missingPastOrUnreadableHeadersWaitOneSecond() {
    assertThat(RateLimitWait.of(null, null, clock)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RateLimitWait.of(null, "999990", clock)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RateLimitWait.of("soon", null, clock)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aConfusedHeaderCannotParkTheSync() {
    assertThat(RateLimitWait.of("86400", null, clock)).isEqualTo(Duration.ofSeconds(60));
  }
}
