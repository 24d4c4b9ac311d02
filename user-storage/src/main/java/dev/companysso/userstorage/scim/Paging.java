package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;

/** {@code startIndex} (1-based) and {@code count} as RFC 7644 §3.4.2.4 reads them. */
record Paging(int startIndex, int count) {

  static final int DEFAULT_COUNT = 100;
  static final int MAX_COUNT = 200;

  static Paging of(String startIndex, String count) throws BadRequestException {
    int start = number("startIndex", startIndex, 1);
    int size = number("count", count, DEFAULT_COUNT);
    return new Paging(Math.max(start, 1), Math.min(Math.max(size, 0), MAX_COUNT));
  }

  private static int number(String name, String raw, int fallback) throws BadRequestException {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw BadRequestException.invalidValue(name + ": '" + raw + "' is not a whole number.");
    }
  }
}
