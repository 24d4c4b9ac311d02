package dev.companysso.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.DevFileDatabase;
import dev.companysso.harness.FreePort;
import dev.companysso.harness.KeycloakDistribution;
import dev.companysso.harness.KeycloakServer;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * The outbox survives a restart: on a copy of the distribution with a database of its own, events
 * raised while the receiver is down are still delivered, once each, after Keycloak stops and starts
 * again. The restart is also an upgrade from a release that did not yet mark the realms that have
 * subscriptions ({@code companySso.webhooks}, which company events consult before they look for
 * subscriptions): the database is put back into that state while Keycloak is down.
 */
class WebhookRestartIT {

  private static final Path WORK = Path.of("target", "webhook-restart");
  private static final String CODE = "restartco";

  @Test
  @DisplayName(
      "Events raised while the receiver was down are delivered once each after Keycloak restarts,"
          + " and new ones too when the restart upgrades a database from before the realm's"
          + " subscription marker")
  void deliveredAfterRestart() throws Exception {
    KeycloakDistribution copy =
        KeycloakDistribution.fromSystemProperties()
            .copyTo(WORK.resolve("keycloak").toAbsolutePath());
    Path log = WORK.resolve("keycloak.log").toAbsolutePath();
    int http = FreePort.pick();
    int management = FreePort.pick();
    WebhookReceiver receiver = new WebhookReceiver(FreePort.pick());
    String secret;
    String hook;
    ScimClient scim;
    try (KeycloakServer server =
            KeycloakServer.start(copy, http, management, log, DevFileDatabase.CREDENTIALS);
        Keycloak admin = server.adminClient()) {
      AdminRest.Answer company =
          AdminRest.call(
              admin,
              server.baseUrl(),
              CompanySsoStack.REALM,
              "PUT",
              "company-sso/companies/" + CODE,
              """
              {"name": "Restart Co", "domains": [{"name": "restartco.example", "verified": true}]}
              """);
      assertThat(company.status()).as(company.toString()).isEqualTo(200);
      AdminRest.Answer created =
          AdminRest.call(
              admin,
              server.baseUrl(),
              CompanySsoStack.REALM,
              "POST",
              "company-sso-webhooks",
              "{\"url\": \"%s\", \"company\": \"%s\"}".formatted(receiver.url("/in"), CODE));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      hook = created.body().path("webhook").path("id").asText();
      secret = created.body().path("secret").asText();

      scim = new ScimClient(ScimClient.rotateToken(admin, server.baseUrl(), CODE));
      for (String name : List.of("rita", "rolf")) {
        assertThat(
                scim.post(
                        "Users", ScimPayloads.oktaUser(name + "@restartco.example", "Re", "Start"))
                    .status())
            .isEqualTo(201);
      }
      awaitFailedAttempts(admin, server.baseUrl(), hook, 2);
    }
    assertThat(
            DevFileDatabase.execute(
                copy,
                "DELETE FROM REALM_ATTRIBUTE WHERE NAME = 'companySso.webhooks'",
                "DELETE FROM DATABASECHANGELOG_CSSO_OPERA"
                    + " WHERE ID = 'company-sso-operations-2-subscribed-realms'"))
        .as("the marker and the changeset that sets it, removed")
        .containsExactly(1, 1);

    receiver.start();
    try (KeycloakServer server =
            KeycloakServer.restart(copy, http, management, log, DevFileDatabase.CREDENTIALS);
        receiver) {
      List<WebhookReceiver.Message> delivered =
          receiver.await(m -> true, 2, Duration.ofSeconds(60));
      assertThat(delivered)
          .extracting(m -> m.json().path("data").path("user").path("username").asText())
          .containsExactlyInAnyOrder("rita@restartco.example", "rolf@restartco.example");
      for (WebhookReceiver.Message message : delivered) {
        assertThat(message.signedWith(secret)).isTrue();
        assertThat(message.type()).isEqualTo("user.provisioned");
      }

      assertThat(
              scim.post("Users", ScimPayloads.oktaUser("rosa@restartco.example", "Ro", "Sa"))
                  .status())
          .isEqualTo(201);
      assertThat(receiver.await(m -> isFor(m, "rosa@restartco.example"), 1, Duration.ofSeconds(60)))
          .as("an event raised after the upgrade")
          .singleElement()
          .satisfies(m -> assertThat(m.signedWith(secret)).isTrue());
      Thread.sleep(4_000);
      assertThat(receiver.messages()).hasSize(3);
    }
  }

  private static boolean isFor(WebhookReceiver.Message message, String username) {
    return message.json().path("data").path("user").path("username").asText().equals(username);
  }

  /**
   * Waits until each of {@code count} deliveries has failed at least once (the receiver is down).
   */
  private static void awaitFailedAttempts(Keycloak admin, String baseUrl, String hook, int count)
      throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      JsonNode log =
          AdminRest.call(
                  admin,
                  baseUrl,
                  CompanySsoStack.REALM,
                  "GET",
                  "company-sso-webhooks/" + hook + "/deliveries")
              .body();
      int failed = 0;
      for (JsonNode delivery : log) {
        failed += delivery.path("attempts").asInt() >= 1 ? 1 : 0;
      }
      if (failed >= count) {
        assertThat(log).allMatch(d -> d.path("status").asText().equals("PENDING"));
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("Deliveries never attempted while the receiver was down: " + log);
      }
      Thread.sleep(300);
    }
  }
}
