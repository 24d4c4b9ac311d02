package dev.companysso.it.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of portal requests over plain HTTP: its own cookies, redirects not followed
 * (the tests look at them), for the portal's rules that need no rendering checks.
 */
final class PortalVisitor {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  HttpResponse<String> post(String url, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The value of this visitor's portal cookie, e.g. to hand it to another visitor. */
  String portalCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("CSSO_PORTAL"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No portal cookie"));
  }

  /** Sends this portal cookie from now on, as a browser whose cookie was altered would. */
  void usePortalCookie(String portalUrl, String value) {
    HttpCookie cookie = new HttpCookie("CSSO_PORTAL", value);
    cookie.setPath(URI.create(portalUrl).getPath());
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(portalUrl), cookie);
  }

  /** The CSRF token of the first form on a page. */
  static String csrf(String html) {
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    if (!token.find()) {
      throw new AssertionError("No CSRF token on the page:\n" + html);
    }
    return token.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.header("Accept-Language", "en").timeout(Duration.ofMinutes(1)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
