package dev.companysso.userstorage.scim.activity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a company's SCIM endpoint has seen lately ({@link ScimActivityEntity}). */
public record ScimActivity(
    Optional<Instant> lastRequest, Optional<Integer> lastStatus, List<ScimFailure> failures) {

  public static final ScimActivity NONE =
      new ScimActivity(Optional.empty(), Optional.empty(), List.of());
}
