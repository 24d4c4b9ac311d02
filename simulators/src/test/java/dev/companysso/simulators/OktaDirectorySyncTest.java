package dev.companysso.simulators;

import static dev.companysso.simulators.ApiClient.encode;
import static dev.companysso.simulators.ApiClient.get;
import static dev.companysso.simulators.ApiClient.items;
import static dev.companysso.simulators.ApiClient.json;
import static dev.companysso.simulators.ApiClient.oktaNext;
import static dev.companysso.simulators.ApiClient.pages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Okta simulator: directory sync")
class OktaDirectorySyncTest {

  private static final String ORG = "globex";
  private static final String SSWS = "SSWS 00globex-directory-read-token";
  private static final String SERVICE_APP = "0oa1globexdirsync0001";
  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private OktaSimulator okta;
  private String api;

  @BeforeEach
  void start() {
    okta = OktaSimulator.start(SimulatorDirectory.demo(), 0);
    api = okta.orgBaseUrl(ORG) + "/api/v1";
  }

  @AfterEach
  void stop() {
    okta.close();
  }

  @Test
  @DisplayName(
      "Users list in pages of the org's size with lifecycle times in UTC millis and profile attributes")
  void usersList() {
    List<HttpResponse<String>> pages = pages(api + "/users", ApiClient::oktaNext, SSWS);
    List<JsonNode> users = items(pages);

    assertThat(pages).hasSize(4);
    assertThat(users).hasSize(10);
    JsonNode ivy = user(users, "ivy@globex.example");
    assertThat(ivy.get("status").asText()).isEqualTo("ACTIVE");
    for (String time : List.of("created", "activated", "statusChanged", "lastUpdated")) {
      assertThat(ivy.get(time).asText()).matches(TIMESTAMP);
    }
    assertThat(Instant.parse(ivy.get("lastUpdated").asText()))
        .isBefore(Instant.now().minus(Duration.ofHours(23)));
    assertThat(ivy.get("profile").get("department").asText()).isEqualTo("R&D");
    assertThat(ivy.get("profile").get("middleName").asText()).isEqualTo("Iris");
    assertThat(ivy.get("profile").get("nickName").asText()).isEqualTo("Ives");
    assertThat(user(users, "lou@globex.example").get("status").asText())
        .isEqualTo("PASSWORD_EXPIRED");
    JsonNode max = user(users, "max@globex.example");
    assertThat(max.get("status").asText()).isEqualTo("STAGED");
    assertThat(max.get("activated").isNull()).isTrue();
  }

  @Test
  @DisplayName(
      "A lastUpdated search returns what changed since, by lastUpdated, deactivated users too, and its next links keep the search")
  void searchByLastUpdated() {
    String loaded = json(get(api + "/users?limit=1", SSWS)).get(0).get("lastUpdated").asText();
    okta.updateProfile(
        ORG, "hal@globex.example", Map.of("firstName", "Hank", "department", "Dispatch HQ"));
    okta.setStatus(ORG, "kim@globex.example", "SUSPENDED");
    okta.removeUser(ORG, "ned@globex.example");
    okta.addUser(ORG, quinn());
    okta.assignGroups(ORG, "gina@globex.example", List.of("Everyone", "Dispatch"));
    okta.setStatus(ORG, "jay@globex.example", "DEPROVISIONED");

    List<HttpResponse<String>> pages =
        pages(
            api + "/users?search=" + encode("lastUpdated gt \"" + loaded + "\""),
            ApiClient::oktaNext,
            SSWS);
    List<JsonNode> changed = items(pages);

    assertThat(pages).hasSize(2);
    assertThat(oktaNext(pages.get(0))).contains("search=lastUpdated%20gt%20%22");
    assertThat(changed)
        .extracting(user -> user.get("profile").get("login").asText())
        .containsExactly(
            "hal@globex.example",
            "kim@globex.example",
            "quinn@globex.example",
            "gina@globex.example",
            "jay@globex.example");
    assertThat(changed)
        .extracting(user -> Instant.parse(user.get("lastUpdated").asText()))
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(changed.get(0).get("profile").get("firstName").asText()).isEqualTo("Hank");
    assertThat(changed.get(0).get("profile").get("department").asText()).isEqualTo("Dispatch HQ");
    assertThat(changed.get(1).get("statusChanged").asText())
        .isNotEqualTo(loaded)
        .matches(TIMESTAMP);

    String lastSeen = changed.get(4).get("lastUpdated").asText();
    assertThat(
            items(
                pages(
                    api + "/users?search=" + encode("lastUpdated gt \"" + lastSeen + "\""),
                    ApiClient::oktaNext,
                    SSWS)))
        .isEmpty();
    assertThat(
            items(
                pages(
                    api + "/users?filter=" + encode("lastUpdated ge \"" + lastSeen + "\""),
                    ApiClient::oktaNext,
                    SSWS)))
        .singleElement()
        .satisfies(user -> assertThat(user.get("status").asText()).isEqualTo("DEPROVISIONED"));
  }

  @Test
  @DisplayName(
      "The default listing leaves out DEPROVISIONED users; a status filter finds them; deleted users are gone")
  void deprovisionedAndDeleted() {
    okta.setStatus(ORG, "jay@globex.example", "DEPROVISIONED");
    okta.removeUser(ORG, "ned@globex.example");

    List<JsonNode> listed = items(pages(api + "/users", ApiClient::oktaNext, SSWS));
    assertThat(listed)
        .extracting(user -> user.get("profile").get("login").asText())
        .hasSize(8)
        .doesNotContain("jay@globex.example", "ned@globex.example");
    String filter =
        encode("status eq \"DEPROVISIONED\" and lastUpdated gt \"2000-01-01T00:00:00.000Z\"");
    assertThat(items(pages(api + "/users?filter=" + filter, ApiClient::oktaNext, SSWS)))
        .extracting(user -> user.get("profile").get("login").asText())
        .containsExactly("jay@globex.example");
    assertThat(get(api + "/users/00u1globexned0000001/groups", SSWS).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("A search outside the grammar gets 400 E0000031")
  void invalidSearch() {
    for (String expression :
        List.of(
            "lastUpdated lt \"2026-01-01T00:00:00.000Z\"",
            "lastUpdated gt \"yesterday\"",
            "status eq \"GONE\"",
            "profile.department eq \"R&D\"",
            "status eq \"ACTIVE\" or status eq \"STAGED\"")) {
      HttpResponse<String> response = get(api + "/users?search=" + encode(expression), SSWS);
      assertThat(response.statusCode()).as(expression).isEqualTo(400);
      assertThat(json(response).get("errorCode").asText()).isEqualTo("E0000031");
      assertThat(json(response).get("errorSummary").asText()).isEqualTo("Invalid search criteria.");
    }
  }

  @Test
  @DisplayName("A group's members follow assignments and removals and page by id")
  void groupMembers() {
    okta.assignGroups(ORG, "jay@globex.example", List.of("Everyone", "Engineering"));
    okta.removeUser(ORG, "ivy@globex.example");

    assertThat(items(pages(api + "/groups/00g1globexengineer01/users", ApiClient::oktaNext, SSWS)))
        .extracting(user -> user.get("profile").get("login").asText())
        .containsExactly("gina@globex.example", "jay@globex.example");
    List<HttpResponse<String>> everyone =
        pages(api + "/groups/00g1globexeveryone01/users", ApiClient::oktaNext, SSWS);
    assertThat(everyone).hasSize(3);
    assertThat(items(everyone)).hasSize(9);
    assertThat(items(pages(api + "/users/00u1globexjay0000001/groups", ApiClient::oktaNext, SSWS)))
        .extracting(group -> group.get("profile").get("name").asText())
        .containsExactly("Everyone", "Engineering");
  }

  @Test
  @DisplayName(
      "Admin actions reach sign-in: PASSWORD_EXPIRED may sign in, STAGED, SUSPENDED and deleted may not, hires may, profile changes show in tokens")
  void signIn() throws Exception {
    RelyingParty app =
        RelyingParty.discover(
            okta.issuer(ORG, null), "0oa1globexkeycloak0001", "globex-okta-client-secret");
    okta.setStatus(ORG, "gina@globex.example", "SUSPENDED");
    okta.removeUser(ORG, "hal@globex.example");
    okta.addUser(ORG, quinn());
    okta.updateProfile(
        ORG,
        "ivy@globex.example",
        Map.of("email", "ivy.ito@globex.example", "lastName", "Ito-Iwasaki"));

    app.signInAndRedeem(app.authorization("openid"), "lou@globex.example", "Passw0rd!");
    for (String refused : List.of("max", "gina", "hal")) {
      assertThat(
              RelyingParty.submitSignIn(
                      app.open(app.authorization("openid")),
                      refused + "@globex.example",
                      "Passw0rd!")
                  .body())
          .as(refused)
          .contains("Unable to sign in");
    }
    RelyingParty.Authorization authorization = app.authorization("openid profile email");
    IDTokenClaimsSet quinn =
        app.validate(
            app.signInAndRedeem(authorization, "quinn@globex.example", "Passw0rd!")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());
    assertThat(quinn.getSubject().getValue()).isEqualTo("00u1globexquinn00001");
    assertThat(quinn.getStringListClaim("groups")).containsExactly("Everyone", "Engineering");
    authorization = app.authorization("openid profile email");
    IDTokenClaimsSet ivy =
        app.validate(
            app.signInAndRedeem(authorization, "ivy@globex.example", "Passw0rd!")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());
    assertThat(ivy.getStringClaim("email")).isEqualTo("ivy.ito@globex.example");
    assertThat(ivy.getStringClaim("name")).isEqualTo("Ivy Ito-Iwasaki");
    assertThat(ivy.getStringClaim("department")).isEqualTo("R&D");
  }

  @Test
  @DisplayName("A deleted user's refresh token gets invalid_grant, and an app token no userinfo")
  void tokensOutliveNoUser() throws Exception {
    RelyingParty app =
        RelyingParty.discover(
            okta.issuer(ORG, null), "0oa1globexkeycloak0001", "globex-okta-client-secret");
    RefreshToken refreshToken =
        app.signInAndRedeem(
                app.authorization("openid offline_access"), "pam@globex.example", "Passw0rd!")
            .getOIDCTokens()
            .getRefreshToken();
    okta.removeUser(ORG, "pam@globex.example");

    HTTPResponse refreshed =
        RelyingParty.send(
            new TokenRequest(
                    app.provider.getTokenEndpointURI(),
                    new ClientSecretBasic(app.clientId, app.clientSecret),
                    new RefreshTokenGrant(refreshToken))
                .toHTTPRequest());
    assertThat(refreshed.getStatusCode()).isEqualTo(400);
    assertThat(json(refreshed.getBody()).get("error").asText()).isEqualTo("invalid_grant");

    assertThat(
            get(okta.issuer(ORG, null) + "/oauth2/v1/userinfo", serviceAppBearer("okta.users.read"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("Admin actions refuse unknown orgs, users, groups and statuses")
  void unknownTargets() {
    assertThatThrownBy(() -> okta.setStatus("nope", "gina@globex.example", "ACTIVE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No Okta org nope");
    assertThatThrownBy(() -> okta.setStatus(ORG, "nobody@globex.example", "ACTIVE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No user nobody@globex.example in Okta org globex");
    assertThatThrownBy(() -> okta.setStatus(ORG, "gina@globex.example", "ASLEEP"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> okta.removeUser(ORG, "nobody@globex.example"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> okta.updateProfile(ORG, "nobody@globex.example", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> okta.assignGroups(ORG, "gina@globex.example", List.of("Nope")))
        .isInstanceOf(IllegalArgumentException.class);
    okta.addUser(ORG, quinn());
    assertThatThrownBy(() -> okta.addUser(ORG, quinn()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> okta.apiRequests("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "A service app gets a token by private_key_jwt client credentials, and the API honours its scopes")
  void serviceAppToken() throws Exception {
    RSAKey key = RSAKey.parse(OktaSimulator.demoServiceAppPrivateJwk());
    HTTPResponse response =
        clientCredentials(
            SERVICE_APP, key, tokenEndpoint(), inAMinute(), "okta.users.read okta.groups.read");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    JsonNode body = json(response.getBody());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(body.get("scope").asText()).isEqualTo("okta.users.read okta.groups.read");
    String bearer = "Bearer " + body.get("access_token").asText();
    JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asText()).getJWTClaimsSet();
    assertThat(claims.getStringClaim("cid")).isEqualTo(SERVICE_APP);
    assertThat(claims.getAudience()).containsExactly(okta.orgBaseUrl(ORG));
    assertThat(items(pages(api + "/users", ApiClient::oktaNext, bearer))).hasSize(10);
    assertThat(get(api + "/groups", bearer).statusCode()).isEqualTo(200);

    String usersOnly = serviceAppBearer("okta.users.read");
    assertThat(get(api + "/users", usersOnly).statusCode()).isEqualTo(200);
    for (String path :
        List.of(
            "/groups",
            "/groups/00g1globexeveryone01/users",
            "/users/00u1globexgina000001/groups")) {
      HttpResponse<String> refused = get(api + path, usersOnly);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(json(refused).get("errorCode").asText()).isEqualTo("E0000006");
      assertThat(json(refused).get("errorSummary").asText())
          .isEqualTo("You do not have permission to perform the requested action");
    }
    assertThat(json(get(api + "/users", "Bearer not-a-token")).get("errorCode").asText())
        .isEqualTo("E0000011");
  }

  @Test
  @DisplayName(
      "Client credentials refuse an unknown app, a foreign key, an expired or misaddressed assertion and scopes not granted")
  void serviceAppRefusals() throws Exception {
    RSAKey key = RSAKey.parse(OktaSimulator.demoServiceAppPrivateJwk());
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("globex-dirsync-1").generate();
    String scope = "okta.users.read";

    assertInvalidClient(
        clientCredentials("0oa1unknown", key, tokenEndpoint(), inAMinute(), scope),
        "Invalid value for 'client_id' parameter.");
    assertInvalidClient(
        clientCredentials(SERVICE_APP, foreign, tokenEndpoint(), inAMinute(), scope),
        "The client_assertion signature is invalid.");
    assertInvalidClient(
        clientCredentials(
            SERVICE_APP, key, tokenEndpoint(), Date.from(Instant.now().minusSeconds(60)), scope),
        "The client_assertion token is expired.");
    assertInvalidClient(
        clientCredentials(SERVICE_APP, key, okta.orgBaseUrl(ORG), inAMinute(), scope),
        "The audience claim for client_assertion must be the endpoint invoking the client_assertion.");
    HTTPResponse notGranted =
        clientCredentials(
            SERVICE_APP, key, tokenEndpoint(), inAMinute(), "okta.users.read okta.apps.read");
    assertThat(notGranted.getStatusCode()).isEqualTo(400);
    assertThat(json(notGranted.getBody()).get("error").asText()).isEqualTo("invalid_scope");
    assertThat(json(notGranted.getBody()).get("error_description").asText())
        .isEqualTo("The following scopes are not allowed: okta.apps.read");
  }

  @Test
  @DisplayName("100,000 generated users list in pages of 200, one request per page")
  void generatedUsers() {
    OktaOrg bench =
        new OktaOrg("bench", "00o1bench", null, null, null, null, "bench-token", null, null);
    try (OktaSimulator simulator =
        OktaSimulator.start(new SimulatorDirectory(List.of(bench), List.of()), 0)) {
      simulator.generateUsers("bench", 100_000);

      List<JsonNode> users =
          items(
              pages(
                  simulator.orgBaseUrl("bench") + "/api/v1/users?limit=200",
                  ApiClient::oktaNext,
                  "SSWS bench-token"));

      assertThat(users).hasSize(100_000);
      assertThat(users.get(0).get("id").asText()).isEqualTo("00ugen0000000001");
      assertThat(users.get(99_999).get("profile").get("login").asText())
          .isEqualTo("gen0100000@bench.example");
      assertThat(users).extracting(user -> user.get("id").asText()).doesNotHaveDuplicates();
      assertThat(simulator.apiRequests("bench")).isEqualTo(500);
    }
  }

  private static OktaOrg.User quinn() {
    return new OktaOrg.User(
        "00u1globexquinn00001",
        "quinn@globex.example",
        "Passw0rd!",
        "Quinn",
        "Quade",
        "quinn@globex.example",
        true,
        "ACTIVE",
        List.of("Everyone", "Engineering"),
        Map.of());
  }

  private static JsonNode user(List<JsonNode> users, String login) {
    return users.stream()
        .filter(user -> user.get("profile").get("login").asText().equals(login))
        .findFirst()
        .orElseThrow();
  }

  private String tokenEndpoint() {
    return okta.issuer(ORG, null) + "/oauth2/v1/token";
  }

  private static Date inAMinute() {
    return Date.from(Instant.now().plusSeconds(60));
  }

  /** A client_credentials request with a private_key_jwt assertion made from these parts. */
  private HTTPResponse clientCredentials(
      String clientId, RSAKey key, String audience, Date expires, String scope) throws Exception {
    SignedJWT assertion =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .expirationTime(expires)
                .issueTime(new Date())
                .jwtID(UUID.randomUUID().toString())
                .build());
    assertion.sign(new RSASSASigner(key));
    return RelyingParty.send(
        new TokenRequest(
                URI.create(tokenEndpoint()),
                new PrivateKeyJWT(assertion),
                new ClientCredentialsGrant(),
                Scope.parse(scope))
            .toHTTPRequest());
  }

  private String serviceAppBearer(String scope) throws Exception {
    HTTPResponse response =
        clientCredentials(
            SERVICE_APP,
            RSAKey.parse(OktaSimulator.demoServiceAppPrivateJwk()),
            tokenEndpoint(),
            inAMinute(),
            scope);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return "Bearer " + json(response.getBody()).get("access_token").asText();
  }

  private static void assertInvalidClient(HTTPResponse response, String description) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
    JsonNode body = json(response.getBody());
    assertThat(body.get("error").asText()).isEqualTo("invalid_client");
    assertThat(body.get("error_description").asText()).isEqualTo(description);
  }
}
