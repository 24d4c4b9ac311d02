package dev.companysso.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Turns roles per company on for a realm ({@link CompanyRoles}) and moves the grants companies made
 * realm-wide before into the company that made them: for each person in exactly one company, the
 * roles that company gives (its default roles, {@code Owner}, and what its group tables record
 * having granted) leave {@code realm_access} and go to the membership. A person in several
 * companies keeps them realm-wide, where they still count in each company: which company granted
 * what cannot be told. Nothing else a person holds is touched.
 */
public final class RolesPerCompanySwitch {

  /** What the switch did; {@code keptRealmWide} names the people in several companies. */
  public record Outcome(int moved, int people, List<String> keptRealmWide) {}

  /** How many names the outcome lists at most. */
  static final int LISTED = 100;

  private RolesPerCompanySwitch() {}

  public static Outcome turnOn(KeycloakSession session, RealmModel realm) {
    realm.setAttribute(CompanyRoles.PER_COMPANY, "true");
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    int moved = 0;
    int people = 0;
    List<String> kept = new ArrayList<>();
    for (OrganizationModel company : organizations.getAllStream().toList()) {
      Set<String> ledgers = tableLedgers(session, company);
      Set<String> given = new LinkedHashSet<>(DefaultRoles.of(company, List.of()));
      given.add(DefaultRoles.OWNER);
      for (UserModel user :
          organizations.getMembersStream(company, (String) null, null, -1, -1).toList()) {
        Set<String> names = new LinkedHashSet<>(given);
        ledgers.forEach(ledger -> names.addAll(user.getAttributeStream(ledger).toList()));
        List<RoleModel> held =
            names.stream()
                .map(name -> KeycloakModelUtils.getRoleFromString(realm, name))
                .filter(role -> role != null && user.hasDirectRole(role))
                .toList();
        if (held.isEmpty()) {
          continue;
        }
        if (organizations.getByMember(user).limit(2).count() > 1) {
          if (kept.size() < LISTED && !kept.contains(user.getUsername())) {
            kept.add(user.getUsername());
          }
          continue;
        }
        held.forEach(role -> CompanyRoles.moveIntoCompany(user, company, role));
        moved += held.size();
        people++;
      }
    }
    return new Outcome(moved, people, List.copyOf(kept));
  }

  /** New grants go realm-wide again; roles already held in a company keep counting there. */
  public static void turnOff(RealmModel realm) {
    realm.setAttribute(CompanyRoles.PER_COMPANY, "false");
  }

  /** The user attributes in which the company's group-to-role tables record their grants. */
  private static Set<String> tableLedgers(KeycloakSession session, OrganizationModel company) {
    Set<String> ledgers = new LinkedHashSet<>();
    Companies.ruleTables(session, company)
        .filter(table -> ProviderIds.GROUP_ROLE_MAPPER.equals(table.getIdentityProviderMapper()))
        .forEach(table -> ledgers.add(CompanyRoles.TABLE_LEDGER_PREFIX + table.getId()));
    return ledgers;
  }
}
