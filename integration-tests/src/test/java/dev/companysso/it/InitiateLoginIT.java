package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.LoginPage;
import dev.companysso.it.support.RealmFixtures;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;

/** Sign-in started from the Okta dashboard tile: OIDC third-party-initiated login. */
@ExtendWith(CompanySsoExtension.class)
class InitiateLoginIT {

  private static URI initiateLogin(CompanySsoStack stack, Map<String, String> parameters) {
    StringBuilder url =
        new StringBuilder(stack.keycloak().baseUrl())
            .append("/realms/")
            .append(CompanySsoStack.REALM)
            .append("/company-sso/initiate-login?");
    parameters.forEach(
        (name, value) ->
            url.append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                .append('&'));
    return URI.create(url.toString());
  }

  /** What Acme's Okta tile sends: its issuer and demo-app's home page, plus {@code extra}. */
  private static URI acmeTile(CompanySsoStack stack, Map<String, String> extra) {
    Map<String, String> parameters = new java.util.LinkedHashMap<>(extra);
    parameters.put("iss", stack.okta().issuer(CompanySsoStack.ACME_ORG, null));
    parameters.put("target_link_uri", stack.keycloak().baseUrl() + "/demo-app/home");
    return initiateLogin(stack, parameters);
  }

  @Test
  @DisplayName(
      "The Okta tile (iss + target_link_uri) signs the worker in at Acme's Okta and ends on the app, which then signs in without a prompt")
  void oktaTile(CompanySsoStack stack) throws Exception {
    String target = stack.keycloak().baseUrl() + "/demo-app/home";
    try (Browser browser = Browser.start()) {
      browser.open(acmeTile(stack, Map.of("login_hint", "bob@acme.example")));
      UpstreamSignInPage.OKTA.signIn(browser, "bob@acme.example", "bob-password");
      assertThat(browser.waitForUrlStartingWith(target).toString()).isEqualTo(target);

      DemoAppClient app = new DemoAppClient(stack.keycloak().baseUrl(), CompanySsoStack.REALM);
      DemoAppClient.Authorization authorization = app.authorize(Map.of());
      browser.open(authorization.url());
      URI callback = browser.waitForUrlStartingWith(app.redirectUri().toString());
      assertThat(authorization.signedInUser(callback)).isEqualTo("bob@acme.example");
    }
  }

  @Test
  @DisplayName(
      "A worker Okta has not assigned to the app, coming from the tile, sees why after one round trip to Okta")
  void unassignedFromTile(CompanySsoStack stack) throws Exception {
    long start = System.currentTimeMillis();
    try (Browser browser = Browser.start()) {
      browser.open(acmeTile(stack, Map.of("login_hint", "carol@acme.example")));
      UpstreamSignInPage.OKTA.signIn(browser, "carol@acme.example", "carol-password");

      assertThat(new LoginPage(browser).hasSingleSignOnButton()).isTrue();
      assertThat(browser.pageText())
          .contains("Your company has not given you access to this application yet.");
    }
    try (Keycloak admin = stack.keycloak().adminClient()) {
      assertThat(
              new RealmFixtures(admin, CompanySsoStack.REALM)
                  .identityProviderErrors("acme-okta", "company_sso_user_not_assigned", start))
          .as("one round trip to Okta")
          .hasSize(1);
    }
  }

  @Test
  @DisplayName(
      "A target_link_uri that no client of the realm admits gets a themed error page, never a redirect")
  void foreignTarget(CompanySsoStack stack) throws Exception {
    expectInvalidLink(
        stack, stack.okta().issuer(CompanySsoStack.ACME_ORG, null), "https://evil.example/steal");
  }

  @Test
  @DisplayName("A target of a disabled client gets the themed error page, never a redirect")
  void disabledClient(CompanySsoStack stack) throws Exception {
    String clientId = "tile-disabled-" + java.util.UUID.randomUUID();
    org.keycloak.representations.idm.ClientRepresentation client =
        new org.keycloak.representations.idm.ClientRepresentation();
    client.setClientId(clientId);
    client.setPublicClient(true);
    client.setEnabled(false);
    client.setRedirectUris(List.of("https://disabled-app.example/*"));
    try (Keycloak admin = stack.keycloak().adminClient()) {
      admin.realm(CompanySsoStack.REALM).clients().create(client).close();
      try {
        expectInvalidLink(
            stack,
            stack.okta().issuer(CompanySsoStack.ACME_ORG, null),
            "https://disabled-app.example/home");
      } finally {
        String id =
            admin.realm(CompanySsoStack.REALM).clients().findByClientId(clientId).get(0).getId();
        admin.realm(CompanySsoStack.REALM).clients().get(id).remove();
      }
    }
  }

  @Test
  @DisplayName(
      "An issuer that is no identity provider of the realm gets the same themed error page")
  void unknownIssuer(CompanySsoStack stack) throws Exception {
    expectInvalidLink(
        stack, "https://unknown.okta.com", stack.keycloak().baseUrl() + "/demo-app/home");
  }

  private static void expectInvalidLink(CompanySsoStack stack, String issuer, String target)
      throws Exception {
    HttpResponse<String> response =
        get(initiateLogin(stack, Map.of("iss", issuer, "target_link_uri", target)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).contains("This sign-in link is not valid.");
  }

  @Test
  @DisplayName("A forged callback cannot redirect to a foreign site")
  void forgedCallback(CompanySsoStack stack) throws Exception {
    String state =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("demo-app\nhttps://evil.example/".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        get(
            URI.create(
                stack.keycloak().baseUrl()
                    + "/realms/workforce/company-sso/initiate-login/callback?code=x&state="
                    + state));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  @DisplayName(
      "A genuine state replayed without the browser that started the login, or without a completed sign-in, gets the error page")
  void replayedCallback(CompanySsoStack stack) throws Exception {
    HttpResponse<String> started = get(acmeTile(stack, Map.of()));
    assertThat(started.statusCode()).isEqualTo(303);
    URI authorization = URI.create(started.headers().firstValue("Location").orElseThrow());
    assertThat(authorization.getQuery()).contains("code_challenge_method=S256");
    String state =
        java.util.Arrays.stream(authorization.getRawQuery().split("&"))
            .filter(parameter -> parameter.startsWith("state="))
            .findFirst()
            .orElseThrow()
            .substring("state=".length());
    String cookie =
        started.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("COMPANY_SSO_INITIATE="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    URI callback =
        URI.create(
            stack.keycloak().baseUrl()
                + "/realms/workforce/company-sso/initiate-login/callback?code=not-a-code&state="
                + state);

    for (HttpResponse<String> response : List.of(get(callback), get(callback, cookie))) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).isEmpty();
      assertThat(response.body()).contains("Signing in from your company portal did not complete.");
    }
  }

  private static HttpResponse<String> get(URI uri, String cookie) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri)
                .header("Accept-Language", "en")
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).header("Accept-Language", "en").build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
