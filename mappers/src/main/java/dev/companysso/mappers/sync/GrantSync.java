package dev.companysso.mappers.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.keycloak.models.UserModel;

/**
 * Brings a user's roles or groups in line with what a mapper's table grants today, touching only
 * what that mapper granted before.
 *
 * <p>Each mapper's grants are kept in a user attribute (its ledger, prefix + mapper id). A target
 * the user already held when a rule first matched was given by someone else (an admin, another kind
 * of mapper, first-login provisioning) and is never recorded, so never removed, unless another
 * table mapper's ledger holds it: then both own it, and it goes only when neither grants it. That
 * makes the result the same whatever order Keycloak runs the mappers in. A protected target (the
 * company's baseline role) is never removed.
 */
public final class GrantSync<T> {

  private final TargetKind<T> kind;
  private final Predicate<String> mapperExists;

  /**
   * @param mapperExists whether a mapper id still names a mapper whose grants count with this one's
   *     ({@link TargetKind#sharesGrantsWith}): the ledger of a deleted mapper, or of another
   *     company's, co-owns nothing
   */
  public GrantSync(TargetKind<T> kind, Predicate<String> mapperExists) {
    this.kind = kind;
    this.mapperExists = mapperExists;
  }

  /**
   * @param granted the targets the table grants now, by the names written in the table
   * @param removeStale false when the user's groups are not known (an Entra overage claim with no
   *     list): then nothing is removed
   * @return what changed, and the targets that do not exist
   */
  public Outcome apply(
      UserModel user,
      String mapperId,
      Collection<String> granted,
      Set<String> protectedTargets,
      boolean removeStale) {
    String attribute = kind.ledgerPrefix() + mapperId;
    Set<String> ledger = new LinkedHashSet<>(user.getAttributeStream(attribute).toList());
    Set<String> otherLedgers = otherLedgers(user, attribute);
    Set<String> nextLedger = new LinkedHashSet<>();
    Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    for (String name : new LinkedHashSet<>(granted)) {
      T target = kind.findOrCreate(name);
      if (target == null) {
        outcome.missing().add(name);
      } else if (!kind.holds(user, target)) {
        kind.give(user, target);
        outcome.given().add(name);
        nextLedger.add(name);
      } else if (ledger.contains(name) || otherLedgers.contains(name)) {
        nextLedger.add(name);
      }
    }
    for (String name : ledger) {
      if (nextLedger.contains(name) || granted.contains(name)) {
        continue;
      }
      if (!removeStale) {
        nextLedger.add(name);
        continue;
      }
      T target = kind.find(name);
      if (target != null
          && !protectedTargets.contains(name)
          && !otherLedgers.contains(name)
          && kind.holds(user, target)) {
        kind.take(user, target);
        outcome.taken().add(name);
      }
    }
    if (!nextLedger.equals(ledger)) {
      if (nextLedger.isEmpty()) {
        user.removeAttribute(attribute);
      } else {
        user.setAttribute(attribute, List.copyOf(nextLedger));
      }
    }
    return outcome;
  }

  private Set<String> otherLedgers(UserModel user, String ownAttribute) {
    Set<String> held = new HashSet<>();
    for (Map.Entry<String, List<String>> attribute : user.getAttributes().entrySet()) {
      String name = attribute.getKey();
      if (name.startsWith(kind.ledgerPrefix())
          && !name.equals(ownAttribute)
          && mapperExists.test(name.substring(kind.ledgerPrefix().length()))) {
        held.addAll(attribute.getValue());
      }
    }
    return held;
  }

  /** Names as written in the table. */
  public record Outcome(List<String> given, List<String> taken, List<String> missing) {}
}
