package dev.companysso.authenticator.discovery;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The company discovery steps run before anyone is known and hold no state of their own. */
abstract class CompanyStepAuthenticator implements Authenticator {

  @Override
  public final boolean requiresUser() {
    return false;
  }

  @Override
  public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public final void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public final void close() {}
}
