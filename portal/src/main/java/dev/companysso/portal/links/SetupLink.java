package dev.companysso.portal.links;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A setup link as admins see it: never its token, which only its URL carries. */
public record SetupLink(
    String id,
    String companyId,
    Set<Section> sections,
    String createdByRealm,
    String createdBy,
    Instant created,
    Instant expires,
    Instant revoked,
    Instant lastUsed) {

  /** Where a link stands. */
  public enum State {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  public State state(Instant now) {
    if (revoked != null) {
      return State.REVOKED;
    }
    return now.isBefore(expires) ? State.ACTIVE : State.EXPIRED;
  }

  public boolean allows(Section section) {
    return sections.contains(section);
  }

  static SetupLink of(SetupLinkEntity entity) {
    Set<Section> sections = EnumSet.noneOf(Section.class);
    Arrays.stream(entity.sections().split(","))
        .map(Section::named)
        .flatMap(Optional::stream)
        .forEach(sections::add);
    return new SetupLink(
        entity.id(),
        entity.companyId(),
        sections,
        entity.createdByRealm(),
        entity.createdBy(),
        Instant.ofEpochMilli(entity.createdAt()),
        Instant.ofEpochMilli(entity.expiresAt()),
        entity.revokedAt() == null ? null : Instant.ofEpochMilli(entity.revokedAt()),
        entity.lastUsedAt() == null ? null : Instant.ofEpochMilli(entity.lastUsedAt()));
  }

  static String stored(Set<Section> sections) {
    return sections.stream().map(Section::key).sorted().collect(Collectors.joining(","));
  }
}
