package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code filter} query parameter with the SCIM library's parser, after one rewrite: the
 * form {@code emails[type eq "work"].value eq "x"} that provisioning clients send (and RFC 7644's
 * grammar lacks) becomes the equivalent {@code emails[type eq "work" and value eq "x"]}.
 */
final class ScimFilters {

  /**
   * A JSON string with escapes. Possessive and unrolled: {@code (?:[^"\\]|\\.)*} recurses once per
   * character in java.util.regex and overflows the stack on a long value.
   */
  private static final String STRING = "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"";

  /**
   * The form to rewrite; a string literal (group 1) is matched first so that text inside a quoted
   * value ({@code displayName eq "a[b].c eq d"}) is never taken for that form.
   */
  private static final Pattern SUB_ATTRIBUTE_AFTER_VALUE_FILTER =
      Pattern.compile(
          "("
              + STRING
              + ")|(\\w+)\\[([^\\[\\]]+)]\\.(\\w+)\\s+(eq|ne|co|sw|ew|gt|ge|lt|le)\\s+("
              + STRING
              + "|[^\\s()]+)",
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
                    m.group(1) != null
                        ? m.group(1)
                        : m.group(2)
                            + "["
                            + m.group(3)
                            + " and "
                            + m.group(4)
                            + " "
                            + m.group(5)
                            + " "
                            + m.group(6)
                            + "]"));
    Filter parsed;
    try {
      parsed = Filter.fromString(rewritten);
    } catch (BadRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      // The parser reports most mistakes as BadRequestException, a few as runtime exceptions.
      throw BadRequestException.invalidFilter("The filter cannot be parsed: " + e.getMessage());
    }
    return bounded(parsed);
  }

  /**
   * {@code filter}, unless its tree is larger than any filter of {@value #MAX_LENGTH} characters.
   */
  static Filter bounded(Filter filter) throws BadRequestException {
    if (size(filter, MAX_LENGTH) > MAX_LENGTH) {
      throw BadRequestException.invalidFilter("The filter is too complex.");
    }
    return filter;
  }

  /**
   * The number of nodes in the filter's tree, counted no further than just past {@code limit}. Each
   * node takes at least a character of the filter, yet the parser can return shared subtrees whose
   * tree doubles with every term: {@code a lt 2and a lt 2and … z lt 2or z lt 2} (no space before
   * "and"). Printing or evaluating such a filter takes exponential time and memory.
   */
  private static int size(Filter filter, int limit) {
    int size = 1;
    List<Filter> children =
        filter.isCombiningFilter()
            ? filter.getCombinedFilters()
            : filter.isNotFilter()
                ? List.of(filter.getInvertedFilter())
                : filter.isComplexValueFilter() ? List.of(filter.getValueFilter()) : List.of();
    for (Filter child : children) {
      size += size(child, limit - size);
      if (size > limit) {
        break;
      }
    }
    return size;
  }
}
