package dev.companysso.simulators;

import static dev.companysso.simulators.ApiClient.get;
import static dev.companysso.simulators.ApiClient.items;
import static dev.companysso.simulators.ApiClient.json;
import static dev.companysso.simulators.ApiClient.pages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Entra ID simulator: directory sync")
class EntraDirectorySyncTest {

  private static final String TENANT = "9a7b5c3d-1e2f-4a6b-8c9d-0e1f2a3b4c5d";
  private static final String APP = "7d6c5b4a-3f2e-4d1c-9b8a-1f2e3d4c5b6a";
  private static final String APP_SECRET = "fabrikam-entra-client-secret";
  private static final String NO_PERMISSION_APP = "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901";
  private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  private static final String ENGINEERING = "b4d2f3e5-1c6a-4d7b-9f8e-2a3b4c5d6e01";
  private static final String ANA = "c5e3a4f6-2d7b-4e8c-8a9f-3b4c5d6e7f01";
  private static final String DAN = "c5e3a4f6-2d7b-4e8c-8a9f-3b4c5d6e7f04";

  private EntraSimulator entra;
  private String graph;

  @BeforeEach
  void start() {
    entra = EntraSimulator.start(SimulatorDirectory.demo(), 0);
    graph = entra.graphBaseUrl() + "/v1.0";
  }

  @AfterEach
  void stop() {
    entra.close();
  }

  @Test
  @DisplayName(
      "Client credentials with a secret (post or Basic) give an app-only Graph token with the app's permissions as roles")
  void appToken() throws Exception {
    for (ClientAuthentication authentication :
        List.of(
            new ClientSecretPost(new ClientID(APP), new Secret(APP_SECRET)),
            new ClientSecretBasic(new ClientID(APP), new Secret(APP_SECRET)))) {
      HTTPResponse response = clientCredentials(authentication, GRAPH_SCOPE);

      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
      JsonNode body = json(response.getBody());
      assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
      assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3599);
      JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asText()).getJWTClaimsSet();
      assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
      assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
      assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
      assertThat(claims.getStringClaim("appid")).isEqualTo(APP);
      assertThat(claims.getStringListClaim("roles"))
          .containsExactly("User.Read.All", "GroupMember.Read.All");
    }
  }

  @Test
  @DisplayName(
      "Client credentials refuse a wrong secret, an unknown app and a scope without /.default in Entra's words")
  void appTokenRefusals() {
    HTTPResponse wrongSecret =
        clientCredentials(new ClientSecretPost(new ClientID(APP), new Secret("nope")), GRAPH_SCOPE);
    assertThat(wrongSecret.getStatusCode()).isEqualTo(401);
    assertThat(json(wrongSecret.getBody()).get("error").asText()).isEqualTo("invalid_client");
    assertThat(json(wrongSecret.getBody()).get("error_description").asText())
        .startsWith("AADSTS7000215: Invalid client secret provided.");

    String unknown = "00000000-0000-4000-8000-000000000000";
    HTTPResponse unknownApp =
        clientCredentials(
            new ClientSecretPost(new ClientID(unknown), new Secret("x")), GRAPH_SCOPE);
    assertThat(unknownApp.getStatusCode()).isEqualTo(400);
    assertThat(json(unknownApp.getBody()).get("error").asText()).isEqualTo("unauthorized_client");
    assertThat(json(unknownApp.getBody()).get("error_description").asText())
        .startsWith("AADSTS700016: Application with identifier '" + unknown + "' was not found");
    assertThat(json(unknownApp.getBody()).get("error_codes").get(0).asInt()).isEqualTo(700016);

    HTTPResponse badScope =
        clientCredentials(
            new ClientSecretPost(new ClientID(APP), new Secret(APP_SECRET)), "User.Read");
    assertThat(badScope.getStatusCode()).isEqualTo(400);
    assertThat(json(badScope.getBody()).get("error").asText()).isEqualTo("invalid_scope");
    assertThat(json(badScope.getBody()).get("error_description").asText())
        .startsWith("AADSTS1002012: The provided value for scope User.Read is not valid.");
  }

  @Test
  @DisplayName(
      "Graph refuses a missing token (401), and an app without permission or a user's token (403)")
  void graphAuthorization() {
    HttpResponse<String> anonymous = get(graph + "/users", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json(anonymous).at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");

    String noPermission = bearer(NO_PERMISSION_APP, "fabrikam-noperm-secret");
    RelyingParty app = RelyingParty.discover(entra.issuer(TENANT), APP, APP_SECRET);
    String userToken =
        "Bearer "
            + app.signInAndRedeem(
                    app.authorization("openid profile email"), "ana@fabrikam.example", "Passw0rd!")
                .getOIDCTokens()
                .getAccessToken()
                .getValue();
    for (String token : List.of(noPermission, userToken)) {
      for (String path : List.of("/users", "/users/delta", "/groups")) {
        HttpResponse<String> refused = get(graph + path, token);
        assertThat(refused.statusCode()).as(path).isEqualTo(403);
        assertThat(json(refused).at("/error/code").asText())
            .isEqualTo("Authorization_RequestDenied");
        assertThat(json(refused).at("/error/message").asText())
            .isEqualTo("Insufficient privileges to complete the operation.");
      }
    }
    HttpResponse<String> memberObjects =
        RelyingParty.postJson(
            URI.create(graph + "/users/" + ANA + "/getMemberObjects"),
            "{\"securityEnabledOnly\":true}",
            noPermission.substring("Bearer ".length()));
    assertThat(memberObjects.statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "Users list with $select and $top; the nextLink repeats both; bad $top or property gets 400")
  void users() {
    String token = bearer(APP, APP_SECRET);
    List<HttpResponse<String>> pages =
        pages(
            graph + "/users?$select=userPrincipalName,accountEnabled,department&$top=4",
            ApiClient::graphNext,
            token);
    List<JsonNode> users = items(pages);

    assertThat(pages).hasSize(2);
    assertThat(ApiClient.graphNext(pages.get(0)))
        .startsWith(graph + "/users?$select=userPrincipalName,accountEnabled,department&$top=4&")
        .contains("$skiptoken=");
    assertThat(json(pages.get(0)).get("@odata.context").asText())
        .isEqualTo(graph + "/$metadata#users(userPrincipalName,accountEnabled,department)");
    assertThat(users).hasSize(6);
    JsonNode ana = users.get(0);
    assertThat(ana.get("id").asText()).isEqualTo(ANA);
    assertThat(ana.get("department").asText()).isEqualTo("R&D");
    assertThat(ana.has("mail")).isFalse();
    assertThat(users.get(4).get("userPrincipalName").asText()).isEqualTo("eva@fabrikam.example");
    assertThat(users.get(4).get("accountEnabled").asBoolean()).isFalse();

    JsonNode defaults = items(pages(graph + "/users", ApiClient::graphNext, token)).get(0);
    assertThat(defaults.get("mail").asText()).isEqualTo("ana@fabrikam.example");
    assertThat(defaults.get("displayName").asText()).isEqualTo("Ana Alves");
    assertThat(defaults.has("accountEnabled")).isFalse();

    for (String top : List.of("0", "1000", "ten")) {
      HttpResponse<String> refused = get(graph + "/users?$top=" + top, token);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(json(refused).at("/error/code").asText()).isEqualTo("Request_BadRequest");
      assertThat(json(refused).at("/error/message").asText())
          .isEqualTo(
              "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
    }
    assertThat(get(graph + "/users?$select=shoeSize", token).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "Delta: the first round lists everyone and ends in a deltaLink, which returns only what changed since, removals as @removed")
  void delta() {
    String token = bearer(APP, APP_SECRET);
    String select = graph + "/users/delta?$select=userPrincipalName,accountEnabled,department";
    List<HttpResponse<String>> first =
        pages(select, ApiClient::graphNext, token, "Prefer", "odata.maxpagesize=4");

    assertThat(first).hasSize(2);
    assertThat(first.get(0).headers().firstValue("Preference-Applied"))
        .hasValue("odata.maxpagesize=4");
    assertThat(items(first)).hasSize(6);
    String deltaLink = deltaLink(first.get(1));
    assertThat(deltaLink).startsWith(select + "&$deltatoken=");
    HttpResponse<String> unchanged = get(deltaLink, token);
    assertThat(json(unchanged).get("value")).isEmpty();
    deltaLink = deltaLink(unchanged);

    entra.updateProfile(TENANT, "ben@fabrikam.example", Map.of("department", "Logistics"));
    entra.setAccountEnabled(TENANT, "cy@fabrikam.example", false);
    entra.removeUser(TENANT, "dan@fabrikam.example");
    entra.addUser(TENANT, gil());
    List<HttpResponse<String>> second =
        pages(deltaLink, ApiClient::graphNext, token, "Prefer", "odata.maxpagesize=3");
    List<JsonNode> changes = items(second);

    assertThat(second).hasSize(2);
    assertThat(changes).hasSize(4);
    assertThat(changes.get(0).get("userPrincipalName").asText()).isEqualTo("ben@fabrikam.example");
    assertThat(changes.get(0).get("department").asText()).isEqualTo("Logistics");
    assertThat(changes.get(1).get("accountEnabled").asBoolean()).isFalse();
    assertThat(changes.get(2).get("id").asText()).isEqualTo(DAN);
    assertThat(changes.get(2).at("/@removed/reason").asText()).isEqualTo("changed");
    assertThat(changes.get(3).get("userPrincipalName").asText()).isEqualTo("gil@fabrikam.example");
    assertThat(json(get(deltaLink(second.get(1)), token)).get("value")).isEmpty();

    HttpResponse<String> stale = get(graph + "/users/delta?$deltatoken=bm9wZQ", token);
    assertThat(stale.statusCode()).isEqualTo(410);
    assertThat(json(stale).at("/error/code").asText()).isEqualTo("syncStateNotFound");
  }

  @Test
  @DisplayName("Groups and their members page with $top; members follow assignments")
  void groupsAndMembers() {
    String token = bearer(APP, APP_SECRET);
    List<HttpResponse<String>> groups =
        pages(graph + "/groups?$top=2", ApiClient::graphNext, token);
    assertThat(groups).hasSize(2);
    assertThat(items(groups))
        .extracting(group -> group.get("displayName").asText())
        .containsExactly("Engineering", "Dispatch", "Contractors");
    assertThat(items(groups).get(0).get("securityEnabled").asBoolean()).isTrue();

    entra.assignGroups(TENANT, "fay@fabrikam.example", List.of("Engineering"));
    List<JsonNode> members =
        items(
            pages(
                graph + "/groups/" + ENGINEERING + "/members?$select=userPrincipalName&$top=1",
                ApiClient::graphNext,
                token));
    assertThat(members)
        .extracting(member -> member.get("userPrincipalName").asText())
        .containsExactly("ana@fabrikam.example", "fay@fabrikam.example");
    assertThat(members.get(0).get("@odata.type").asText()).isEqualTo("#microsoft.graph.user");
    assertThat(get(graph + "/groups/nope/members", token).statusCode()).isEqualTo(404);

    HttpResponse<String> memberObjects =
        RelyingParty.postJson(
            URI.create(graph + "/users/" + ANA + "/getMemberObjects"),
            "{\"securityEnabledOnly\":true}",
            token.substring("Bearer ".length()));
    assertThat(memberObjects.statusCode()).isEqualTo(200);
    assertThat(json(memberObjects).get("value").get(0).asText()).isEqualTo(ENGINEERING);
  }

  @Test
  @DisplayName(
      "Admin actions reach sign-in: disabled and removed users cannot, hires can, mail changes show in tokens")
  void signIn() throws Exception {
    RelyingParty app = RelyingParty.discover(entra.issuer(TENANT), APP, APP_SECRET);
    entra.setAccountEnabled(TENANT, "fay@fabrikam.example", false);
    entra.removeUser(TENANT, "ben@fabrikam.example");
    entra.addUser(TENANT, gil());
    entra.updateProfile(TENANT, "cy@fabrikam.example", Map.of("mail", "cy.cole@fabrikam.example"));

    for (String refused : List.of("eva", "fay", "ben")) {
      assertThat(
              RelyingParty.submitSignIn(
                      app.open(app.authorization("openid")),
                      refused + "@fabrikam.example",
                      "Passw0rd!")
                  .body())
          .as(refused)
          .contains("Your account or password is incorrect.");
    }
    RelyingParty.Authorization authorization = app.authorization("openid profile email");
    IDTokenClaimsSet gil =
        app.validate(
            app.signInAndRedeem(authorization, "gil@fabrikam.example", "Passw0rd!")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());
    assertThat(gil.getStringClaim("oid")).isEqualTo(gil().objectId());
    assertThat(gil.getStringListClaim("groups")).containsExactly(ENGINEERING);
    authorization = app.authorization("openid profile email");
    IDTokenClaimsSet cy =
        app.validate(
            app.signInAndRedeem(authorization, "cy@fabrikam.example", "Passw0rd!")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());
    assertThat(cy.getStringClaim("email")).isEqualTo("cy.cole@fabrikam.example");
  }

  @Test
  @DisplayName("Admin actions refuse unknown tenants, users, groups and properties")
  void unknownTargets() {
    assertThatThrownBy(() -> entra.removeUser("nope.example", "ana@fabrikam.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No Entra tenant nope.example");
    assertThatThrownBy(() -> entra.setAccountEnabled(TENANT, "nobody@fabrikam.example", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No user nobody@fabrikam.example in Entra tenant fabrikam");
    assertThatThrownBy(
            () -> entra.updateProfile(TENANT, "ana@fabrikam.example", Map.of("upn", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entra.assignGroups(TENANT, "ana@fabrikam.example", List.of("Nope")))
        .isInstanceOf(IllegalArgumentException.class);
    entra.addUser(TENANT, gil());
    assertThatThrownBy(() -> entra.addUser(TENANT, gil()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "Users listed while an admin keeps changing them come once each; the next delta round has every change")
  void listingWhileChanging() throws Exception {
    entra.generateUsers(TENANT, 2_000);
    String token = bearer(APP, APP_SECRET);
    String deltaLink =
        deltaLink(
            pages(
                    graph + "/users/delta?$select=department",
                    ApiClient::graphNext,
                    token,
                    "Prefer",
                    "odata.maxpagesize=999")
                .get(2));
    AtomicBoolean listing = new AtomicBoolean(true);
    AtomicInteger changed = new AtomicInteger();
    Thread admin =
        new Thread(
            () -> {
              while (listing.get()) {
                int n = changed.incrementAndGet() % 2_000 + 1;
                entra.updateProfile(
                    TENANT,
                    String.format("gen%07d@fabrikam.example", n),
                    Map.of("department", "Changed " + changed.get()));
              }
            });
    admin.start();
    List<JsonNode> listed;
    try {
      listed =
          items(pages(graph + "/users?$select=department&$top=50", ApiClient::graphNext, token));
    } finally {
      listing.set(false);
      admin.join();
    }

    assertThat(changed.get()).isPositive();
    assertThat(listed).hasSize(2_006);
    assertThat(listed).extracting(user -> user.get("id").asText()).doesNotHaveDuplicates();
    int expected = Math.min(changed.get(), 2_000);
    assertThat(
            items(pages(deltaLink, ApiClient::graphNext, token)).stream()
                .map(user -> user.get("id").asText())
                .distinct())
        .hasSize(expected);
  }

  @Test
  @DisplayName(
      "100,000 generated users list in pages of 999 and in one delta round, one request per page")
  void generatedUsers() {
    entra.generateUsers("fabrikam.example", 100_000);
    String token = bearer(APP, APP_SECRET);

    List<JsonNode> listed =
        items(
            pages(
                graph + "/users?$select=userPrincipalName&$top=999", ApiClient::graphNext, token));
    List<HttpResponse<String>> delta =
        pages(
            graph + "/users/delta?$select=userPrincipalName",
            ApiClient::graphNext,
            token,
            "Prefer",
            "odata.maxpagesize=999");

    assertThat(listed).hasSize(100_006);
    assertThat(listed).extracting(user -> user.get("id").asText()).doesNotHaveDuplicates();
    assertThat(items(delta)).hasSize(100_006);
    assertThat(
            Set.copyOf(
                items(delta).stream().map(user -> user.get("userPrincipalName").asText()).toList()))
        .contains("gen0000001@fabrikam.example", "gen0100000@fabrikam.example");
    assertThat(entra.apiRequests(TENANT)).isEqualTo(101 + 101);
  }

  private static EntraTenant.User gil() {
    return new EntraTenant.User(
        "c5e3a4f6-2d7b-4e8c-8a9f-3b4c5d6e7f07",
        "gil@fabrikam.example",
        "Passw0rd!",
        "Gil",
        "Gray",
        "gil@fabrikam.example",
        true,
        true,
        List.of("Engineering"),
        0,
        List.of(),
        "R&D",
        "Engineer",
        "E-0007");
  }

  private HTTPResponse clientCredentials(ClientAuthentication authentication, String scope) {
    return RelyingParty.send(
        new TokenRequest(
                URI.create(entra.authority() + "/" + TENANT + "/oauth2/v2.0/token"),
                authentication,
                new ClientCredentialsGrant(),
                Scope.parse(scope))
            .toHTTPRequest());
  }

  private String bearer(String clientId, String secret) {
    HTTPResponse response =
        clientCredentials(
            new ClientSecretPost(new ClientID(clientId), new Secret(secret)), GRAPH_SCOPE);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return "Bearer " + json(response.getBody()).get("access_token").asText();
  }

  private static String deltaLink(HttpResponse<String> lastPage) {
    JsonNode link = json(lastPage).get("@odata.deltaLink");
    assertThat(link).as(lastPage.body()).isNotNull();
    return link.asText();
  }
}
