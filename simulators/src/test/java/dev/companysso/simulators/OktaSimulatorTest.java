package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Okta simulator")
class OktaSimulatorTest {

  private static final String CLIENT_ID = "0oa1acmekeycloak000001";
  private static final String CLIENT_SECRET = "acme-okta-client-secret";
  private static final String SCOPE = "openid profile email";

  private static OktaSimulator okta;
  private static OktaSimulator globex;
  private static RelyingParty orgServer;
  private static RelyingParty defaultServer;

  @BeforeAll
  static void start() {
    okta = OktaSimulator.start(SimulatorDirectory.demo(), 0);
    globex =
        OktaSimulator.start(SimulatorDirectory.fromClasspath("/simulators/test-directory.json"), 0);
    orgServer = RelyingParty.discover(okta.issuer("acme", null), CLIENT_ID, CLIENT_SECRET);
    defaultServer = RelyingParty.discover(okta.issuer("acme", "default"), CLIENT_ID, CLIENT_SECRET);
  }

  @AfterAll
  static void stop() {
    okta.close();
    globex.close();
  }

  @Test
  @DisplayName(
      "The org authorization server's issuer is the org URL and its endpoints sit under /oauth2/v1")
  void orgServerDiscovery() {
    String base = "http://localhost:" + okta.port() + "/acme";
    assertThat(okta.orgBaseUrl("acme")).isEqualTo(base);
    assertThat(orgServer.provider.getIssuer().getValue()).isEqualTo(base);
    assertThat(orgServer.provider.getAuthorizationEndpointURI())
        .hasToString(base + "/oauth2/v1/authorize");
    assertThat(orgServer.provider.getTokenEndpointURI()).hasToString(base + "/oauth2/v1/token");
    assertThat(orgServer.provider.getJWKSetURI()).hasToString(base + "/oauth2/v1/keys");
    assertThat(orgServer.provider.getUserInfoEndpointURI())
        .hasToString(base + "/oauth2/v1/userinfo");
    assertThat(orgServer.provider.getEndSessionEndpointURI())
        .hasToString(base + "/oauth2/v1/logout");
  }

  @Test
  @DisplayName(
      "A key rotation publishes the new key beside the old one, as Okta's key set does during a rotation")
  void keyRotation() throws Exception {
    OktaSimulator rotating = OktaSimulator.start(SimulatorDirectory.demo(), 0);
    try {
      URI keys = URI.create(rotating.orgBaseUrl("acme") + "/oauth2/v1/keys");
      String before = RelyingParty.get(keys).body();
      rotating.rotateSigningKey("acme", null);
      JWKSet after = JWKSet.parse(RelyingParty.get(keys).body());

      assertThat(after.getKeys()).hasSize(2);
      assertThat(after.getKeys().get(1).getKeyID())
          .isEqualTo(JWKSet.parse(before).getKeys().get(0).getKeyID());
    } finally {
      rotating.close();
    }
  }

  @Test
  @DisplayName(
      "A custom authorization server lives under /oauth2/{serverId} and also serves OAuth server metadata")
  void customServerDiscovery() {
    String issuer = "http://localhost:" + okta.port() + "/acme/oauth2/default";
    assertThat(okta.issuer("acme", "default")).isEqualTo(issuer);
    assertThat(defaultServer.provider.getAuthorizationEndpointURI())
        .hasToString(issuer + "/v1/authorize");
    assertThat(defaultServer.provider.getTokenEndpointURI()).hasToString(issuer + "/v1/token");
    assertThat(defaultServer.provider.getJWKSetURI()).hasToString(issuer + "/v1/keys");
    assertThat(defaultServer.provider.getUserInfoEndpointURI())
        .hasToString(issuer + "/v1/userinfo");
    assertThat(defaultServer.provider.getEndSessionEndpointURI())
        .hasToString(issuer + "/v1/logout");
    HttpResponse<String> oauthMetadata =
        RelyingParty.get(URI.create(issuer + "/.well-known/oauth-authorization-server"));
    assertThat(oauthMetadata.statusCode()).isEqualTo(200);
    assertThat(oauthMetadata.body()).contains("\"issuer\":\"" + issuer.replace("/", "\\/") + "\"");
  }

  @Test
  @DisplayName(
      "The authorization endpoint shows Okta's sign-in widget and keeps the request itself on the server")
  void signInWidget() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    HttpResponse<String> page = orgServer.open(authorization);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<title>Sign In</title>",
            "id=\"okta-signin-username\"",
            "id=\"okta-signin-password\"",
            "id=\"okta-signin-submit\"",
            "name=\"sign_in_request\"");
    assertThat(page.body())
        .doesNotContain(
            authorization.state().getValue(),
            authorization.nonce().getValue(),
            "redirect_uri",
            "8543");
  }

  @Test
  @DisplayName(
      "Alice signs in at the org server and gets an id_token with her Okta user id, org id, nonce and group names")
  void orgServerIdToken() throws Exception {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    OIDCTokenResponse tokens =
        orgServer.signInAndRedeem(authorization, "alice@acme.example", "alice-password");

    IDTokenClaimsSet idToken =
        orgServer.validate(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
    assertThat(idToken.getIssuer().getValue()).isEqualTo(okta.orgBaseUrl("acme"));
    assertThat(idToken.getSubject().getValue()).isEqualTo("00u1alice00000000001");
    assertThat(idToken.getAudience()).extracting(a -> a.getValue()).containsExactly(CLIENT_ID);
    assertThat(idToken.getNonce()).isEqualTo(authorization.nonce());
    assertThat(idToken.getAuthenticationTime()).isNotNull();
    assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd");
    assertThat(idToken.getStringClaim("idp")).isEqualTo("00o1acme0000000000001");
    assertThat(idToken.getNumberClaim("ver").intValue()).isEqualTo(1);
    assertThat(idToken.getStringClaim("jti")).startsWith("ID.");
    assertThat(idToken.getStringClaim("name")).isEqualTo("Alice Anders");
    assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("alice@acme.example");
    assertThat(idToken.getStringClaim("email")).isEqualTo("alice@acme.example");
    assertThat(idToken.getBooleanClaim("email_verified")).isTrue();
    assertThat(idToken.getStringListClaim("groups")).containsExactly("Everyone", "Engineering");

    JWTClaimsSet accessToken = claimsOf(tokens.getOIDCTokens().getAccessToken());
    assertThat(accessToken.getSubject()).isEqualTo("00u1alice00000000001");
    assertThat(accessToken.getAudience()).containsExactly(okta.orgBaseUrl("acme"));
    assertThat(accessToken.getStringClaim("uid")).isEqualTo("00u1alice00000000001");
    assertThat(accessToken.getStringClaim("cid")).isEqualTo(CLIENT_ID);
    assertThat(accessToken.getStringListClaim("scp"))
        .containsExactlyInAnyOrder("openid", "profile", "email");
    assertThat(accessToken.getJWTID()).startsWith("AT.");
  }

  private static final String API_TOKEN = "SSWS 00initrode-read-only-api-token";

  private static HttpResponse<String> api(String url, String authorization) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Every page of a management API list, following Link rel="next"; the pages' bodies. */
  private static List<String> allPages(String url) throws Exception {
    List<String> pages = new java.util.ArrayList<>();
    String next = url;
    while (next != null) {
      HttpResponse<String> page = api(next, API_TOKEN);
      assertThat(page.statusCode()).isEqualTo(200);
      pages.add(page.body());
      next =
          page.headers()
              .firstValue("Link")
              .map(link -> link.substring(1, link.indexOf('>')))
              .orElse(null);
    }
    return pages;
  }

  @Test
  @DisplayName(
      "The management API pages users, groups, a user's groups and a group's members by Link rel=next, for an SSWS token only")
  void managementApi() throws Exception {
    String api = okta.orgBaseUrl("initrode") + "/api/v1";

    List<String> users = allPages(api + "/users");
    assertThat(users).hasSize(2);
    assertThat(String.join("", users))
        .contains("\"login\":\"lou@initrode.example\"", "\"login\":\"oren@initrode.example\"")
        .contains("\"status\":\"ACTIVE\"");

    List<String> orensGroups = allPages(api + "/users/00u1oren000000000001/groups");
    assertThat(orensGroups).hasSize(2);
    assertThat(orensGroups.get(1)).contains("\"name\":\"Night shift\"");

    assertThat(String.join("", allPages(api + "/groups")))
        .contains("\"name\":\"Everyone\"", "\"name\":\"Warehouse\"", "\"name\":\"Night shift\"");
    assertThat(allPages(api + "/groups/00g1nightshift0000001/users"))
        .singleElement()
        .asString()
        .contains("oren@initrode.example")
        .doesNotContain("lou@initrode.example");

    HttpResponse<String> refused = api(api + "/users", "SSWS wrong");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("E0000011");
    assertThat(api(api + "/users/00u1nobody/groups", API_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("An admin's group changes reach the next token; unknown groups are refused")
  void assignmentChanges() throws Exception {
    okta.assignGroups("acme", "quinn@acme.example", List.of("Everyone", "Support"));

    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    OIDCTokenResponse tokens =
        orgServer.signInAndRedeem(authorization, "quinn@acme.example", "quinn-password");
    IDTokenClaimsSet idToken =
        orgServer.validate(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
    assertThat(idToken.getStringListClaim("groups")).containsExactly("Everyone", "Support");
    assertThatThrownBy(() -> okta.assignGroups("acme", "quinn@acme.example", List.of("Nope")))
        .hasMessage("No group Nope in Okta org acme");
  }

  @Test
  @DisplayName(
      "A custom server signs with its own key, puts the login in the access token's sub and audience api://default")
  void customServerTokens() throws Exception {
    RelyingParty.Authorization authorization = defaultServer.authorization(SCOPE);
    OIDCTokenResponse tokens =
        defaultServer.signInAndRedeem(authorization, "bob@acme.example", "bob-password");

    IDTokenClaimsSet idToken =
        defaultServer.validate(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
    assertThat(idToken.getIssuer().getValue()).isEqualTo(okta.issuer("acme", "default"));
    assertThat(idToken.getSubject().getValue()).isEqualTo("00u1bob0000000000001");
    assertThat(idToken.getStringListClaim("groups")).containsExactly("Everyone", "Dispatch");
    JWTClaimsSet accessToken = claimsOf(tokens.getOIDCTokens().getAccessToken());
    assertThat(accessToken.getSubject()).isEqualTo("bob@acme.example");
    assertThat(accessToken.getAudience()).containsExactly("api://default");
    assertThat(kid(tokens.getOIDCTokens().getAccessToken()))
        .isNotEqualTo(
            kid(
                orgServer
                    .signInAndRedeem(
                        orgServer.authorization(SCOPE), "bob@acme.example", "bob-password")
                    .getOIDCTokens()
                    .getAccessToken()));
  }

  @Test
  @DisplayName("Userinfo answers for its own server's access tokens and refuses another server's")
  void userInfoPerServer() {
    AccessToken customToken =
        defaultServer
            .signInAndRedeem(
                defaultServer.authorization(SCOPE), "alice@acme.example", "alice-password")
            .getOIDCTokens()
            .getAccessToken();

    UserInfo userInfo = userInfo(defaultServer, customToken).toSuccessResponse().getUserInfo();
    assertThat(userInfo.getSubject().getValue()).isEqualTo("00u1alice00000000001");
    assertThat(userInfo.getPreferredUsername()).isEqualTo("alice@acme.example");
    assertThat(userInfo.getEmailAddress()).isEqualTo("alice@acme.example");
    assertThat(userInfo.getStringListClaim("groups")).containsExactly("Everyone", "Engineering");

    UserInfoResponse atOrgServer = userInfo(orgServer, customToken);
    assertThat(atOrgServer.indicatesSuccess()).isFalse();
    assertThat(atOrgServer.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "A wrong password shows the form again with 'Unable to sign in', and the same form still works")
  void wrongPassword() {
    HttpResponse<String> form = orgServer.open(orgServer.authorization(SCOPE));
    HttpResponse<String> retry =
        RelyingParty.submitSignIn(form, "alice@acme.example", "wrong-password");

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Location")).isEmpty();
    assertThat(retry.body()).contains("Unable to sign in", "value=\"alice@acme.example\"");
    assertThat(
            RelyingParty.submitSignIn(retry, "alice@acme.example", "alice-password").statusCode())
        .isEqualTo(302);
  }

  @Test
  @DisplayName("Values echoed on the sign-in page are HTML-escaped")
  void escapesEchoedValues() {
    HttpResponse<String> form = orgServer.open(orgServer.authorization(SCOPE));
    HttpResponse<String> retry =
        RelyingParty.submitSignIn(form, "\"><script>alert(1)</script>", "x");

    assertThat(retry.body())
        .contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  @DisplayName(
      "A user not assigned to the app signs in, then is sent back with access_denied and Okta's text")
  void unassignedUser() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    AuthenticationResponse response =
        orgServer.signIn(authorization, "carol@acme.example", "carol-password");

    assertThat(response.indicatesSuccess()).isFalse();
    AuthenticationErrorResponse error = response.toErrorResponse();
    assertThat(error.getRedirectionURI()).isEqualTo(RelyingParty.REDIRECT_URI);
    assertThat(error.getState()).isEqualTo(authorization.state());
    assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(error.getErrorObject().getDescription())
        .isEqualTo("User is not assigned to the client application.");
  }

  @Test
  @DisplayName(
      "The org keeps the browser signed in: the next request is answered at once, for an unassigned user with the same error; prompt=login and sign-out show the form")
  void signInSession() {
    RelyingParty.Authorization first = orgServer.authorization(SCOPE);
    HttpResponse<String> answer =
        RelyingParty.submitSignIn(orgServer.open(first), "carol@acme.example", "carol-password");
    String cookie =
        answer.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("sid="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];

    RelyingParty.Authorization again = orgServer.authorization(SCOPE);
    HttpResponse<String> repeated = RelyingParty.get(again.request().toURI(), cookie);
    assertThat(repeated.statusCode()).isEqualTo(302);
    assertThat(repeated.headers().firstValue("Location").orElseThrow())
        .contains("error=access_denied")
        .contains("state=" + again.state().getValue());

    RelyingParty.Authorization fresh =
        orgServer.authorization(
            SCOPE, builder -> builder.prompt(new com.nimbusds.openid.connect.sdk.Prompt("login")));
    assertThat(RelyingParty.get(fresh.request().toURI(), cookie).statusCode()).isEqualTo(200);

    RelyingParty.get(
        URI.create(orgServer.provider.getEndSessionEndpointURI() + "?client_id=" + CLIENT_ID),
        cookie);
    assertThat(
            RelyingParty.get(orgServer.authorization(SCOPE).request().toURI(), cookie).statusCode())
        .as("signed out")
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "A deactivated user cannot sign in and sees the same message as for a wrong password")
  void deactivatedUser() {
    RelyingParty globexOrg =
        RelyingParty.discover(
            globex.issuer("globex", null), "0oa1globexnogroups0001", "globex-secret");
    HttpResponse<String> retry =
        RelyingParty.submitSignIn(
            globexOrg.open(globexOrg.authorization(SCOPE)), "dan@globex.example", "dan-password");

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).contains("Unable to sign in");
  }

  @Test
  @DisplayName(
      "Without a groups claim filter there is no groups claim, and without the email scope no email")
  void noGroupsFilter() {
    RelyingParty globexOrg =
        RelyingParty.discover(
            globex.issuer("globex", null), "0oa1globexnogroups0001", "globex-secret");
    RelyingParty.Authorization authorization = globexOrg.authorization("openid profile");
    OIDCTokenResponse tokens =
        globexOrg.signInAndRedeem(authorization, "GINA@globex.example", "gina-password");

    IDTokenClaimsSet idToken =
        globexOrg.validate(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
    assertThat(idToken.getSubject().getValue()).isEqualTo("00u1gina000000000001");
    assertThat(idToken.getClaim("groups")).isNull();
    assertThat(idToken.getClaim("email")).isNull();
  }

  @Test
  @DisplayName("A wrong client secret gets 401 invalid_client")
  void wrongClientSecret() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    AuthorizationCode code = orgServer.code(authorization, "alice@acme.example", "alice-password");
    HTTPResponse response =
        orgServer.redeem(
            code,
            authorization.verifier(),
            new ClientSecretBasic(orgServer.clientId, new Secret("not-the-secret")));

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(error(response).getCode()).isEqualTo("invalid_client");
    assertThat(error(response).getDescription())
        .isEqualTo("The client secret supplied for a confidential client is invalid.");
  }

  @Test
  @DisplayName("client_secret_post authenticates the client as well as client_secret_basic")
  void clientSecretPost() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    AuthorizationCode code = orgServer.code(authorization, "alice@acme.example", "alice-password");
    HTTPResponse response =
        orgServer.redeem(
            code,
            authorization.verifier(),
            new ClientSecretPost(orgServer.clientId, orgServer.clientSecret));

    assertThat(response.getStatusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("An authorization code works once; redeeming it again gets invalid_grant")
  void codeReuse() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    AuthorizationCode code = orgServer.code(authorization, "alice@acme.example", "alice-password");
    assertThat(orgServer.redeem(code, authorization.verifier()).getStatusCode()).isEqualTo(200);

    HTTPResponse second = orgServer.redeem(code, authorization.verifier());
    assertThat(second.getStatusCode()).isEqualTo(400);
    assertThat(error(second).getCode()).isEqualTo("invalid_grant");
  }

  @Test
  @DisplayName("A code verifier that does not match the PKCE challenge gets invalid_grant")
  void pkceMismatch() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE);
    AuthorizationCode code = orgServer.code(authorization, "alice@acme.example", "alice-password");
    HTTPResponse response = orgServer.redeem(code, new CodeVerifier());

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(error(response).getCode()).isEqualTo("invalid_grant");
    assertThat(error(response).getDescription()).isEqualTo("PKCE verification failed.");
  }

  @Test
  @DisplayName("An unregistered redirect_uri gets an error page instead of a redirect")
  void unregisteredRedirectUri() {
    URI authorize =
        URI.create(
            orgServer
                .authorization(SCOPE)
                .request()
                .toURI()
                .toString()
                .replace("localhost%3A8543", "evil.example"));
    HttpResponse<String> page = RelyingParty.get(authorize);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body())
        .contains("The &#39;redirect_uri&#39; parameter must be a Login redirect URI");
  }

  @Test
  @DisplayName("An unknown client_id gets an error page instead of a redirect")
  void unknownClient() {
    URI authorize =
        URI.create(
            orgServer
                .authorization(SCOPE)
                .request()
                .toURI()
                .toString()
                .replace(CLIENT_ID, "0oaUNKNOWN"));
    HttpResponse<String> page = RelyingParty.get(authorize);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body())
        .contains("invalid_client", "Invalid value for &#39;client_id&#39; parameter.");
  }

  @Test
  @DisplayName(
      "With offline_access a refresh token is issued, and redeeming it yields fresh tokens without the nonce")
  void refreshToken() {
    RelyingParty.Authorization authorization = orgServer.authorization(SCOPE + " offline_access");
    OIDCTokenResponse tokens =
        orgServer.signInAndRedeem(authorization, "alice@acme.example", "alice-password");
    assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();

    HTTPResponse refreshed =
        RelyingParty.send(
            new TokenRequest(
                    orgServer.provider.getTokenEndpointURI(),
                    new ClientSecretBasic(orgServer.clientId, orgServer.clientSecret),
                    new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
                .toHTTPRequest());
    assertThat(refreshed.getStatusCode()).as(refreshed.getBody()).isEqualTo(200);
    IDTokenClaimsSet idToken =
        orgServer.validate(RelyingParty.parseTokens(refreshed).getOIDCTokens().getIDToken(), null);
    assertThat(idToken.getSubject().getValue()).isEqualTo("00u1alice00000000001");
  }

  @Test
  @DisplayName("Logout returns to a registered post_logout_redirect_uri with the state")
  void logout() {
    State state = new State();
    URI logout =
        new LogoutRequest(
                orgServer.provider.getEndSessionEndpointURI(),
                null,
                RelyingParty.REDIRECT_URI,
                state)
            .toURI();
    HttpResponse<String> response = RelyingParty.get(logout);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(RelyingParty.REDIRECT_URI + "?state=" + state.getValue());
  }

  @Test
  @DisplayName("Simulators start many times in one JVM on ephemeral ports")
  void manyInstances() {
    try (OktaSimulator second = OktaSimulator.start(SimulatorDirectory.demo(), 0)) {
      assertThat(second.port()).isPositive().isNotEqualTo(okta.port());
      assertThat(
              RelyingParty.get(
                      URI.create(second.issuer("acme", null) + "/.well-known/openid-configuration"))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  private static UserInfoResponse userInfo(RelyingParty server, AccessToken token) {
    try {
      return UserInfoResponse.parse(
          RelyingParty.send(
              new UserInfoRequest(server.provider.getUserInfoEndpointURI(), token)
                  .toHTTPRequest()));
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static ErrorObject error(HTTPResponse response) {
    try {
      return TokenErrorResponse.parse(response).getErrorObject();
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new AssertionError(response.getBody(), e);
    }
  }

  private static JWTClaimsSet claimsOf(AccessToken token) throws java.text.ParseException {
    return SignedJWT.parse(token.getValue()).getJWTClaimsSet();
  }

  private static String kid(AccessToken token) throws java.text.ParseException {
    return SignedJWT.parse(token.getValue()).getHeader().getKeyID();
  }
}
