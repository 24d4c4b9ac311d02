package dev.companysso.portal.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A company's connection health as the pages show it.
 *
 * @param failedChecks the names of the connection checks that failed at the last check ({@code
 *     discovery}, {@code credentials}, …); empty when it passed
 */
public record ConnectionHealth(
    Optional<Instant> checkedAt, List<String> failedChecks, Optional<Instant> secretExpires) {

  public static final ConnectionHealth NONE =
      new ConnectionHealth(Optional.empty(), List.of(), Optional.empty());

  /** The last check found the connection broken. */
  public boolean failing() {
    return checkedAt.isPresent() && !failedChecks.isEmpty();
  }
}
