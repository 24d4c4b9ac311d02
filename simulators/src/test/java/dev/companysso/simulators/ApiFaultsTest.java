package dev.companysso.simulators;

import static dev.companysso.simulators.ApiClient.get;
import static dev.companysso.simulators.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fault injection into the directory APIs")
class ApiFaultsTest {

  private static final String SSWS = "SSWS 00globex-directory-read-token";
  private static final String FABRIKAM = "9a7b5c3d-1e2f-4a6b-8c9d-0e1f2a3b4c5d";

  private static OktaSimulator okta;
  private static EntraSimulator entra;
  private static String oktaUsers;
  private static String graphUsers;
  private static String graphToken;

  @BeforeAll
  static void start() {
    okta = OktaSimulator.start(SimulatorDirectory.demo(), 0);
    entra = EntraSimulator.start(SimulatorDirectory.demo(), 0);
    oktaUsers = okta.orgBaseUrl("globex") + "/api/v1/users";
    graphUsers = entra.graphBaseUrl() + "/v1.0/users";
    HTTPResponse token =
        RelyingParty.send(
            new TokenRequest(
                    URI.create(entra.authority() + "/" + FABRIKAM + "/oauth2/v2.0/token"),
                    new ClientSecretPost(
                        new ClientID("7d6c5b4a-3f2e-4d1c-9b8a-1f2e3d4c5b6a"),
                        new Secret("fabrikam-entra-client-secret")),
                    new ClientCredentialsGrant(),
                    Scope.parse("https://graph.microsoft.com/.default"))
                .toHTTPRequest());
    graphToken = "Bearer " + json(token.getBody()).get("access_token").asText();
  }

  @AfterAll
  static void stop() {
    okta.close();
    entra.close();
  }

  @AfterEach
  void clear() {
    okta.faults().clear();
    entra.faults().clear();
  }

  @Test
  @DisplayName(
      "Okta: after the skipped requests, 429 with X-Rate-Limit headers and E0000047 the given times, then normal again; all counted")
  void oktaRateLimit() {
    long before = okta.apiRequests("globex");
    okta.faults()
        .inject("^/globex/api/v1/users$", 1, 2, ApiFault.rateLimited(Duration.ofSeconds(30)));

    assertThat(get(oktaUsers, SSWS).statusCode()).isEqualTo(200);
    assertThat(get(oktaUsers + "/00u1globexgina000001/groups", SSWS).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = get(oktaUsers + "?limit=2", SSWS);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-Rate-Limit-Limit")).hasValue("600");
    assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
    long reset = Long.parseLong(limited.headers().firstValue("X-Rate-Limit-Reset").orElseThrow());
    assertThat(reset)
        .isBetween(
            Instant.now().plusSeconds(28).getEpochSecond(),
            Instant.now().plusSeconds(31).getEpochSecond());
    assertThat(json(limited).get("errorCode").asText()).isEqualTo("E0000047");
    assertThat(json(limited).get("errorSummary").asText())
        .isEqualTo("API call exceeded rate limit due to too many requests.");
    assertThat(json(limited).get("errorLink").asText()).isEqualTo("E0000047");
    assertThat(json(limited).get("errorId").asText()).isNotEmpty();
    assertThat(json(limited).get("errorCauses")).isEmpty();
    assertThat(get(oktaUsers, SSWS).statusCode()).isEqualTo(429);
    assertThat(get(oktaUsers, SSWS).statusCode()).isEqualTo(200);
    assertThat(okta.apiRequests("globex") - before).isEqualTo(5);
  }

  @Test
  @DisplayName("Okta: server errors, expired tokens, truncated JSON and slow answers")
  void oktaFaults() {
    okta.faults().inject("/users$", 0, 1, ApiFault.serverError());
    okta.faults().inject("/users$", 0, 1, ApiFault.unauthorized());
    okta.faults().inject("/users$", 0, 1, ApiFault.malformedJson());
    okta.faults().inject("/users$", 0, 1, ApiFault.slow(Duration.ofMillis(300)));

    HttpResponse<String> serverError = get(oktaUsers, SSWS);
    assertThat(serverError.statusCode()).isEqualTo(500);
    assertThat(json(serverError).get("errorCode").asText()).isEqualTo("E0000009");
    assertThat(json(serverError).get("errorSummary").asText()).isEqualTo("Internal Server Error");
    HttpResponse<String> unauthorized = get(oktaUsers, SSWS);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(json(unauthorized).get("errorCode").asText()).isEqualTo("E0000011");
    HttpResponse<String> malformed = get(oktaUsers, SSWS);
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(malformed.body()).isEqualTo("[{\"id\":");
    long started = System.nanoTime();
    assertThat(get(oktaUsers, SSWS).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  @DisplayName("Cleared faults no longer apply")
  void clearFaults() {
    okta.faults().inject("/users$", 0, 5, ApiFault.serverError());
    okta.faults().clear();
    assertThat(get(oktaUsers, SSWS).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Graph: 429 with Retry-After and TooManyRequests, generalException, InvalidAuthenticationToken and truncated JSON, counted per tenant")
  void graphFaults() {
    long before = entra.apiRequests("fabrikam.example");
    entra.faults().inject("/v1.0/users$", 0, 1, ApiFault.rateLimited(Duration.ofMillis(1500)));
    entra.faults().inject("/v1.0/users$", 0, 1, ApiFault.serverError());
    entra.faults().inject("/v1.0/users$", 0, 1, ApiFault.unauthorized());
    entra.faults().inject("/v1.0/users$", 0, 1, ApiFault.malformedJson());

    HttpResponse<String> limited = get(graphUsers, graphToken);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(json(limited).at("/error/code").asText()).isEqualTo("TooManyRequests");
    assertThat(json(limited).at("/error/message").asText()).isEqualTo("Too many requests.");
    assertThat(json(limited).at("/error/innerError/request-id").asText()).isNotEmpty();
    assertThat(get(graphUsers + "/delta", graphToken).statusCode()).isEqualTo(200);
    HttpResponse<String> serverError = get(graphUsers, graphToken);
    assertThat(serverError.statusCode()).isEqualTo(500);
    assertThat(json(serverError).at("/error/code").asText()).isEqualTo("generalException");
    HttpResponse<String> unauthorized = get(graphUsers, graphToken);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(json(unauthorized).at("/error/code").asText())
        .isEqualTo("InvalidAuthenticationToken");
    HttpResponse<String> malformed = get(graphUsers, graphToken);
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThat(malformed.body()).isEqualTo("{\"value\":[{\"id\":");
    assertThat(get(graphUsers, graphToken).statusCode()).isEqualTo(200);
    assertThat(entra.apiRequests(FABRIKAM) - before).isEqualTo(6);
    assertThat(entra.apiRequests("contoso.example")).isZero();
  }
}
