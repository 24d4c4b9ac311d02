package dev.companysso.mappers.grouprole;

import dev.companysso.mappers.sync.TargetKind;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Realm roles ({@code developer}) and client roles ({@code billing-app.admin}) as targets. */
final class RoleTargets implements TargetKind<RoleModel> {

  /** Prefix of the user attribute listing the roles one mapper granted. */
  static final String LEDGER_PREFIX = "companySso.roles.";

  private final KeycloakSession session;
  private final RealmModel realm;

  RoleTargets(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  @Override
  public String ledgerPrefix() {
    return LEDGER_PREFIX;
  }

  @Override
  public String describe(String name) {
    return "role '" + name + "'";
  }

  @Override
  public RoleModel find(String name) {
    return KeycloakModelUtils.getRoleFromString(session, realm, name);
  }

  @Override
  public boolean holds(UserModel user, RoleModel role) {
    return user.hasDirectRole(role);
  }

  @Override
  public void give(UserModel user, RoleModel role) {
    user.grantRole(role);
  }

  @Override
  public void take(UserModel user, RoleModel role) {
    user.deleteRoleMapping(role);
  }
}
