package dev.companysso.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.FreePort;
import dev.companysso.it.scim.ScimClient;
import dev.companysso.it.scim.ScimPayloads;
import dev.companysso.it.support.AdminRest;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/**
 * Signed webhooks from the outbox, against a receiver on loopback: a company's subscription gets
 * its company's events once each, signed as Standard Webhooks says, and never another company's; a
 * receiver that is down gets what it missed when it is back; the delivery log and redelivery; bad
 * subscriptions refused naming the field.
 */
@ExtendWith(CompanySsoExtension.class)
class WebhooksIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private CompanySsoStack stack;
  private Keycloak admin;
  private RealmFixtures fixtures;
  private WebhookReceiver receiver;
  private final List<String> codes = new ArrayList<>();
  private final List<String> webhooks = new ArrayList<>();

  @BeforeEach
  void setUp(CompanySsoStack stack) throws Exception {
    this.stack = stack;
    admin = stack.keycloak().adminClient();
    fixtures = new RealmFixtures(admin, CompanySsoStack.REALM);
    receiver = new WebhookReceiver(FreePort.pick()).start();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (String id : webhooks) {
      hooks().call("DELETE", id, null);
    }
    for (String code : codes) {
      fixtures.realm().identityProviders().get(code + "-okta").remove();
      fixtures.companyResource(code).delete().close();
    }
    receiver.close();
    admin.close();
  }

  private AdminRest.Resource hooks() {
    return new AdminRest.Resource(
        admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso-webhooks");
  }

  /** A company of its own (organization, domain, Okta sign-in) with a SCIM client. */
  private ScimClient company(String code) throws Exception {
    codes.add(code);
    String manifest =
        """
        {"name": "%1$s", "domains": [{"name": "%1$s.example", "verified": true}],
         "identityProviders": [{"alias": "%1$s-okta", "type": "okta",
           "config": {"oktaDomain": "%1$s.okta.com", "clientId": "0oa%1$s",
             "clientSecret": "${WEBHOOKS_IT_UNSET:secret}"}}]}
        """
            .formatted(code);
    AdminRest.Answer applied =
        new AdminRest.Resource(
                admin, stack.keycloak().baseUrl(), CompanySsoStack.REALM, "company-sso")
            .call("PUT", "companies/" + code, manifest);
    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    return new ScimClient(ScimClient.rotateToken(admin, stack.keycloak().baseUrl(), code));
  }

  private String subscribe(String body, Map<String, String> secrets) throws Exception {
    AdminRest.Answer created = createHook(body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.body().path("webhook").path("id").asText();
    webhooks.add(id);
    secrets.put(id, created.body().path("secret").asText());
    assertThat(secrets.get(id)).startsWith("whsec_");
    return id;
  }

  private static String provision(ScimClient scim, String userName) {
    ScimClient.Answer created =
        scim.post("Users", ScimPayloads.oktaUser(userName, "Hook", "Person"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.id();
  }

  @Test
  @DisplayName(
      "A company's subscription gets each of its events once, signed, and no other company's; a realm-wide one gets both companies'")
  void eachEventOnceSignedAndOnlyTheCompanys() throws Exception {
    String a = ScimPayloads.unique("hooks-a-").toLowerCase();
    String b = ScimPayloads.unique("hooks-b-").toLowerCase();
    ScimClient scimA = company(a);
    ScimClient scimB = company(b);
    Map<String, String> secrets = new java.util.HashMap<>();
    String forA =
        subscribe(
            """
            {"url": "%s", "company": "%s", "events": ["user.provisioned", "user.deprovisioned"],
             "description": "Onboarding tickets"}
            """
                .formatted(receiver.url("/a"), a),
            secrets);
    String forAll = subscribe("{\"url\": \"%s\"}".formatted(receiver.url("/all")), secrets);

    String personA = provision(scimA, "ann@" + a + ".example");
    provision(scimB, "bob@" + b + ".example");

    List<WebhookReceiver.Message> toA = receiver.await(m -> m.path().equals("/a"), 1, WAIT);
    assertThat(toA).hasSize(1);
    WebhookReceiver.Message provisioned = toA.get(0);
    assertThat(provisioned.signedWith(secrets.get(forA))).isTrue();
    assertThat(provisioned.signedWith(secrets.get(forAll))).isFalse();
    assertThat(provisioned.id()).startsWith("msg_");
    JsonNode event = provisioned.json();
    assertThat(event.path("type").asText()).isEqualTo("user.provisioned");
    assertThat(event.path("data").path("company").asText()).isEqualTo(a);
    assertThat(event.path("data").path("realm").asText()).isEqualTo(CompanySsoStack.REALM);
    assertThat(event.path("data").path("source").asText()).isEqualTo("scim");
    assertThat(event.path("data").path("user").path("id").asText()).isEqualTo(personA);
    assertThat(event.path("data").path("user").path("username").asText())
        .isEqualTo("ann@" + a + ".example");

    List<WebhookReceiver.Message> toAll =
        receiver.await(
            m -> m.path().equals("/all") && m.type().equals("user.provisioned"), 2, WAIT);
    assertThat(toAll)
        .extracting(m -> m.json().path("data").path("company").asText())
        .containsExactlyInAnyOrder(a, b);
    for (WebhookReceiver.Message message : toAll) {
      assertThat(message.signedWith(secrets.get(forAll))).isTrue();
    }

    // Deactivated by SCIM: the company's subscription wants it too.
    assertThat(
            scimA
                .patch(
                    "Users/" + personA,
                    ScimPayloads.patch(ScimPayloads.op("replace", "active", false)))
                .status())
        .isEqualTo(200);
    assertThat(
            receiver.await(
                m -> m.path().equals("/a") && m.type().equals("user.deprovisioned"), 1, WAIT))
        .singleElement()
        .satisfies(m -> assertThat(m.signedWith(secrets.get(forA))).isTrue());

    // Nothing arrives twice, and B's events never reached A's subscription.
    Thread.sleep(3_000);
    Map<String, Long> byId =
        receiver.messages().stream()
            .collect(Collectors.groupingBy(WebhookReceiver.Message::id, Collectors.counting()));
    assertThat(byId.values()).allMatch(count -> count == 1);
    assertThat(receiver.messages())
        .filteredOn(m -> m.path().equals("/a"))
        .allMatch(m -> m.json().path("data").path("company").asText().equals(a));

    JsonNode log = hooks().call("GET", forA + "/deliveries", null).body();
    assertThat(log).hasSize(2);
    assertThat(log)
        .allSatisfy(
            delivery -> {
              assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
              assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
              assertThat(delivery.path("lastResponse").asInt()).isEqualTo(204);
            });
  }

  @Test
  @DisplayName(
      "A receiver that is down gets the events it missed when it is back; the log shows the failed attempt; redelivery sends a delivery again with its id")
  void downReceiverCatchesUpAndRedelivery() throws Exception {
    String code = ScimPayloads.unique("hooks-down-").toLowerCase();
    ScimClient scim = company(code);
    Map<String, String> secrets = new java.util.HashMap<>();
    String hook =
        subscribe(
            "{\"url\": \"%s\", \"company\": \"%s\"}".formatted(receiver.url("/down"), code),
            secrets);

    receiver.stop();
    provision(scim, "dora@" + code + ".example");
    JsonNode failed = awaitDelivery(hook, d -> d.path("attempts").asInt() >= 1);
    assertThat(failed.path("status").asText()).isEqualTo("PENDING");
    assertThat(failed.path("lastError").asText()).isNotEmpty();
    assertThat(failed.path("nextAttemptAt").asText()).isNotEmpty();

    receiver.start();
    List<WebhookReceiver.Message> caughtUp =
        receiver.await(m -> m.type().equals("user.provisioned"), 1, WAIT);
    assertThat(caughtUp).hasSize(1);
    WebhookReceiver.Message message = caughtUp.get(0);
    assertThat(message.id()).isEqualTo(failed.path("id").asText());
    assertThat(message.signedWith(secrets.get(hook))).isTrue();
    JsonNode delivered = awaitDelivery(hook, d -> d.path("status").asText().equals("DELIVERED"));
    assertThat(delivered.path("attempts").asInt()).isGreaterThanOrEqualTo(2);

    AdminRest.Answer redelivered =
        hooks().call("POST", hook + "/deliveries/" + message.id() + "/redeliver", null);
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(receiver.await(m -> m.id().equals(message.id()), 2, WAIT)).hasSize(2);

    // A rotated secret signs what is sent from then on.
    String rotated = hooks().call("POST", hook + "/secret", null).body().path("secret").asText();
    hooks().call("POST", hook + "/deliveries/" + message.id() + "/redeliver", null);
    List<WebhookReceiver.Message> third = receiver.await(m -> m.id().equals(message.id()), 3, WAIT);
    assertThat(third).hasSize(3);
    assertThat(third.get(2).signedWith(rotated)).isTrue();
    assertThat(third.get(2).signedWith(secrets.get(hook))).isFalse();
  }

  @Test
  @DisplayName("A bad subscription is refused naming the field")
  void badSubscriptionsRefused() throws Exception {
    Function<String, AdminRest.Answer> create =
        body -> {
          try {
            return createHook(body);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    assertThat(create.apply("{\"url\": \"http://hooks.example.com/in\"}").body().toString())
        .contains("url: http:// is only for a receiver on this machine");
    assertThat(create.apply("{}").body().toString()).contains("url: required");
    assertThat(
            create
                .apply(
                    "{\"url\": \"https://hooks.example.com/in\", \"events\": [\"user.created\"]}")
                .body()
                .toString())
        .contains("events[0]: 'user.created' is not an event type; the types: user.provisioned");
    AdminRest.Answer noCompany =
        create.apply("{\"url\": \"https://hooks.example.com/in\", \"company\": \"no-such\"}");
    assertThat(noCompany.status()).isEqualTo(400);
    assertThat(noCompany.body().toString()).contains("company: no company 'no-such'");
    assertThat(hooks().call("GET", "no-such-id/deliveries", null).status()).isEqualTo(404);
  }

  private AdminRest.Answer createHook(String body) throws Exception {
    return AdminRest.call(
        admin,
        stack.keycloak().baseUrl(),
        CompanySsoStack.REALM,
        "POST",
        "company-sso-webhooks",
        body);
  }

  private JsonNode awaitDelivery(String hook, java.util.function.Predicate<JsonNode> wanted)
      throws Exception {
    long deadline = System.currentTimeMillis() + WAIT.toMillis();
    while (true) {
      JsonNode log = hooks().call("GET", hook + "/deliveries", null).body();
      if (log.size() == 1 && wanted.test(log.get(0))) {
        return log.get(0);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("The delivery log never showed what was awaited: " + log);
      }
      Thread.sleep(300);
    }
  }
}
