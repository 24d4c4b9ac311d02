package dev.companysso.mappers.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RuleTableTest {

  private static List<Map.Entry<String, String>> rows(String... patternsAndTargets) {
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < patternsAndTargets.length; i += 2) {
      rows.add(Map.entry(patternsAndTargets[i], patternsAndTargets[i + 1]));
    }
    return rows;
  }

  private static List<Integer> matched(RuleTable table, String... groups) {
    return table.matching(List.of(groups)).stream().map(GroupRule::number).toList();
  }

  @Test
  @DisplayName("Exact, glob and regex rules match whole group values, in table order")
  void matchesByKind() throws Exception {
    RuleTable table =
        RuleTable.parse(
            rows(
                "Engineering", "developer",
                "glob:site-*", "onsite",
                "regex:^team-(red|blue)$", "teamer",
                "glob:?ales", "sales"));

    assertThat(matched(table, "Engineering")).containsExactly(1);
    assertThat(matched(table, "engineering", "Engineering-old")).isEmpty();
    assertThat(matched(table, "site-berlin", "team-blue", "Sales")).containsExactly(2, 3, 4);
    assertThat(matched(table, "team-green", "xsite-berlin", "Saless")).isEmpty();
  }

  @Test
  @DisplayName("A regex with an alternation is tried on every group, not only a prefix range")
  void alternationHasNoPrefix() throws Exception {
    RuleTable table = RuleTable.parse(rows("regex:^admins|.*-owners", "owner"));

    assertThat(matched(table, "billing-owners")).containsExactly(1);
    assertThat(matched(table, "admins")).containsExactly(1);
  }

  @Test
  @DisplayName("A quantified last literal is not part of the prefix: ^ab?c matches ac")
  void optionalLastLiteral() throws Exception {
    RuleTable table = RuleTable.parse(rows("regex:^ab?c", "x", "glob:a?c*", "y"));

    assertThat(matched(table, "ac")).containsExactly(1);
    assertThat(matched(table, "abc")).containsExactly(1, 2);
  }

  @Test
  @DisplayName("Regex metacharacters in a glob are literal")
  void globQuotesRegexCharacters() throws Exception {
    RuleTable table = RuleTable.parse(rows("glob:a.b(*)", "x"));

    assertThat(matched(table, "a.b(1)")).containsExactly(1);
    assertThat(matched(table, "axb(1)")).isEmpty();
  }

  @Test
  @DisplayName("Targets are split on commas and trimmed")
  void targets() throws Exception {
    RuleTable table = RuleTable.parse(rows(" Engineering ", " developer , billing.admin ,"));

    assertThat(table.rules().get(0).targets()).containsExactly("developer", "billing.admin");
    assertThat(table.rules().get(0).pattern()).isEqualTo("Engineering");
  }

  @Test
  @DisplayName("A bad table is refused with every problem, each naming its rule")
  void refusesBadTable() {
    assertThatThrownBy(
            () ->
                RuleTable.parse(
                    rows(
                        "Engineering", "developer",
                        "regex:[a-z", "x",
                        "", "y",
                        "Sales", " ",
                        "Engineering", "support",
                        "glob:", "z")))
        .isInstanceOfSatisfying(
            RuleTableException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "Rule 2 (regex:[a-z): [a-z is not a valid regular expression (missing"
                            + " closing ]).",
                        "Rule 3 is incomplete: it needs a group pattern and at least one target.",
                        "Rule 4 is incomplete: it needs a group pattern and at least one target"
                            + " (pattern Sales).",
                        "Rule 5 (Engineering) repeats rule 1: put all its targets into one rule.",
                        "Rule 6 (glob:): the pattern after glob: is empty."));
  }

  @Test
  @DisplayName("At login, a bad rule is skipped and reported; the good ones still apply")
  void lenientSkipsBadRules() {
    List<String> skipped = new ArrayList<>();
    RuleTable table =
        RuleTable.parseLenient(
            rows("regex:(", "x", "Engineering", "developer", "Engineering", "other"), skipped);

    assertThat(matched(table, "Engineering")).containsExactly(2);
    assertThat(skipped).hasSize(2);
    assertThat(skipped.get(0)).startsWith("Rule 1 (regex:()");
    assertThat(skipped.get(1)).isEqualTo("Rule 3 (Engineering) repeats an earlier rule.");
  }

  @Test
  @DisplayName("The stored form is the admin console's key/value list; anything else is refused")
  void storedForm() throws Exception {
    RuleTable table =
        RuleTableConfig.strict(
            "[{\"key\":\"Engineering\",\"value\":\"developer\"},{\"key\":\"glob:ops-*\",\"value\":\"ops\"}]");

    assertThat(matched(table, "ops-eu")).containsExactly(2);
    assertThat(RuleTableConfig.strict(null).rules()).isEmpty();
    assertThatThrownBy(() -> RuleTableConfig.strict("{\"Engineering\": \"developer\"}"))
        .isInstanceOf(RuleTableException.class)
        .hasMessageContaining("JSON list");
  }

  @Test
  @DisplayName("1,000 groups against 200 rules: every kind of rule still finds its group")
  void largeClaim() throws Exception {
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String pattern =
          i % 20 == 0
              ? "regex:^dept-" + i + "-.*"
              : i % 5 == 0 ? "glob:site-" + i + "-*" : "grp-" + i;
      rows.add(Map.entry(pattern, "role-" + i));
    }
    RuleTable table = RuleTable.parse(rows);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      groups.add("grp-" + (i * 7));
    }
    groups.add("site-15-berlin");
    groups.add("dept-40-sales");

    assertThat(table.matching(groups).stream().map(GroupRule::number))
        .contains(16, 41)
        // 23 exact rules (multiples of 7 below 200 that are not multiples of 5), a glob, a regex
        .hasSize(25);
  }

  /**
   * Patterns that make a backtracking engine run for hours on these values (nested quantifiers,
   * many wildcards before a missing literal). The timeout is far above what a linear engine needs
   * and far below what backtracking needs, so it fails only on a return to backtracking.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("Catastrophic regex and glob rules match long attacker values in linear time")
  void linearTime() throws RuleTableException {
    RuleTable table =
        RuleTable.parse(
            rows(
                "regex:^(.*a){25}$", "a",
                "regex:^(a|aa)+$", "b",
                "glob:*-*-*-*-*-*-*-*-*-*-*x", "c"));

    assertThat(matched(table, "a".repeat(60) + "!", "a".repeat(1_000) + "!", "-".repeat(1_000)))
        .isEmpty();
    assertThat(matched(table, "a".repeat(25), "-".repeat(20) + "x")).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("Backreferences and lookaround are refused with a message saying so")
  void unsupportedSyntax() {
    assertThatThrownBy(() -> RuleTable.parse(rows("regex:(a)\\1", "x", "regex:(?=a)a", "y")))
        .isInstanceOfSatisfying(
            RuleTableException.class,
            e ->
                assertThat(e.problems())
                    .allSatisfy(
                        problem ->
                            assertThat(problem)
                                .endsWith("; backreferences and lookaround are not supported).")));
  }
}
