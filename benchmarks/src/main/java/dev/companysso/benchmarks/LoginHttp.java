package dev.companysso.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's requests of a login without the browser: one cookie jar per login, no redirects
 * followed, so the time of the one request that decides where to go can be taken alone.
 */
final class LoginHttp {

  /** A fixed valid S256 challenge: demo-app requires PKCE, and no code is ever redeemed here. */
  private static final String CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String keycloakBaseUrl;
  private final String realm;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  LoginHttp(String keycloakBaseUrl, String realm) {
    this.keycloakBaseUrl = keycloakBaseUrl;
    this.realm = realm;
  }

  /** demo-app's authorization request with extra parameters such as kc_idp_hint or company. */
  URI authorization(Map<String, String> extra) {
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

  HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  HttpResponse<String> post(URI uri, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
  static URI formAction(String html, String id) {
    Matcher form =
        Pattern.compile("<form[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*action=\"([^\"]+)\"")
            .matcher(html);
    if (!form.find()) {
      throw new IllegalStateException("No form " + id + " on the page:\n" + html);
    }
    return URI.create(form.group(1).replace("&amp;", "&"));
  }

  /** The value of the hidden input {@code name} on a page. */
  static String hiddenValue(String html, String name) {
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
