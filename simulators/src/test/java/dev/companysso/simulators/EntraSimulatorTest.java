package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Entra ID simulator")
class EntraSimulatorTest {

  private static final String TENANT_ID = "5f0f6e0c-8c1a-4f7e-9d2b-6a1c3e4b7a10";
  private static final String CLIENT_ID = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e";
  private static final String CLIENT_SECRET = "contoso-entra-client-secret";
  private static final String SCOPE = "openid profile email";
  private static final String ENGINEERING = "a3c1e2d4-0b5f-4c6a-8e7d-1f2a3b4c5d01";
  private static final String DAVE_OID = "0d7e2c4a-91b3-4f5e-8a6d-7c1b2e3f4a01";
  private static final String ERIN_OID = "0d7e2c4a-91b3-4f5e-8a6d-7c1b2e3f4a02";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EntraSimulator entra;
  private static EntraSimulator fabrikam;
  private static RelyingParty contoso;

  @BeforeAll
  static void start() {
    entra = EntraSimulator.start(SimulatorDirectory.demo(), 0);
    fabrikam =
        EntraSimulator.start(
            SimulatorDirectory.fromClasspath("/simulators/test-directory.json"), 0);
    contoso = RelyingParty.discover(entra.issuer(TENANT_ID), CLIENT_ID, CLIENT_SECRET);
  }

  @AfterAll
  static void stop() {
    entra.close();
    fabrikam.close();
  }

  @Test
  @DisplayName(
      "Discovery gives a GUID issuer under /v2.0, the tenant's oauth2/v2.0 endpoints and Graph's userinfo")
  void discovery() {
    String authority = "http://localhost:" + entra.port();
    assertThat(entra.authority()).isEqualTo(authority);
    assertThat(entra.graphBaseUrl()).isEqualTo(authority + "/graph");
    assertThat(contoso.provider.getIssuer().getValue())
        .isEqualTo(authority + "/" + TENANT_ID + "/v2.0");
    assertThat(contoso.provider.getAuthorizationEndpointURI())
        .hasToString(authority + "/" + TENANT_ID + "/oauth2/v2.0/authorize");
    assertThat(contoso.provider.getTokenEndpointURI())
        .hasToString(authority + "/" + TENANT_ID + "/oauth2/v2.0/token");
    assertThat(contoso.provider.getEndSessionEndpointURI())
        .hasToString(authority + "/" + TENANT_ID + "/oauth2/v2.0/logout");
    assertThat(contoso.provider.getJWKSetURI())
        .hasToString(authority + "/" + TENANT_ID + "/discovery/v2.0/keys");
    assertThat(contoso.provider.getUserInfoEndpointURI())
        .hasToString(authority + "/graph/oidc/userinfo");
    assertThat(contoso.provider.getSubjectTypes())
        .extracting(Object::toString)
        .containsExactly("pairwise");
  }

  @Test
  @DisplayName(
      "The tenant's verified domain works in request paths, while the issuer keeps the GUID; login_hint prefills the form")
  void domainNameTenant() {
    assertThat(entra.issuer("contoso.example")).isEqualTo(entra.issuer(TENANT_ID));
    RelyingParty byDomain =
        RelyingParty.discover(
            entra.authority() + "/contoso.example/v2.0", CLIENT_ID, CLIENT_SECRET);
    assertThat(byDomain.provider.getIssuer()).isEqualTo(contoso.provider.getIssuer());

    URI authorizeByDomain =
        URI.create(
            contoso
                .authorization(SCOPE, request -> request.loginHint("dave@contoso.example"))
                .request()
                .toURI()
                .toString()
                .replace("/" + TENANT_ID + "/", "/contoso.example/"));
    HttpResponse<String> page = RelyingParty.get(authorizeByDomain);
    assertThat(authorizeByDomain.getPath()).startsWith("/contoso.example/oauth2/v2.0/authorize");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<title>Sign in</title>",
            "id=\"i0118\"",
            "id=\"idSIButton9\"",
            "id=\"i0116\" name=\"username\" value=\"dave@contoso.example\"");
  }

  @Test
  @DisplayName(
      "Dave's v2.0 id_token carries tid, oid, a pairwise sub, optional claims, app roles and group ids")
  void idTokenClaims() {
    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    OIDCTokenResponse tokens =
        contoso.signInAndRedeem(authorization, "dave@contoso.example", "dave-password");

    IDTokenClaimsSet idToken =
        contoso.validate(tokens.getOIDCTokens().getIDToken(), authorization.nonce());
    assertThat(idToken.getStringClaim("ver")).isEqualTo("2.0");
    assertThat(idToken.getIssuer().getValue()).isEqualTo(entra.issuer(TENANT_ID));
    assertThat(idToken.getAudience()).extracting(a -> a.getValue()).containsExactly(CLIENT_ID);
    assertThat(idToken.getNonce()).isEqualTo(authorization.nonce());
    assertThat(idToken.getClaim("nbf")).isNotNull();
    assertThat(idToken.getStringClaim("tid")).isEqualTo(TENANT_ID);
    assertThat(idToken.getStringClaim("oid")).isEqualTo(DAVE_OID);
    assertThat(idToken.getSubject().getValue()).isNotEqualTo(DAVE_OID).matches("[A-Za-z0-9_-]{43}");
    assertThat(idToken.getStringClaim("name")).isEqualTo("Dave Dunn");
    assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("dave@contoso.example");
    assertThat(idToken.getStringClaim("email")).isEqualTo("dave@contoso.example");
    assertThat(idToken.getBooleanClaim("xms_edov")).isTrue();
    assertThat(idToken.getStringListClaim("roles")).containsExactly("Manager");
    assertThat(idToken.getStringListClaim("groups")).containsExactly(ENGINEERING);
  }

  @Test
  @DisplayName(
      "An admin's group and app-role changes reach the next token; unknown groups are refused")
  void assignmentChanges() {
    entra.assignGroups(TENANT_ID, "gabe@contoso.example", List.of("Sales"));
    entra.assignAppRoles("contoso.example", "gabe@contoso.example", List.of("Dispatcher"));

    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    IDTokenClaimsSet idToken =
        contoso.validate(
            contoso
                .signInAndRedeem(authorization, "gabe@contoso.example", "gabe-password")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());
    assertThat(idToken.getClaim("groups"))
        .isEqualTo(List.of("a3c1e2d4-0b5f-4c6a-8e7d-1f2a3b4c5d03"));
    assertThat(idToken.getClaim("roles")).isEqualTo(List.of("Dispatcher"));
    assertThatThrownBy(() -> entra.assignGroups(TENANT_ID, "gabe@contoso.example", List.of("Nope")))
        .hasMessage("No group Nope in Entra tenant contoso");
  }

  @Test
  @DisplayName("The same user gets a different sub in another application, but the same oid")
  void pairwiseSubject() {
    String first = fabrikamSignIn("aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa", "first-app-secret");
    String firstAgain = fabrikamSignIn("aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa", "first-app-secret");
    String second = fabrikamSignIn("bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb", "second-app-secret");

    assertThat(first).isEqualTo(firstAgain).isNotEqualTo(second);
  }

  @Test
  @DisplayName(
      "Without optional claims or group claims configured, email, xms_edov, roles and groups are left out")
  void plainApp() {
    RelyingParty app =
        RelyingParty.discover(
            fabrikam.issuer("fabrikam.example"),
            "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa",
            "first-app-secret");
    RelyingParty.Authorization authorization = app.authorization(SCOPE);
    IDTokenClaimsSet idToken =
        app.validate(
            app.signInAndRedeem(authorization, "hank@fabrikam.example", "hank-password")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());

    assertThat(idToken.getStringClaim("oid")).isEqualTo("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e001");
    assertThat(idToken.toJSONObject())
        .doesNotContainKeys("email", "xms_edov", "roles", "groups", "_claim_names");
  }

  @Test
  @DisplayName("Erin's 251 groups overflow the token: an overage pointer replaces the groups claim")
  void groupsOverage() {
    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    IDTokenClaimsSet idToken =
        contoso.validate(
            contoso
                .signInAndRedeem(authorization, "erin@contoso.example", "erin-password")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());

    assertThat(idToken.getClaim("groups")).isNull();
    assertThat(idToken.getJSONObjectClaim("_claim_names")).containsEntry("groups", "src1");
    assertThat(idToken.getJSONObjectClaim("_claim_sources").get("src1"))
        .isEqualTo(
            Map.of(
                "endpoint",
                entra.graphBaseUrl() + "/v1.0/users/" + ERIN_OID + "/getMemberObjects"));
    assertThat(idToken.getBooleanClaim("xms_edov")).isFalse();
    assertThat(idToken.getStringListClaim("roles")).containsExactly("Dispatcher");
  }

  @Test
  @DisplayName(
      "Graph's getMemberObjects lists all 251 of Erin's group ids for a bearer token of her tenant")
  void getMemberObjects() throws Exception {
    AccessToken accessToken =
        contoso
            .signInAndRedeem(contoso.authorization(SCOPE), "erin@contoso.example", "erin-password")
            .getOIDCTokens()
            .getAccessToken();
    URI memberObjects =
        URI.create(entra.graphBaseUrl() + "/v1.0/users/" + ERIN_OID + "/getMemberObjects");

    HttpResponse<String> response =
        RelyingParty.postJson(
            memberObjects, "{\"securityEnabledOnly\":false}", accessToken.getValue());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode ids = JSON.readTree(response.body()).get("value");
    assertThat(ids).hasSize(251);
    assertThat(ids.get(0).asText()).isEqualTo("a3c1e2d4-0b5f-4c6a-8e7d-1f2a3b4c5d02");
    assertThat(ids.get(250).asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  @DisplayName("Graph answers 401 InvalidAuthenticationToken without a valid bearer token")
  void getMemberObjectsUnauthenticated() throws Exception {
    URI memberObjects =
        URI.create(entra.graphBaseUrl() + "/v1.0/users/" + ERIN_OID + "/getMemberObjects");
    for (String token : new String[] {null, "not-a-token"}) {
      HttpResponse<String> response =
          RelyingParty.postJson(memberObjects, "{\"securityEnabledOnly\":false}", token);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(JSON.readTree(response.body()).at("/error/code").asText())
          .isEqualTo("InvalidAuthenticationToken");
    }
  }

  @Test
  @DisplayName("Graph's userinfo returns the same pairwise sub as the id_token")
  void userInfo() throws Exception {
    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    OIDCTokenResponse tokens =
        contoso.signInAndRedeem(authorization, "dave@contoso.example", "dave-password");
    JWTClaimsSet accessToken =
        SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue()).getJWTClaimsSet();
    assertThat(accessToken.getAudience()).containsExactly("00000003-0000-0000-c000-000000000000");
    assertThat(accessToken.getStringClaim("scp")).isEqualTo("openid profile email");

    UserInfoResponse response =
        UserInfoResponse.parse(
            RelyingParty.send(
                new UserInfoRequest(
                        contoso.provider.getUserInfoEndpointURI(),
                        tokens.getOIDCTokens().getAccessToken())
                    .toHTTPRequest()));
    assertThat(response.indicatesSuccess()).isTrue();
    assertThat(response.toSuccessResponse().getUserInfo().getSubject())
        .isEqualTo(
            contoso
                .validate(tokens.getOIDCTokens().getIDToken(), authorization.nonce())
                .getSubject());
    assertThat(response.toSuccessResponse().getUserInfo().getEmailAddress())
        .isEqualTo("dave@contoso.example");
  }

  @Test
  @DisplayName(
      "A wrong password shows Microsoft's form again with 'Your account or password is incorrect.'")
  void wrongPassword() {
    HttpResponse<String> retry =
        RelyingParty.submitSignIn(
            contoso.open(contoso.authorization(SCOPE)), "dave@contoso.example", "nope");

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).contains("Your account or password is incorrect.", "id=\"i0118\"");
  }

  @Test
  @DisplayName("A disabled account cannot sign in")
  void disabledAccount() {
    RelyingParty app =
        RelyingParty.discover(
            fabrikam.issuer("fabrikam.example"),
            "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa",
            "first-app-secret");
    HttpResponse<String> retry =
        RelyingParty.submitSignIn(
            app.open(app.authorization(SCOPE)), "ivy@fabrikam.example", "ivy-password");

    assertThat(retry.body()).contains("Your account or password is incorrect.");
  }

  @Test
  @DisplayName("An unassigned user is sent back with access_denied and AADSTS50105 naming the app")
  void unassignedUser() {
    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    AuthenticationResponse response =
        contoso.signIn(authorization, "frank@contoso.example", "frank-password");

    AuthenticationErrorResponse error = response.toErrorResponse();
    assertThat(error.getState()).isEqualTo(authorization.state());
    assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(error.getErrorObject().getDescription())
        .startsWith(
            "AADSTS50105: Your administrator has configured"
                + " the application Company SSO ('"
                + CLIENT_ID
                + "') to block users unless they are specifically"
                + " granted ('assigned') access to the application.");
  }

  @Test
  @DisplayName(
      "A wrong client secret gets 401 invalid_client in Entra's error shape, AADSTS7000215")
  void wrongClientSecret() throws Exception {
    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    AuthorizationCode code = contoso.code(authorization, "dave@contoso.example", "dave-password");
    HTTPResponse response =
        contoso.redeem(
            code,
            authorization.verifier(),
            new ClientSecretBasic(contoso.clientId, new Secret("wrong")));

    assertThat(response.getStatusCode()).isEqualTo(401);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.get("error").asText()).isEqualTo("invalid_client");
    assertThat(body.get("error_description").asText())
        .startsWith("AADSTS7000215: Invalid client secret provided.");
    assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(7000215);
    assertThat(body.get("timestamp").asText())
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
    assertThat(body.has("trace_id")).isTrue();
    assertThat(body.has("correlation_id")).isTrue();
  }

  @Test
  @DisplayName(
      "A redeemed code used again gets invalid_grant AADSTS54005; a wrong PKCE verifier AADSTS501481")
  void codeReuseAndPkce() throws Exception {
    RelyingParty.Authorization authorization = contoso.authorization(SCOPE);
    AuthorizationCode code = contoso.code(authorization, "dave@contoso.example", "dave-password");
    HTTPResponse wrongVerifier = contoso.redeem(code, new CodeVerifier());
    HTTPResponse replay = contoso.redeem(code, authorization.verifier());

    assertThat(wrongVerifier.getStatusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrongVerifier.getBody()).get("error_description").asText())
        .startsWith("AADSTS501481");
    assertThat(replay.getStatusCode()).isEqualTo(400);
    assertThat(JSON.readTree(replay.getBody()).get("error").asText()).isEqualTo("invalid_grant");
    assertThat(JSON.readTree(replay.getBody()).get("error_description").asText())
        .startsWith("AADSTS54005");
  }

  @Test
  @DisplayName(
      "An unregistered redirect_uri gets Microsoft's error page with AADSTS50011, not a redirect")
  void unregisteredRedirectUri() {
    URI authorize =
        URI.create(
            contoso
                .authorization(SCOPE)
                .request()
                .toURI()
                .toString()
                .replace("http%3A%2F%2Flocalhost%3A8543", "https%3A%2F%2Fevil.example"));
    HttpResponse<String> page = RelyingParty.get(authorize);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body())
        .contains("AADSTS50011", "https://evil.example/realms/company/broker/idp/endpoint");
  }

  private String fabrikamSignIn(String clientId, String secret) {
    RelyingParty app =
        RelyingParty.discover(
            fabrikam.issuer("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), clientId, secret);
    RelyingParty.Authorization authorization = app.authorization(SCOPE);
    IDTokenClaimsSet idToken =
        app.validate(
            app.signInAndRedeem(authorization, "hank@fabrikam.example", "hank-password")
                .getOIDCTokens()
                .getIDToken(),
            authorization.nonce());
    assertThat(idToken.getStringClaim("oid")).isEqualTo("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e001");
    return idToken.getSubject().getValue();
  }
}
