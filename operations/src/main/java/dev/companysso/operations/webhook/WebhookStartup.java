package dev.companysso.operations.webhook;

import org.keycloak.models.KeycloakSessionFactory;

/** Starts webhooks on a node: the outbox listening to company events, the dispatcher's timer. */
public final class WebhookStartup {

  private WebhookStartup() {}

  public static void start(KeycloakSessionFactory factory) {
    factory.register(new WebhookOutbox());
    WebhookDispatcher.schedule(factory);
  }
}
