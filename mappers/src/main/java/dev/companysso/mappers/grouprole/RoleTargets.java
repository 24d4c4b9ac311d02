package dev.companysso.mappers.grouprole;

import dev.companysso.core.Companies;
import dev.companysso.core.CompanyRoles;
import dev.companysso.mappers.sync.TargetKind;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Realm roles ({@code developer}) and client roles ({@code billing-app.admin}) as targets, granted
 * as the identity provider's company grants roles ({@link CompanyRoles}).
 */
final class RoleTargets implements TargetKind<RoleModel> {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final OrganizationModel company;
  private final CompanyRoles grants;

  /**
   * @param company the company of the mapper's identity provider, or null for one linked to none
   */
  RoleTargets(KeycloakSession session, RealmModel realm, OrganizationModel company) {
    this.session = session;
    this.realm = realm;
    this.company = company;
    this.grants = CompanyRoles.grantedBy(realm, company);
  }

  @Override
  public String ledgerPrefix() {
    return CompanyRoles.TABLE_LEDGER_PREFIX;
  }

  @Override
  public String describe(String name) {
    return "role '" + name + "'";
  }

  @Override
  public RoleModel find(String name) {
    return KeycloakModelUtils.getRoleFromString(realm, name);
  }

  @Override
  public boolean sharesGrantsWith(IdentityProviderMapperModel other) {
    return !grants.scoped() || Companies.ownsMapper(session, realm, company, other);
  }

  @Override
  public boolean holds(UserModel user, RoleModel role) {
    return grants.holdsDirectly(user, role);
  }

  @Override
  public void give(UserModel user, RoleModel role) {
    grants.grant(user, role);
  }

  @Override
  public void take(UserModel user, RoleModel role) {
    grants.revoke(user, role);
  }
}
