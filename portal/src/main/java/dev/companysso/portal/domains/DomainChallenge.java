package dev.companysso.portal.domains;

import java.time.Instant;
import java.util.Optional;

/** A company's claim to a domain as the pages show it ({@link DomainChallengeEntity}). */
public record DomainChallenge(
    String domain,
    String token,
    Optional<Instant> verifiedAt,
    Optional<Instant> checkedAt,
    Optional<Instant> missingSince) {

  /** Where the TXT record goes: a name of our own, so it never clashes with the domain's mail. */
  public static final String RECORD_PREFIX = "_company-sso.";

  /** What the TXT record says before the token. */
  public static final String VALUE_PREFIX = "company-sso-verification=";

  static DomainChallenge of(DomainChallengeEntity entity) {
    return new DomainChallenge(
        entity.domain(),
        entity.token(),
        instant(entity.verifiedAt()),
        instant(entity.checkedAt()),
        instant(entity.missingSince()));
  }

  private static Optional<Instant> instant(Long millis) {
    return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
  }

  public String recordName() {
    return RECORD_PREFIX + domain;
  }

  public String recordValue() {
    return VALUE_PREFIX + token;
  }

  public boolean verified() {
    return verifiedAt.isPresent();
  }
}
