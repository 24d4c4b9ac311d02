package dev.companysso.portal.links;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The terms of a new setup link, as vendor staff ask for it (admin REST body, vendor view form):
 * the portal sections it opens (default {@code ["sso"]}) and when it expires, as a lifetime in days
 * ({@code expiresInDays}, default 7) or a moment ({@code expires}, ISO-8601 such as {@code
 * 2026-12-11T17:00:00Z}); at most 90 days ahead.
 */
public record SetupLinkRequest(List<String> sections, Integer expiresInDays, String expires) {

  /** The sections asked for; each unknown one adds a problem naming it. */
  public Set<Section> sections(List<String> problems) {
    List<String> names = sections;
    if (names == null || names.isEmpty()) {
      return EnumSet.of(Section.SSO);
    }
    Set<Section> chosen = EnumSet.noneOf(Section.class);
    for (int i = 0; i < names.size(); i++) {
      Optional<Section> section = Section.named(names.get(i));
      if (section.isEmpty()) {
        problems.add(
            "sections["
                + i
                + "]: '"
                + names.get(i)
                + "' is not a portal section (available: "
                + String.join(", ", Section.keys())
                + ").");
      } else {
        chosen.add(section.get());
      }
    }
    return chosen;
  }

  /** When the link expires; a value out of bounds adds a problem naming its field. */
  public Instant expiry(Instant now, List<String> problems) {
    Instant latest = now.plus(SetupLinks.LONGEST_LIFETIME);
    if (expires != null && expiresInDays != null) {
      problems.add("expires, expiresInDays: give one of them, not both.");
      return now;
    }
    if (expires != null) {
      Instant at;
      try {
        at = Instant.parse(expires);
      } catch (DateTimeParseException e) {
        problems.add("expires: '" + expires + "' is not a moment such as 2026-12-11T17:00:00Z.");
        return now;
      }
      if (!at.isAfter(now) || at.isAfter(latest)) {
        problems.add(
            "expires: a moment after now and at most "
                + SetupLinks.LONGEST_LIFETIME.toDays()
                + " days ahead.");
      }
      return at;
    }
    int days = expiresInDays == null ? (int) SetupLinks.DEFAULT_LIFETIME.toDays() : expiresInDays;
    if (days < 1 || days > SetupLinks.LONGEST_LIFETIME.toDays()) {
      problems.add("expiresInDays: from 1 to " + SetupLinks.LONGEST_LIFETIME.toDays() + " days.");
    }
    return now.plus(Duration.ofDays(days));
  }
}
