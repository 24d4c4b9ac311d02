package dev.companysso.userstorage.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScimFiltersTest {

  private static final ObjectNode ALICE = ScimSamples.aliceDocument();

  private static boolean matchesAlice(String filter) throws ScimException {
    return FilterEvaluator.evaluate(ScimFilters.parse(filter), ALICE);
  }

  @Test
  void userNameEqIsTheLookupOktaAndEntraSend() throws Exception {
    Filter filter = ScimFilters.parse("userName eq \"alice@acme.example\"");

    assertThat(filter.getFilterType()).isEqualTo(FilterType.EQUAL);
    assertThat(UserQuery.key(filter.getAttributePath())).isEqualTo("username");
    assertThat(filter.getComparisonValue().asText()).isEqualTo("alice@acme.example");
    assertThat(FilterEvaluator.evaluate(filter, ALICE)).isTrue();
    assertThat(matchesAlice("userName eq \"bob@acme.example\"")).isFalse();
  }

  @Test
  void attributeNamesOperatorsAndStringValuesIgnoreCase() throws Exception {
    Filter filter = ScimFilters.parse("USERNAME EQ \"Alice@ACME.example\"");

    assertThat(filter.getFilterType()).isEqualTo(FilterType.EQUAL);
    assertThat(UserQuery.key(filter.getAttributePath())).isEqualTo("username");
    // The value is kept as sent; the evaluator compares strings without regard to case.
    assertThat(filter.getComparisonValue().asText()).isEqualTo("Alice@ACME.example");
    assertThat(FilterEvaluator.evaluate(filter, ALICE)).isTrue();
  }

  @Test
  void andOrAndNotCombine() throws Exception {
    Filter and = ScimFilters.parse("userName eq \"alice@acme.example\" and active eq true");
    assertThat(and.getFilterType()).isEqualTo(FilterType.AND);
    assertThat(and.getCombinedFilters()).hasSize(2);
    assertThat(FilterEvaluator.evaluate(and, ALICE)).isTrue();
    assertThat(matchesAlice("userName eq \"alice@acme.example\" and active eq false")).isFalse();

    Filter or =
        ScimFilters.parse("userName eq \"nobody\" or externalId eq \"00u1alice00000000001\"");
    assertThat(or.getFilterType()).isEqualTo(FilterType.OR);
    assertThat(FilterEvaluator.evaluate(or, ALICE)).isTrue();
    assertThat(matchesAlice("userName eq \"nobody\" or externalId eq \"other\"")).isFalse();

    Filter not = ScimFilters.parse("not (userName eq \"alice@acme.example\")");
    assertThat(not.getFilterType()).isEqualTo(FilterType.NOT);
    assertThat(FilterEvaluator.evaluate(not, ALICE)).isFalse();
    assertThat(matchesAlice("not (title eq \"Manager\")")).isTrue();

    // "and" binds tighter than "or"
    assertThat(matchesAlice("userName eq \"x\" and active eq true or title eq \"Engineer\""))
        .isTrue();
    assertThat(matchesAlice("userName eq \"x\" and (active eq true or title eq \"Engineer\")"))
        .isFalse();
  }

  @Test
  void emailSubAttributeAfterAValueFilterIsRewrittenIntoTheValueFilter() throws Exception {
    Filter filter = ScimFilters.parse("emails[type eq \"work\"].value eq \"alice@acme.example\"");

    assertThat(filter.getFilterType()).isEqualTo(FilterType.COMPLEX_VALUE);
    assertThat(UserQuery.key(filter.getAttributePath())).isEqualTo("emails");
    assertThat(filter.getValueFilter().getFilterType()).isEqualTo(FilterType.AND);
    assertThat(filter.toString())
        .isEqualTo("emails[(type eq \"work\" and value eq \"alice@acme.example\")]");
    assertThat(FilterEvaluator.evaluate(filter, ALICE)).isTrue();
    assertThat(matchesAlice("emails[type eq \"work\"].value eq \"bob@acme.example\"")).isFalse();
    assertThat(matchesAlice("emails[type eq \"home\"].value eq \"alice@acme.example\"")).isFalse();
  }

  @Test
  void theRewriteIgnoresCaseWorksInsideLargerFiltersAndKeepsEscapedQuotes() throws Exception {
    assertThat(matchesAlice("EMAILS[TYPE EQ \"work\"].VALUE EQ \"alice@acme.example\"")).isTrue();
    assertThat(
            matchesAlice(
                "userName eq \"x\" or emails[type eq \"work\"].value sw \"alice@\" and active eq"
                    + " true"))
        .isTrue();
    assertThat(matchesAlice("(emails[type eq \"work\"].value co \"@acme.\")")).isTrue();

    Filter escaped = ScimFilters.parse("emails[type eq \"work\"].value eq \"a\\\"b]c\"");
    assertThat(escaped.getValueFilter().getCombinedFilters().get(1).getComparisonValue().asText())
        .isEqualTo("a\"b]c");
  }

  @Test
  void otherFiltersOfRfc7644ParseAndEvaluate() throws Exception {
    assertThat(matchesAlice("emails[type eq \"work\" and value co \"@acme.example\"]")).isTrue();
    assertThat(matchesAlice("emails[primary eq true]")).isTrue();
    assertThat(matchesAlice("emails.value ew \"acme.example\"")).isTrue();
    assertThat(matchesAlice("name.familyName sw \"Arch\"")).isTrue();
    assertThat(matchesAlice("name.familyName ne \"Archer\"")).isFalse();
    assertThat(matchesAlice("title pr and nickName pr")).isTrue();
    assertThat(matchesAlice("phoneNumbers pr")).isFalse();
    assertThat(matchesAlice("meta.created lt \"2026-02-01T00:00:00Z\"")).isTrue();
    assertThat(matchesAlice("meta.lastModified gt \"2026-02-01T00:00:00Z\"")).isTrue();
    assertThat(matchesAlice("meta.resourceType eq \"User\"")).isTrue();
    assertThat(
            matchesAlice(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq"
                    + " \"Engineering\""))
        .isTrue();
    assertThat(
            matchesAlice(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq"
                    + " \"6f1c0a52-0000-4000-8000-0000000b0b00\""))
        .isTrue();
    assertThat(matchesAlice("userName eq \"alice@acme.example\" and not (active eq false)"))
        .isTrue();
  }

  @Test
  void textInsideAQuotedValueIsNeverRewritten() throws Exception {
    Filter filter = ScimFilters.parse("displayName eq \"a[b].c eq d\"");
    assertThat(filter.getFilterType()).isEqualTo(FilterType.EQUAL);
    assertThat(filter.getComparisonValue().asText()).isEqualTo("a[b].c eq d");

    Filter quoted =
        ScimFilters.parse(
            "title eq \"emails[type eq \\\"work\\\"].value eq \\\"x\\\"\" or"
                + " emails[type eq \"work\"].value eq \"alice@acme.example\"");
    assertThat(quoted.getCombinedFilters().get(0).getComparisonValue().asText())
        .isEqualTo("emails[type eq \"work\"].value eq \"x\"");
    assertThat(quoted.getCombinedFilters().get(1).getFilterType())
        .isEqualTo(FilterType.COMPLEX_VALUE);
    assertThat(FilterEvaluator.evaluate(quoted, ALICE)).isTrue();
  }

  @Test
  void longQuotedValuesDoNotOverflowTheRewritesRegex() throws Exception {
    // Regression: the rewrite's string pattern once recursed per character (StackOverflowError).
    String rewritten = "emails[type eq \"work\"].value eq \"" + "a".repeat(4000) + "\"";
    assertThat(ScimFilters.parse(rewritten).getFilterType()).isEqualTo(FilterType.COMPLEX_VALUE);

    String escapes = "displayName eq \"" + "\\\"".repeat(2000) + "\"";
    assertThat(ScimFilters.parse(escapes).getComparisonValue().asText())
        .isEqualTo("\"".repeat(2000));

    String plain = "title eq \"" + "x".repeat(4080) + "\"";
    assertThat(ScimFilters.parse(plain).getComparisonValue().asText()).hasSize(4080);
  }

  @Test
  void aFilterTheParserWouldBlowUpExponentiallyIsInvalidFilter() throws Exception {
    // Regression (found by ScimFilterFuzzTest): without a space before "and" the library shares
    // subtrees, and the tree doubles with every term: toString() and evaluation never finished.
    String shape = "a lt 2and ".repeat(40) + "z lt 2or z lt 2";
    assertThatThrownBy(() -> ScimFilters.parse(shape))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.getScimError().getScimType())
                  .isEqualTo(BadRequestException.INVALID_FILTER);
              assertThat(e.getMessage()).contains("too complex");
            });
    // A few such terms stay small, and mean what they say.
    assertThat(matchesAlice("title eq \"Engineer\"and active eq true or userName eq \"x\""))
        .isTrue();
  }

  @Test
  void theLargestFiltersThatFitTheLengthAreNotTooComplex() throws Exception {
    String presences = "title pr or ".repeat(340) + "title pr";
    assertThat(presences.length()).isLessThanOrEqualTo(4096);
    assertThat(ScimFilters.parse(presences).getCombinedFilters()).hasSize(341);

    String nested = "not (a pr) or ".repeat(290) + "b pr";
    assertThat(nested.length()).isLessThanOrEqualTo(4096);
    assertThat(matchesAlice(nested)).isTrue();
  }

  @Test
  void theLibraryClosesAValueFilterLeftOpenAtTheEnd() throws Exception {
    // Lenient, not an error: the SCIM library reads the missing "]" at the end of the filter.
    assertThat(ScimFilters.parse("emails[type eq \"work\"").toString())
        .isEqualTo("emails[type eq \"work\"]");
  }

  @Test
  void deepNestingWithinTheLengthLimitParses() throws Exception {
    String parentheses = "(".repeat(2000) + "userName eq \"alice@acme.example\"" + ")".repeat(2000);
    assertThat(matchesAlice(parentheses)).isTrue();
    String nots = "not (".repeat(650) + "userName eq \"alice@acme.example\"" + ")".repeat(650);
    assertThat(matchesAlice(nots)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "userName",
        "userName eq",
        "userName xx \"alice\"",
        "userName eq \"unterminated",
        "(userName eq \"alice\"",
        "userName eq \"alice\")",
        "userName eq \"alice\" and",
        "and userName eq \"alice\"",
        "not userName eq \"alice\"",
        "emails[type eq \"work\"]]",
        "emails[]",
        "emails[type eq \"work\"].value",
        "userName eq alice",
        "userName eq 'alice'",
        "\"alice\" eq userName",
        "userName eq \"a\" bogus",
        "!!!",
      })
  void aFilterThatCannotBeParsedIsInvalidFilter(String filter) {
    ScimSamples.assertBadRequest(
        () -> ScimFilters.parse(filter), BadRequestException.INVALID_FILTER);
  }

  @Test
  void aFilterLongerThan4096CharactersIsRefusedBeforeParsing() throws Exception {
    String prefix = "userName eq \"";
    String fits = prefix + "a".repeat(4096 - prefix.length() - 1) + "\"";
    assertThat(fits).hasSize(4096);
    assertThat(ScimFilters.parse(fits).getFilterType()).isEqualTo(FilterType.EQUAL);

    String tooLong = prefix + "a".repeat(4096 - prefix.length()) + "\"";
    assertThatThrownBy(() -> ScimFilters.parse(tooLong))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.getScimError().getScimType())
                  .isEqualTo(BadRequestException.INVALID_FILTER);
              assertThat(e.getMessage()).contains("longer than 4096");
            });
  }
}
