package dev.companysso.authenticator.access;

import com.google.auto.service.AutoService;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmModel.RealmPostCreateEvent;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * {@code company-app-access}: the company access check as a required action. It registers itself,
 * enabled, in every realm that does not have it (at start-up and when a realm is created or
 * imported), so that an app's company policy holds without a step an admin could forget; an admin
 * who disables it in a realm keeps it disabled.
 */
@AutoService(RequiredActionFactory.class)
public final class CompanyAppAccessRequiredActionFactory implements RequiredActionFactory {

  public static final String ID = "company-app-access";

  private static final Logger LOG = Logger.getLogger(CompanyAppAccessRequiredActionFactory.class);
  private static final CompanyAppAccessRequiredAction ACTION = new CompanyAppAccessRequiredAction();

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayText() {
    return "Company app access";
  }

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return ACTION;
  }

  @Override
  public void init(Config.Scope config) {
    // no server-wide settings
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(
                factory, session -> session.realms().getRealmsStream().forEach(r -> register(r)));
          } else if (event instanceof RealmPostCreateEvent created) {
            register(created.getCreatedRealm());
          }
        });
  }

  /**
   * Registers the action in one realm in a transaction of its own: nodes of a cluster that start
   * together may both try, and the one that loses must neither fail its start nor the other realms.
   */
  private static void registerAtStart(KeycloakSessionFactory factory, String realmId) {
    try {
      KeycloakModelUtils.runJobInTransaction(
          factory, session -> register(session.realms().getRealm(realmId)));
    } catch (RuntimeException e) {
      boolean registered =
          KeycloakModelUtils.runJobInTransactionWithResult(
              factory,
              session ->
                  session.realms().getRealm(realmId).getRequiredActionProviderByAlias(ID) != null);
      if (registered) {
        LOG.debugf("Company app access: another node registered it in realm %s", realmId);
      } else {
        LOG.warnf(e, "Company app access: could not register it in realm %s", realmId);
      }
    }
  }

  private static void register(RealmModel realm) {
    if (realm.getRequiredActionProviderByAlias(ID) != null) {
      return;
    }
    RequiredActionProviderModel action = new RequiredActionProviderModel();
    action.setAlias(ID);
    action.setProviderId(ID);
    action.setName("Company app access");
    action.setEnabled(true);
    action.setDefaultAction(false);
    action.setPriority(10);
    realm.addRequiredActionProvider(action);
    LOG.infof("Company app access: registered in realm %s", realm.getName());
  }

  @Override
  public void close() {
    // nothing held
  }
}
