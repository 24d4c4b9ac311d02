package dev.companysso.mappers.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed mapping table: which rules match a user's groups.
 *
 * <p>Built for large claims (1,000 groups) and tables (200 rules): exact rules are one hash lookup
 * per group; a glob or regex rule with a literal start is tried only on the groups in that range of
 * the sorted claim, and stops at its first match.
 */
public final class RuleTable {

  private final List<GroupRule> rules;
  private final Map<String, List<GroupRule>> exactRules = new HashMap<>();
  private final List<PatternRule> patternRules = new ArrayList<>();

  private RuleTable(List<GroupRule> rules) {
    this.rules = List.copyOf(rules);
    for (GroupRule rule : rules) {
      if (rule.kind() == MatchKind.EXACT) {
        exactRules.computeIfAbsent(rule.exactValue(), value -> new ArrayList<>()).add(rule);
      } else {
        patternRules.add(new PatternRule(rule, rule.compiled(), rule.literalPrefix()));
      }
    }
  }

  /**
   * Reads the table's rows (pattern and comma-separated targets, in order) and refuses it with
   * every problem found: an empty pattern or target list, a duplicate pattern, a bad regex.
   */
  public static RuleTable parse(List<Map.Entry<String, String>> rows) throws RuleTableException {
    List<String> problems = new ArrayList<>();
    List<GroupRule> rules = new ArrayList<>();
    Map<String, Integer> firstRowOfPattern = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      int number = i + 1;
      String pattern = trim(rows.get(i).getKey());
      List<String> targets = splitTargets(rows.get(i).getValue());
      if (pattern.isEmpty() || targets.isEmpty()) {
        problems.add(
            "Rule "
                + number
                + " is incomplete: it needs a group pattern and at least one target"
                + (pattern.isEmpty() ? "." : " (pattern " + pattern + ")."));
        continue;
      }
      Integer earlier = firstRowOfPattern.putIfAbsent(pattern, number);
      if (earlier != null) {
        problems.add(
            "Rule "
                + number
                + " ("
                + pattern
                + ") repeats rule "
                + earlier
                + ": put all its targets into one rule.");
        continue;
      }
      GroupRule rule = new GroupRule(number, pattern, MatchKind.of(pattern), targets);
      try {
        rule.compiled();
      } catch (PatternSyntaxException e) {
        problems.add(
            rule.label()
                + ": "
                + rule.kind().body(pattern)
                + " is not a valid regular expression ("
                + e.getDescription()
                + (e.getDescription().contains("unsupported")
                        || e.getDescription().contains("escape")
                    ? "; backreferences and lookaround are not supported"
                    : "")
                + ").");
        continue;
      }
      if (rule.kind() != MatchKind.EXACT && rule.kind().body(pattern).isEmpty()) {
        problems.add(
            rule.label()
                + ": the pattern after "
                + rule.kind().name().toLowerCase()
                + ": is empty.");
        continue;
      }
      rules.add(rule);
    }
    if (!problems.isEmpty()) {
      throw new RuleTableException(problems);
    }
    return new RuleTable(rules);
  }

  /**
   * Reads what can be read and skips the rest: for login, where a table saved by realm import
   * (which no validation sees) must not lock users out. The skipped problems are reported.
   */
  public static RuleTable parseLenient(
      List<Map.Entry<String, String>> rows, Collection<String> skipped) {
    List<GroupRule> rules = new ArrayList<>();
    Set<String> patterns = new LinkedHashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      String number = "Rule " + (i + 1);
      try {
        RuleTable one = parse(List.of(rows.get(i)));
        GroupRule rule = one.rules.get(0);
        if (patterns.add(rule.pattern())) {
          rules.add(new GroupRule(i + 1, rule.pattern(), rule.kind(), rule.targets()));
        } else {
          skipped.add(number + " (" + rule.pattern() + ") repeats an earlier rule.");
        }
      } catch (RuleTableException e) {
        e.problems().forEach(problem -> skipped.add(problem.replaceFirst("^Rule 1\\b", number)));
      }
    }
    return new RuleTable(rules);
  }

  public List<GroupRule> rules() {
    return rules;
  }

  /** The rules that match at least one of the groups, in table order. */
  public List<GroupRule> matching(Collection<String> groups) {
    Set<GroupRule> matched = new LinkedHashSet<>();
    for (String group : groups) {
      List<GroupRule> exact = exactRules.get(group);
      if (exact != null) {
        matched.addAll(exact);
      }
    }
    if (!patternRules.isEmpty()) {
      String[] sorted = groups.toArray(String[]::new);
      Arrays.sort(sorted);
      for (PatternRule rule : patternRules) {
        if (rule.matchesAny(sorted)) {
          matched.add(rule.rule());
        }
      }
    }
    List<GroupRule> inTableOrder = new ArrayList<>(matched);
    inTableOrder.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return inTableOrder;
  }

  private static String trim(String text) {
    return text == null ? "" : text.strip();
  }

  private static List<String> splitTargets(String text) {
    List<String> targets = new ArrayList<>();
    for (String target : trim(text).split(",")) {
      if (!target.isBlank()) {
        targets.add(target.strip());
      }
    }
    return targets;
  }

  private record PatternRule(GroupRule rule, Pattern pattern, String prefix) {

    boolean matchesAny(String[] sortedGroups) {
      int from = prefix.isEmpty() ? 0 : lowerBound(sortedGroups, prefix);
      for (int i = from; i < sortedGroups.length; i++) {
        String group = sortedGroups[i];
        if (!group.startsWith(prefix)) {
          return false;
        }
        if (pattern.matcher(group).matches()) {
          return true;
        }
      }
      return false;
    }

    private static int lowerBound(String[] sorted, String key) {
      int index = Arrays.binarySearch(sorted, key);
      return index >= 0 ? index : -index - 1;
    }
  }
}
