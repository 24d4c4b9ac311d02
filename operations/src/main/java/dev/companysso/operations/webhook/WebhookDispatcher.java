package dev.companysso.operations.webhook;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;

/**
 * Sends the outbox's due deliveries, on every node: Keycloak's timer wakes it every two seconds and
 * it works in its own thread (a slow receiver must not hold Keycloak's timer), claiming a few
 * deliveries at a time, sending each signed, and recording the answer. A node that dies holding a
 * claim loses it after {@link WebhookDeliveries#CLAIM}; then another node sends it.
 */
final class WebhookDispatcher implements Runnable {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final String TASK = "company-sso-webhooks";
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final int BATCH = 20;
  private static final int ROUNDS = 50;
  private static final RequestConfig TIMEOUTS =
      RequestConfig.custom()
          .setConnectTimeout(5_000)
          .setConnectionRequestTimeout(5_000)
          .setSocketTimeout(15_000)
          .build();

  private final KeycloakSessionFactory factory;
  private final Executor executor;
  private final AtomicBoolean running = new AtomicBoolean();

  private WebhookDispatcher(KeycloakSessionFactory factory, Executor executor) {
    this.factory = factory;
    this.executor = executor;
  }

  static void schedule(KeycloakSessionFactory factory) {
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session -> {
          Executor executor = session.getProvider(ExecutorsProvider.class).getExecutor(TASK);
          session
              .getProvider(TimerProvider.class)
              .schedule(new WebhookDispatcher(factory, executor), INTERVAL.toMillis(), TASK);
        });
  }

  @Override
  public void run() {
    if (running.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            try {
              drain();
            } catch (RuntimeException e) {
              LOG.warnf(e, "Webhooks: sending the outbox failed; trying again shortly");
            } finally {
              running.set(false);
            }
          });
    }
  }

  private void drain() {
    for (int round = 0; round < ROUNDS; round++) {
      List<WebhookDeliveries.Claimed> claimed =
          KeycloakModelUtils.runJobInTransactionWithResult(
              factory, session -> WebhookDeliveries.claimDue(em(session), Instant.now(), BATCH));
      if (claimed.isEmpty()) {
        return;
      }
      claimed.forEach(this::send);
    }
  }

  private void send(WebhookDeliveries.Claimed delivery) {
    long timestamp = Instant.now().getEpochSecond();
    Integer status = null;
    String error = null;
    try (KeycloakSession session = factory.create();
        SimpleHttpResponse response =
            SimpleHttp.create(session)
                .withRequestConfig(TIMEOUTS)
                .doPost(delivery.url())
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                    "webhook-signature",
                    WebhookSignature.sign(
                        delivery.secret(), delivery.id(), timestamp, delivery.payload()))
                .entity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON))
                .asResponse()) {
      status = response.getStatus();
      if (status / 100 != 2) {
        error = "HTTP " + status;
      }
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    boolean delivered = error == null;
    if (!delivered) {
      // The URL may carry a receiver's token: the log names the delivery, the admin API the rest.
      LOG.infof(
          "Webhook delivery %s, attempt %d, failed: %s",
          delivery.id(), delivery.attempts() + 1, error);
    }
    Integer response = status;
    String failure = error;
    KeycloakModelUtils.runJobInTransaction(
        factory,
        session ->
            WebhookDeliveries.record(
                em(session), delivery.id(), Instant.now(), response, failure, delivered));
  }

  private static EntityManager em(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
