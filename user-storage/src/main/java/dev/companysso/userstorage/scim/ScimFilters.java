package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code filter} query parameter with the SCIM library's parser, after one rewrite: the
 * form {@code emails[type eq "work"].value eq "x"} that provisioning clients send (and RFC 7644's
 * grammar lacks) becomes the equivalent {@code emails[type eq "work" and value eq "x"]}.
 */
final class ScimFilters {

  private static final Pattern SUB_ATTRIBUTE_AFTER_VALUE_FILTER =
      Pattern.compile(
          "(\\w+)\\[([^\\[\\]]+)]\\.(\\w+)\\s+(eq|ne|co|sw|ew|gt|ge|lt|le)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s()]+)",
          Pattern.CASE_INSENSITIVE);

  private static final int MAX_LENGTH = 4096;

  private ScimFilters() {}

  static Filter parse(String filter) throws BadRequestException {
    if (filter == null || filter.isBlank()) {
      throw BadRequestException.invalidFilter("The filter is empty.");
    }
    if (filter.length() > MAX_LENGTH) {
      throw BadRequestException.invalidFilter(
          "The filter is longer than " + MAX_LENGTH + " characters.");
    }
    Matcher matcher = SUB_ATTRIBUTE_AFTER_VALUE_FILTER.matcher(filter);
    String rewritten =
        matcher.replaceAll(
            m ->
                Matcher.quoteReplacement(
                    m.group(1)
                        + "["
                        + m.group(2)
                        + " and "
                        + m.group(3)
                        + " "
                        + m.group(4)
                        + " "
                        + m.group(5)
                        + "]"));
    try {
      return Filter.fromString(rewritten);
    } catch (BadRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      // The parser reports most mistakes as BadRequestException, a few as runtime exceptions.
      throw BadRequestException.invalidFilter("The filter cannot be parsed: " + e.getMessage());
    }
  }
}
