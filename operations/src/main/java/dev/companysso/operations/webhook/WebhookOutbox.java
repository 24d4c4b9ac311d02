package dev.companysso.operations.webhook;

import dev.companysso.core.KeycloakFeatures;
import dev.companysso.core.events.CompanyEvent;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.util.JsonSerialization;

/**
 * Writes each company event into the outbox, one delivery per subscription that wants it, in the
 * session and transaction of the change: what is rolled back is never told, what is committed is
 * never lost. Forgets the subscriptions of a realm or company that is removed.
 */
final class WebhookOutbox implements ProviderEventListener {

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof CompanyEvent company) {
      enqueue(company);
    } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
      Webhooks.forgetRealm(em(removed.getKeycloakSession()), removed.getRealm().getId());
    } else if (KeycloakFeatures.ORGANIZATION_REMOVED_EVENT.available()
        && event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
      // Before Keycloak 26.6 a removed company's subscriptions stay until the realm goes; no event
      // of the company can reach them.
      Webhooks.forgetCompany(em(removed.getKeycloakSession()), removed.getOrganization().getId());
    }
  }

  private static EntityManager em(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  private static void enqueue(CompanyEvent event) {
    List<WebhookEntity> subscribed =
        new Webhooks(event.session(), event.realm()).subscribedTo(event.company(), event.type());
    if (subscribed.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    String payload = payload(event, now);
    WebhookDeliveries deliveries = new WebhookDeliveries(event.session(), event.realm());
    subscribed.forEach(webhook -> deliveries.enqueue(webhook, event.type(), payload, now));
  }

  /** The Standard Webhooks body: {@code type}, {@code timestamp}, {@code data}. */
  private static String payload(CompanyEvent event, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("realm", event.realm().getName());
    data.putAll(event.data());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", event.type());
    body.put("timestamp", now.toString());
    body.put("data", data);
    try {
      return JsonSerialization.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
