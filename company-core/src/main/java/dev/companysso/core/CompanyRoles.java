package dev.companysso.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;

/**
 * Roles a person holds in one company: kept with their membership, so that a consultant can be
 * {@code Owner} of Acme and {@code Worker} of Contoso. A realm role granted realm-wide holds in
 * every company the person belongs to (which is how grants made before roles per company keep
 * working); a role held in a company is not a realm role and never reaches {@code realm_access}.
 *
 * <p>A company's grants (first login, directory sync, SCIM, its group tables) go to the membership
 * when the realm attribute {@link #PER_COMPANY} is {@code true}, and realm-wide otherwise: apps
 * that read {@code realm_access} keep working until the realm's owner switches.
 *
 * <p>Held in a user attribute per company ({@link #PREFIX} + organization id) naming each role as
 * the rule tables do ({@code Worker}, {@code billing-app.admin}); it goes when the person leaves
 * the company ({@link #forget}), so a person who comes back does not find old grants.
 */
public final class CompanyRoles {

  /** Realm attribute: {@code true} when companies grant roles per company. */
  public static final String PER_COMPANY = "companySso.rolesPerCompany";

  /** User attribute prefix; the organization id follows. */
  public static final String PREFIX = "companySso.companyRoles.";

  /**
   * User attribute prefix of a group-to-role table's record of the roles it granted; the mapper id
   * follows.
   */
  public static final String TABLE_LEDGER_PREFIX = "companySso.roles.";

  private final RealmModel realm;
  private final OrganizationModel company;

  private CompanyRoles(RealmModel realm, OrganizationModel company) {
    this.realm = realm;
    this.company = company;
  }

  /**
   * Where {@code company} writes its grants in {@code realm}.
   *
   * @param company the company granting, or null for a provider linked to none (realm-wide)
   */
  public static CompanyRoles grantedBy(RealmModel realm, OrganizationModel company) {
    return new CompanyRoles(realm, company);
  }

  public static boolean perCompany(RealmModel realm) {
    return Boolean.parseBoolean(realm.getAttribute(PER_COMPANY));
  }

  /** Whether this company's grants go to the membership rather than realm-wide. */
  public boolean scoped() {
    return company != null && perCompany(realm);
  }

  /** Whether the grant this company would make is there, not through a group or a composite. */
  public boolean holdsDirectly(UserModel user, RoleModel role) {
    return scoped() ? namesIn(user, company).contains(qualifier(role)) : user.hasDirectRole(role);
  }

  public void grant(UserModel user, RoleModel role) {
    if (!scoped()) {
      user.grantRole(role);
      return;
    }
    Set<String> names = namesIn(user, company);
    if (names.add(qualifier(role))) {
      user.setAttribute(attribute(company), List.copyOf(names));
    }
  }

  public void revoke(UserModel user, RoleModel role) {
    if (!scoped()) {
      user.deleteRoleMapping(role);
      return;
    }
    Set<String> names = namesIn(user, company);
    if (names.remove(qualifier(role))) {
      write(user, company, names);
    }
  }

  /**
   * Whether {@code user} holds {@code role} in {@code company}: realm-wide (directly, through a
   * group or a composite) or in the company (directly or through a composite).
   */
  public static boolean holds(
      RealmModel realm, UserModel user, OrganizationModel company, RoleModel role) {
    return user.hasRole(role)
        || roles(realm, user, company).anyMatch(held -> held.equals(role) || held.hasRole(role));
  }

  /** The roles {@code user} holds in {@code company} only, with what their composites contain. */
  public static Set<RoleModel> effective(
      RealmModel realm, UserModel user, OrganizationModel company) {
    return RoleUtils.expandCompositeRoles(
        new LinkedHashSet<>(roles(realm, user, company).toList()));
  }

  /** The roles held in the company only; a name whose role was deleted is left out. */
  public static Stream<RoleModel> roles(
      RealmModel realm, UserModel user, OrganizationModel company) {
    return namesIn(user, company).stream()
        .map(name -> KeycloakModelUtils.getRoleFromString(realm, name))
        .filter(Objects::nonNull);
  }

  /**
   * Moves a realm-wide grant into the company, for the switch to roles per company; nothing happens
   * when the person does not hold it realm-wide.
   */
  public static boolean moveIntoCompany(UserModel user, OrganizationModel company, RoleModel role) {
    if (!user.hasDirectRole(role)) {
      return false;
    }
    Set<String> names = namesIn(user, company);
    names.add(qualifier(role));
    write(user, company, names);
    user.deleteRoleMapping(role);
    return true;
  }

  /**
   * Makes {@code roles} exactly what the person holds in {@code company}, whatever the realm's
   * setting (an admin's choice); returns their names.
   */
  public static List<String> replace(
      UserModel user, OrganizationModel company, List<RoleModel> roles) {
    Set<String> names = new LinkedHashSet<>();
    roles.forEach(role -> names.add(qualifier(role)));
    write(user, company, names);
    return List.copyOf(names);
  }

  /** Drops every role the person held in {@code company}: they left it. */
  public static void forget(UserModel user, OrganizationModel company) {
    user.removeAttribute(attribute(company));
  }

  /** How a role is named in tables and here: {@code Worker}, {@code billing-app.admin}. */
  public static String qualifier(RoleModel role) {
    return role.isClientRole()
        ? ((ClientModel) role.getContainer()).getClientId() + '.' + role.getName()
        : role.getName();
  }

  private static Set<String> namesIn(UserModel user, OrganizationModel company) {
    return new LinkedHashSet<>(user.getAttributeStream(attribute(company)).toList());
  }

  private static void write(UserModel user, OrganizationModel company, Set<String> names) {
    if (names.isEmpty()) {
      user.removeAttribute(attribute(company));
    } else {
      user.setAttribute(attribute(company), List.copyOf(names));
    }
  }

  private static String attribute(OrganizationModel company) {
    return PREFIX + company.getId();
  }
}
