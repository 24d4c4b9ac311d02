package dev.companysso.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's requests of a login without the browser: one cookie jar per login, no redirects
 * followed unless asked, so the time of the one request that decides where to go can be taken
 * alone, and many logins can run at once where browsers would not fit.
 */
public final class LoginHttp {

  /** demo-app requires PKCE; one fixed verifier serves every login (RFC 7636's example). */
  private static final String CODE_VERIFIER = "dBjftJeZ4CVP-mJ92K9rfX83hhr6ywo34ZIHlR0QYHA";

  private static final String CODE_CHALLENGE = "UMmf0hxuotNx3TJ_sViCS9FITrxxnktVgwfFDJjAG3M";

  /** One client for all logins (its connections and threads are shared); cookies are per login. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String keycloakBaseUrl;
  private final String realm;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final String nodeBaseUrl;

  public LoginHttp(String keycloakBaseUrl, String realm) {
    this(keycloakBaseUrl, keycloakBaseUrl, realm);
  }

  /**
   * A login whose requests to Keycloak's public URL ({@code --hostname}) all go to one node of a
   * cluster, as a sticky balancer would send them.
   */
  public LoginHttp(String keycloakBaseUrl, String nodeBaseUrl, String realm) {
    this.keycloakBaseUrl = keycloakBaseUrl;
    this.nodeBaseUrl = nodeBaseUrl;
    this.realm = realm;
  }

  /** demo-app's redirect URI, where a finished login sends its code. */
  public String callback() {
    return keycloakBaseUrl + "/demo-app/callback";
  }

  /**
   * A whole brokered login at an Okta (simulator) provider: Keycloak's redirect, the Okta sign-in
   * form, the broker endpoint and the first-login flow, until Keycloak sends the code to demo-app.
   *
   * @return the callback URL with the code
   * @throws IllegalStateException with the page where the login stopped
   */
  public URI oktaLogin(String identityProvider, String login, String password) {
    return oktaLogin(authorization(Map.of("kc_idp_hint", identityProvider)), login, password);
  }

  /** The same, from an application's own authorization request (its state, its PKCE). */
  public URI oktaLogin(URI authorizationRequest, String login, String password) {
    HttpResponse<String> end = oktaLoginUntilStop(authorizationRequest, login, password);
    Optional<URI> callback = callbackOf(end);
    if (callback.isEmpty()) {
      throw new IllegalStateException(
          "The login stopped at " + end.uri() + " (" + end.statusCode() + "):\n" + end.body());
    }
    return callback.get();
  }

  /**
   * Follows a brokered Okta login until Keycloak redirects to demo-app or answers a page of its own
   * (an error page, a form), and returns that last answer.
   */
  public HttpResponse<String> oktaLoginUntilStop(
      URI authorizationRequest, String login, String password) {
    URI next = authorizationRequest;
    for (int step = 0; step < 20; step++) {
      HttpResponse<String> response = get(next);
      if (response.statusCode() == 200 && response.body().contains("okta-signin-username")) {
        response = post(oktaForm(response), oktaFields(response.body(), login, password));
      }
      Optional<String> location = response.headers().firstValue("Location");
      if (response.statusCode() / 100 != 3
          || location.isEmpty()
          || callbackOf(response).isPresent()) {
        return response;
      }
      next = next.resolve(location.get());
    }
    throw new IllegalStateException("More than 20 redirects from " + authorizationRequest);
  }

  private Optional<URI> callbackOf(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .map(location -> response.uri().resolve(location))
        .filter(target -> target.toString().startsWith(callback()));
  }

  private static URI oktaForm(HttpResponse<String> page) {
    Matcher form =
        Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
    if (!form.find()) {
      throw new IllegalStateException("No sign-in form on " + page.uri());
    }
    return page.uri().resolve(form.group(1).replace("&amp;", "&"));
  }

  private static Map<String, String> oktaFields(String html, String login, String password) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .matcher(html);
    while (hidden.find()) {
      fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    fields.put(fieldName(html, "okta-signin-username"), login);
    fields.put(fieldName(html, "okta-signin-password"), password);
    return fields;
  }

  private static String fieldName(String html, String id) {
    Matcher input =
        Pattern.compile("id=\"" + Pattern.quote(id) + "\" name=\"([^\"]+)\"").matcher(html);
    if (!input.find()) {
      throw new IllegalStateException("No input " + id + " on the sign-in page");
    }
    return input.group(1);
  }

  /** demo-app's authorization request with extra parameters such as kc_idp_hint or company. */
  public URI authorization(Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("client_id", "demo-app");
    parameters.put("redirect_uri", keycloakBaseUrl + "/demo-app/callback");
    parameters.put("response_type", "code");
    parameters.put("scope", "openid");
    parameters.put("state", "benchmark");
    parameters.put("code_challenge", CODE_CHALLENGE);
    parameters.put("code_challenge_method", "S256");
    parameters.putAll(extra);
    return URI.create(
        keycloakBaseUrl
            + "/realms/"
            + realm
            + "/protocol/openid-connect/auth?"
            + encode(parameters));
  }

  /**
   * Redeems the code of a finished login ({@link #oktaLogin}'s callback URL) at the token endpoint,
   * as demo-app would.
   *
   * @return the token response (JSON)
   * @throws IllegalStateException when Keycloak refuses the code
   */
  public String redeem(URI callback) {
    Matcher code =
        Pattern.compile("[?&]code=([^&]+)")
            .matcher(callback.getRawQuery() == null ? "" : "?" + callback.getRawQuery());
    if (!code.find()) {
      throw new IllegalStateException("No code in " + callback);
    }
    HttpResponse<String> response =
        post(
            URI.create(keycloakBaseUrl + "/realms/" + realm + "/protocol/openid-connect/token"),
            Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                "demo-app",
                "redirect_uri",
                callback(),
                "code_verifier",
                CODE_VERIFIER,
                "code",
                URLDecoder.decode(code.group(1), StandardCharsets.UTF_8)));
    if (response.statusCode() != 200 || !response.body().contains("\"access_token\"")) {
      throw new IllegalStateException(
          "The code was refused (" + response.statusCode() + "): " + response.body());
    }
    return response.body();
  }

  public HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  public HttpResponse<String> post(URI uri, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    URI uri = request.build().uri();
    if (uri.toString().startsWith(keycloakBaseUrl) && !nodeBaseUrl.equals(keycloakBaseUrl)) {
      request.uri(URI.create(nodeBaseUrl + uri.toString().substring(keycloakBaseUrl.length())));
    }
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      // Keycloak marks its cookies Secure even on http://localhost; a browser sends them to
      // localhost anyway, java.net's cookie handler does not, so the jar is kept by hand.
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException("Request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** The action URL of the form with {@code id} on a page. */
  public static URI formAction(String html, String id) {
    Matcher form =
        Pattern.compile("<form[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*action=\"([^\"]+)\"")
            .matcher(html);
    if (!form.find()) {
      throw new IllegalStateException("No form " + id + " on the page:\n" + html);
    }
    return URI.create(form.group(1).replace("&amp;", "&"));
  }

  /** The value of the hidden input {@code name} on a page. */
  public static String hiddenValue(String html, String name) {
    Matcher input =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\"\\s+value=\"([^\"]+)\"").matcher(html);
    if (!input.find()) {
      throw new IllegalStateException("No input " + name + " on the page");
    }
    return input.group(1);
  }

  private static String encode(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            p ->
                URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
