package dev.companysso.mappers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.companysso.mappers.GroupClaim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class RuleTableFuzzTest {

  private static final List<String> KINDS = List.of("", "glob:", "regex:");

  /**
   * Whatever patterns an admin saves and whatever group values an IdP or a SCIM client sends
   * (within the claim caps), a table answers without throwing and within a bound far above what
   * linear matching needs: a backtracking engine would blow it on the inputs fuzzing finds.
   */
  @FuzzTest
  void anyTableMatchesAnyClaimInBoundedTime(FuzzedDataProvider data) {
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    int ruleCount = data.consumeInt(1, 20);
    for (int i = 0; i < ruleCount; i++) {
      rows.add(Map.entry(data.pickValue(KINDS) + data.consumeString(200), "role-" + i));
    }
    List<String> values = new ArrayList<>();
    int valueCount = data.consumeInt(0, 50);
    for (int i = 0; i < valueCount; i++) {
      values.add(data.consumeString(GroupClaim.MAX_VALUE_LENGTH));
    }
    RuleTable table = RuleTable.parseLenient(rows, new ArrayList<>());

    long start = System.nanoTime();
    List<GroupRule> matched = table.matching(values);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(matched).hasSizeLessThanOrEqualTo(table.rules().size());
    assertThat(took).isLessThan(Duration.ofSeconds(1));
  }
}
