package dev.companysso.simulators;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code search} or {@code filter} expression of {@code GET /api/v1/users}, the part of Okta's
 * grammar directory sync uses: {@code lastUpdated gt "…"}, {@code lastUpdated ge "…"} and {@code
 * status eq "…"}, joined with {@code and}.
 *
 * @param fromStamp the earliest lastUpdated (epoch millis) that matches
 * @param status the status that matches, or null for any
 */
record OktaUserSearch(long fromStamp, String status) {

  private static final Pattern AND = Pattern.compile("\\s+and\\s+");
  private static final Pattern CONDITION =
      Pattern.compile("(lastUpdated\\s+(gt|ge)|status\\s+eq)\\s+\"([^\"]*)\"");

  /** Empty when the expression is outside the grammar, e.g. with two status conditions. */
  static Optional<OktaUserSearch> parse(String expression) {
    OktaUserSearch search = new OktaUserSearch(Long.MIN_VALUE, null);
    for (String condition : AND.split(expression.trim(), -1)) {
      Matcher matcher = CONDITION.matcher(condition);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      String value = matcher.group(3);
      if (matcher.group(2) == null) {
        if (!OktaOrg.User.STATUSES.contains(value.toUpperCase(Locale.ROOT))
            || search.status != null) {
          return Optional.empty();
        }
        search = new OktaUserSearch(search.fromStamp, value.toUpperCase(Locale.ROOT));
      } else {
        Optional<Long> from = fromStamp(matcher.group(2), value);
        if (from.isEmpty()) {
          return Optional.empty();
        }
        search = new OktaUserSearch(Math.max(search.fromStamp, from.get()), search.status);
      }
    }
    return Optional.of(search);
  }

  boolean matches(StoredOktaUser stored) {
    return status == null || status.equals(stored.user().status());
  }

  /** Stamps are whole milliseconds: "gt" an instant means from the next millisecond on. */
  private static Optional<Long> fromStamp(String operator, String value) {
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    long floor = instant.toEpochMilli();
    boolean whole = instant.getNano() % 1_000_000 == 0;
    return Optional.of("gt".equals(operator) || !whole ? floor + 1 : floor);
  }
}
