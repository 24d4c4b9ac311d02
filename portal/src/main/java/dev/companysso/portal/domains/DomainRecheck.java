package dev.companysso.portal.domains;

import dev.companysso.portal.PortalTimer;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Looks every verified domain up again, on each node's timer. Domains another node checked within
 * the last half interval are skipped, so a cluster checks each about once an interval; a check
 * twice is harmless (it only reads DNS and writes when it saw).
 */
public final class DomainRecheck implements Runnable {

  private static final Logger LOG = Logger.getLogger(DomainRecheck.class);
  private static final String TASK = "company-sso-domain-recheck";

  private final KeycloakSessionFactory factory;
  private final DomainSettings settings;

  private DomainRecheck(KeycloakSessionFactory factory, DomainSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  public static void schedule(KeycloakSessionFactory factory, DomainSettings settings) {
    PortalTimer.every(factory, settings.recheck(), TASK, new DomainRecheck(factory, settings));
  }

  @Override
  public void run() {
    List<String> realmIds =
        KeycloakModelUtils.runJobInTransactionWithResult(
            factory,
            session ->
                session
                    .realms()
                    .getRealmsStream()
                    .filter(RealmModel::isOrganizationsEnabled)
                    .map(RealmModel::getId)
                    .toList());
    for (String realmId : realmIds) {
      try {
        recheck(realmId);
      } catch (RuntimeException e) {
        LOG.warnf(
            e,
            "Domains: re-checking realm %s failed; it runs again in %s",
            realmId,
            settings.recheck());
      }
    }
  }

  /** Each realm in a transaction of its own, so one realm's trouble spares the others. */
  private void recheck(String realmId) {
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session -> {
          RealmModel realm = session.realms().getRealm(realmId);
          session.getContext().setRealm(realm);
          int missing =
              settings.verifications(session, realm).recheck(settings.recheck().toMillis() / 2);
          if (missing > 0) {
            LOG.warnf(
                "Domains: %d verified domain(s) of realm %s lost their TXT record",
                missing, realm.getName());
          }
        });
  }
}
