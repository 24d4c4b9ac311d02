package dev.companysso.operations.webhook;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

/** Starts webhooks on a node: the outbox listening to company events, the dispatcher's timer. */
public final class WebhookStartup {

  private WebhookStartup() {}

  public static void start(KeycloakSessionFactory factory) {
    factory.register(new WebhookOutbox());
    // The outbox's table exists once Keycloak's migration has run; before, every look would fail.
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            WebhookDispatcher.schedule(factory);
          }
        });
  }
}
