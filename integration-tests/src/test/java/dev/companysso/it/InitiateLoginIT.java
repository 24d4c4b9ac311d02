package dev.companysso.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.Browser;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.DemoAppClient;
import dev.companysso.it.support.UpstreamSignInPage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

  @Test
  @DisplayName(
      "The Okta tile (iss + target_link_uri) signs the worker in at Acme's Okta and ends on the app, which then signs in without a prompt")
  void oktaTile(CompanySsoStack stack) throws Exception {
    String target = stack.keycloak().baseUrl() + "/demo-app/home";
    try (Browser browser = Browser.start()) {
      browser.open(
          initiateLogin(
              stack,
              Map.of(
                  "iss",
                  stack.okta().issuer(CompanySsoStack.ACME_ORG, null),
                  "target_link_uri",
                  target,
                  "login_hint",
                  "bob@acme.example")));
      UpstreamSignInPage.OKTA.signIn(browser, "", "bob-password");
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
      "A target_link_uri that no client of the realm admits gets a themed error page, never a redirect")
  void foreignTarget(CompanySsoStack stack) throws Exception {
    expectInvalidLink(
        stack, stack.okta().issuer(CompanySsoStack.ACME_ORG, null), "https://evil.example/steal");
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

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).header("Accept-Language", "en").build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
