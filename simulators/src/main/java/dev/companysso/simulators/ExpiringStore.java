package dev.companysso.simulators;

import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Short-lived server-side state under random opaque ids: authorization codes, pending sign-ins,
 * refresh tokens. Redeemed entries are remembered until they would have expired anyway, so a
 * replayed code is told apart from an unknown one, as Entra does.
 */
final class ExpiringStore<V> {

  enum Outcome {
    REDEEMED,
    UNKNOWN,
    EXPIRED,
    ALREADY_REDEEMED
  }

  record Redemption<V>(Outcome outcome, V value) {}

  private record Entry<V>(V value, Instant expiresAt, AtomicBoolean redeemed) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final Duration timeToLive;
  private final Clock clock;

  ExpiringStore(Duration timeToLive, Clock clock) {
    this.timeToLive = timeToLive;
    this.clock = clock;
  }

  String put(V value) {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> entry.expiresAt().isBefore(now));
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    String key = Base64URL.encode(id).toString();
    entries.put(key, new Entry<>(value, now.plus(timeToLive), new AtomicBoolean()));
    return key;
  }

  /** The value while it is neither expired nor redeemed; it stays available for later calls. */
  Optional<V> peek(String id) {
    Entry<V> entry = id == null ? null : entries.get(id);
    if (entry == null || entry.redeemed().get() || isExpired(entry)) {
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /** Takes the value once; every later call for the same id gets ALREADY_REDEEMED. */
  Redemption<V> redeem(String id) {
    Entry<V> entry = id == null ? null : entries.get(id);
    if (entry == null) {
      return new Redemption<>(Outcome.UNKNOWN, null);
    }
    if (!entry.redeemed().compareAndSet(false, true)) {
      return new Redemption<>(Outcome.ALREADY_REDEEMED, null);
    }
    if (isExpired(entry)) {
      return new Redemption<>(Outcome.EXPIRED, null);
    }
    return new Redemption<>(Outcome.REDEEMED, entry.value());
  }

  private boolean isExpired(Entry<V> entry) {
    return !clock.instant().isBefore(entry.expiresAt());
  }
}
