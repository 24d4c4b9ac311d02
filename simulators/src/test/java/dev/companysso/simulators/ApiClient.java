package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Calls a simulator's directory API (Okta's management API, Graph) as a sync client would. */
final class ApiClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiClient() {}

  /** A GET with an Authorization header (null: none) and further header name-value pairs. */
  static HttpResponse<String> get(String url, String authorization, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Okta's next page: the URL of the Link header with rel="next", or null on the last page. */
  static String oktaNext(HttpResponse<String> page) {
    return page.headers().allValues("Link").stream()
        .filter(link -> link.endsWith("rel=\"next\""))
        .map(link -> link.substring(1, link.indexOf('>')))
        .findFirst()
        .orElse(null);
  }

  /** Graph's next page: {@code @odata.nextLink}, or null on the last page. */
  static String graphNext(HttpResponse<String> page) {
    JsonNode next = json(page).get("@odata.nextLink");
    return next == null ? null : next.asText();
  }

  /** Every page from {@code url} on, each asserted 200, following {@code next}. */
  static List<HttpResponse<String>> pages(
      String url,
      Function<HttpResponse<String>, String> next,
      String authorization,
      String... headers) {
    List<HttpResponse<String>> pages = new ArrayList<>();
    for (String page = url; page != null; page = next.apply(pages.get(pages.size() - 1))) {
      HttpResponse<String> response = get(page, authorization, headers);
      assertThat(response.statusCode()).as(page + ": " + response.body()).isEqualTo(200);
      pages.add(response);
    }
    return pages;
  }

  /** The items of Okta pages (arrays) or Graph pages ({@code value}), in order. */
  static List<JsonNode> items(List<HttpResponse<String>> pages) {
    List<JsonNode> items = new ArrayList<>();
    for (HttpResponse<String> page : pages) {
      JsonNode body = json(page);
      (body.isArray() ? body : body.get("value")).forEach(items::add);
    }
    return items;
  }
}
