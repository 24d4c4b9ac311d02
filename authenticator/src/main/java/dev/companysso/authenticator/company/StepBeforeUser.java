package dev.companysso.authenticator.company;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An authenticator that may run before anyone is identified, for every person, and sets nothing up
 * for them: what the bundle's redirecting steps share.
 */
public abstract class StepBeforeUser implements Authenticator {

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // none
  }

  @Override
  public void close() {
    // nothing held
  }
}
