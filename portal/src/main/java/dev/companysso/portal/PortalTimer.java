package dev.companysso.portal;

import java.time.Duration;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;

/** The portal's background work on Keycloak's timer: each node runs it once an interval. */
public final class PortalTimer {

  private PortalTimer() {}

  public static void every(
      KeycloakSessionFactory factory, Duration interval, String name, Runnable task) {
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session ->
            session.getProvider(TimerProvider.class).schedule(task, interval.toMillis(), name));
  }
}
