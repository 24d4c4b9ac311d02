package dev.companysso.mappers;

import dev.companysso.mappers.rules.GroupRule;
import dev.companysso.mappers.rules.RuleTable;
import dev.companysso.mappers.sync.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.UserModel;

/**
 * A table run as the next login would run it, without changing anything: who gains and who loses
 * which target, and which rule grants each. Follows {@code GrantSync}: a loss is only what this
 * mapper granted and no other table co-owns, never a baseline role, and nothing when the person's
 * groups are known only in part.
 */
public final class TablePreview<T> {

  /** What one person's next login would change. */
  public record Change(UserModel user, List<String> gains, List<String> losses, boolean partial) {}

  /** A target the table grants a person, and the rules that grant it. */
  public record Grant(String target, boolean held, List<Reason> reasons) {}

  /** A rule (its number and pattern) and the person's group values it matched. */
  public record Reason(int rule, String pattern, List<String> matched) {}

  private final TargetKind<T> kind;
  private final String mapperId;
  private final Set<String> protectedTargets;
  private final RuleTable table;

  TablePreview(TargetKind<T> kind, String mapperId, Set<String> protectedTargets, RuleTable table) {
    this.kind = kind;
    this.mapperId = mapperId;
    this.protectedTargets = protectedTargets;
    this.table = table;
  }

  /** The person's change under the table, empty when nothing would change. */
  public Optional<Change> changeFor(UserModel user, List<String> groups, boolean complete) {
    Set<String> granted = granted(groups);
    List<String> gains = granted.stream().filter(name -> !holds(user, name)).toList();
    List<String> losses =
        complete
            ? ledger(user, kind.ledgerPrefix() + mapperId).stream()
                .filter(name -> !granted.contains(name))
                .filter(name -> !protectedTargets.contains(name))
                .filter(name -> !coOwned(user, name))
                .toList()
            : List.of();
    if (gains.isEmpty() && losses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Change(user, gains, losses, !complete));
  }

  /** Each target the table grants the person, and why. */
  public List<Grant> explain(UserModel user, List<String> groups) {
    Map<String, List<Reason>> reasons = new LinkedHashMap<>();
    for (GroupRule rule : table.matching(groups)) {
      List<String> matched =
          groups.stream().filter(value -> table.matching(List.of(value)).contains(rule)).toList();
      for (String target : rule.targets()) {
        reasons
            .computeIfAbsent(target, t -> new ArrayList<>())
            .add(new Reason(rule.number(), rule.pattern(), matched));
      }
    }
    List<Grant> grants = new ArrayList<>();
    reasons.forEach((target, why) -> grants.add(new Grant(target, holds(user, target), why)));
    return grants;
  }

  private Set<String> granted(List<String> groups) {
    Set<String> granted = new LinkedHashSet<>();
    table.matching(groups).forEach(rule -> granted.addAll(rule.targets()));
    return granted;
  }

  private boolean holds(UserModel user, String name) {
    T target = kind.find(name);
    return target != null && kind.holds(user, target);
  }

  private boolean coOwned(UserModel user, String name) {
    String own = kind.ledgerPrefix() + mapperId;
    return user.getAttributes().entrySet().stream()
        .filter(a -> a.getKey().startsWith(kind.ledgerPrefix()) && !a.getKey().equals(own))
        .anyMatch(a -> a.getValue().contains(name));
  }

  private static List<String> ledger(UserModel user, String attribute) {
    return user.getAttributeStream(attribute).toList();
  }
}
