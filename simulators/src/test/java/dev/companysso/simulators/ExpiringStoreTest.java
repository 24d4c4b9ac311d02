package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Server-side single-use state")
class ExpiringStoreTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final ExpiringStore<String> codes = new ExpiringStore<>(OidcEngine.CODE_LIFETIME, clock);

  @Test
  @DisplayName("A code is redeemed once; afterwards it is known as already redeemed")
  void singleUse() {
    String id = codes.put("grant");

    assertThat(codes.redeem(id))
        .isEqualTo(new ExpiringStore.Redemption<>(ExpiringStore.Outcome.REDEEMED, "grant"));
    assertThat(codes.redeem(id).outcome()).isEqualTo(ExpiringStore.Outcome.ALREADY_REDEEMED);
    assertThat(codes.peek(id)).isEmpty();
  }

  @Test
  @DisplayName("A code older than 60 seconds has expired")
  void expiry() {
    String id = codes.put("grant");
    clock.advance(Duration.ofSeconds(59));
    assertThat(codes.peek(id)).hasValue("grant");

    clock.advance(Duration.ofSeconds(1));
    assertThat(codes.redeem(id).outcome()).isEqualTo(ExpiringStore.Outcome.EXPIRED);
  }

  @Test
  @DisplayName("An id that was never issued is unknown, and ids are unguessable")
  void unknown() {
    String id = codes.put("grant");

    assertThat(codes.redeem("made-up").outcome()).isEqualTo(ExpiringStore.Outcome.UNKNOWN);
    assertThat(codes.redeem(null).outcome()).isEqualTo(ExpiringStore.Outcome.UNKNOWN);
    assertThat(id).hasSize(43).isNotEqualTo(codes.put("grant"));
  }

  @Test
  @DisplayName("When many threads redeem the same code at once exactly one succeeds")
  void concurrentRedemption() throws Exception {
    String id = codes.put("grant");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<ExpiringStore.Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        outcomes.add(threads.submit(() -> codes.redeem(id).outcome()));
      }
      long redeemed = 0;
      for (Future<ExpiringStore.Outcome> outcome : outcomes) {
        redeemed += outcome.get() == ExpiringStore.Outcome.REDEEMED ? 1 : 0;
      }
      assertThat(redeemed).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }
}
