package dev.companysso.portal.health;

import dev.companysso.portal.PortalTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Checks every company's identity provider and sends due expiry warnings, on each node's timer. A
 * provider checked within the last half interval (by another node, or by a "check now") is not
 * checked again; each company runs in a transaction of its own, so one company's trouble spares the
 * rest.
 */
public final class HealthSchedule implements Runnable {

  private static final Logger LOG = Logger.getLogger(HealthSchedule.class);
  private static final String TASK = "company-sso-connection-health";

  private final KeycloakSessionFactory factory;
  private final Duration interval;

  private HealthSchedule(KeycloakSessionFactory factory, Duration interval) {
    this.factory = factory;
    this.interval = interval;
  }

  public static void schedule(KeycloakSessionFactory factory, Duration interval) {
    PortalTimer.every(factory, interval, TASK, new HealthSchedule(factory, interval));
  }

  /** A company to look at, and whether its provider is due for a check. */
  private record Due(String realmId, String companyId, boolean check) {}

  @Override
  public void run() {
    Instant due = Instant.now().minus(interval.dividedBy(2));
    List<Due> companies =
        KeycloakModelUtils.runJobInTransactionWithResult(
            factory,
            session ->
                session
                    .realms()
                    .getRealmsStream()
                    .filter(RealmModel::isOrganizationsEnabled)
                    .flatMap(
                        realm -> {
                          session.getContext().setRealm(realm);
                          var healths = new ConnectionHealths(session, realm);
                          return session
                              .getProvider(OrganizationProvider.class)
                              .getAllStream()
                              .filter(OrganizationModel::isEnabled)
                              .map(
                                  c ->
                                      new Due(
                                          realm.getId(),
                                          c.getId(),
                                          HealthChecks.checkable(c).isPresent()
                                              && healths
                                                  .of(c)
                                                  .checkedAt()
                                                  .map(at -> at.isBefore(due))
                                                  .orElse(true)))
                              .toList()
                              .stream();
                        })
                    .toList());
    for (Due company : companies) {
      try {
        KeycloakModelUtils.runJobInTransaction(
            factory,
            session -> {
              RealmModel realm = session.realms().getRealm(company.realmId());
              session.getContext().setRealm(realm);
              OrganizationModel model =
                  session.getProvider(OrganizationProvider.class).getById(company.companyId());
              if (model != null) {
                if (company.check()) {
                  new HealthChecks(session, realm).check(model);
                }
                new ExpiryWarnings(session, realm).send(model, Instant.now());
              }
            });
      } catch (RuntimeException e) {
        LOG.warnf(e, "Health: checking company %s failed; it runs again in %s", company, interval);
      }
    }
  }
}
