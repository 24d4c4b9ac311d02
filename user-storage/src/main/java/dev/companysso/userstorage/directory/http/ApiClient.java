package dev.companysso.userstorage.directory.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * Calls a directory API (Okta's management API, Microsoft Graph) through Keycloak's HTTP client, so
 * the server's proxy, trust store and timeouts apply. A 429 is retried after the wait the vendor
 * asks for, a bounded number of times; every other failure becomes a {@link DirectoryReadException}
 * whose message says what answered what. Credentials never reach a message or the log.
 *
 * <p>The credential goes only to the configured API origin: the next-page links the API answers
 * (Okta {@code Link}, Graph {@code @odata.nextLink} and the stored {@code deltaLink}, which is an
 * editable realm attribute) are followed only when they stay on it, so neither a tampered answer
 * nor an edited attribute can send the API token to another host.
 */
public final class ApiClient {

  /** Supplies the {@code Authorization} header; may fetch or cache an access token. */
  public interface Credentials {
    String authorization(ApiClient client) throws DirectoryReadException;
  }

  static final int MAX_RATE_LIMIT_RETRIES = 5;

  private static final Logger LOG = Logger.getLogger(ApiClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimpleHttp http;
  private final String vendor;
  private final URI origin;
  private final Credentials credentials;
  private final Clock clock;
  private long requests;

  /**
   * @param vendor how messages name the API: "Okta", "Microsoft Graph"
   * @param apiBase the configured API base URL; authorized calls go only to its origin
   */
  public ApiClient(
      KeycloakSession session,
      String vendor,
      String apiBase,
      Credentials credentials,
      Clock clock) {
    // Keycloak's server-wide HTTP client: the session is not needed once we have it, so a long
    // read holds no session or transaction.
    this.http = SimpleHttp.create(session);
    this.vendor = vendor;
    this.origin = originOf(apiBase);
    this.credentials = credentials;
    this.clock = clock;
  }

  public ApiResponse get(String url, Map<String, String> headers) throws DirectoryReadException {
    return send("GET", url, headers, null, true);
  }

  public ApiResponse postJson(String url, Object body) throws DirectoryReadException {
    return send("POST", url, Map.of(), body, true);
  }

  /** A form POST without our credentials: the token request of a client-credentials grant. */
  public ApiResponse postForm(String url, Map<String, String> form) throws DirectoryReadException {
    return execute("POST", url, http.doPost(url).params(form).acceptJson());
  }

  /** Requests sent so far, retries included: the benchmark reports it. */
  public long requests() {
    return requests;
  }

  public String vendor() {
    return vendor;
  }

  private ApiResponse send(
      String method, String url, Map<String, String> headers, Object body, boolean authorize)
      throws DirectoryReadException {
    SimpleHttpRequest request =
        "GET".equals(method) ? http.doGet(url) : http.doPost(url).json(body);
    request.acceptJson();
    headers.forEach(request::header);
    if (authorize) {
      if (origin == null || !origin.equals(originOf(url))) {
        throw new DirectoryReadException(
            vendor
                + " sent a link outside "
                + origin
                + " ("
                + originOf(url)
                + "); it was not followed. Nothing was disabled.");
      }
      request.header("Authorization", credentials.authorization(this));
    }
    return execute(method, url, request);
  }

  /** Scheme, host and port, lowercased, default ports written out; null for a bad URL. */
  static URI originOf(String url) {
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return URI.create(scheme + "://" + host + ":" + port);
    } catch (IllegalArgumentException notAUrl) {
      return null;
    }
  }

  private ApiResponse execute(String method, String url, SimpleHttpRequest request)
      throws DirectoryReadException {
    String call = method + " " + pathOf(url);
    for (int attempt = 0; ; attempt++) {
      requests++;
      try (SimpleHttpResponse response = request.asResponse()) {
        int status = response.getStatus();
        if (status == 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
          Duration wait =
              RateLimitWait.of(
                  response.getFirstHeader("Retry-After"),
                  response.getFirstHeader("X-Rate-Limit-Reset"),
                  clock);
          LOG.infof("%s rate-limited %s (429); retrying in %d ms", vendor, call, wait.toMillis());
          sleep(wait);
          continue;
        }
        String text = response.asString();
        if (status / 100 != 2) {
          throw new DirectoryReadException(failure(call, status, text));
        }
        return new ApiResponse(parse(call, text), response.getHeader("Link"));
      } catch (IOException e) {
        throw new DirectoryReadException(
            vendor
                + " did not answer "
                + call
                + " ("
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "). Nothing was disabled; the next sync tries again.",
            e);
      }
    }
  }

  private JsonNode parse(String call, String text) throws DirectoryReadException {
    try {
      JsonNode body = JSON.readTree(text);
      if (body == null || body.isMissingNode()) {
        throw new DirectoryReadException(vendor + " answered " + call + " with an empty body.");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new DirectoryReadException(
          vendor + " answered " + call + " with JSON that cannot be read; nothing was disabled.");
    }
  }

  private String failure(String call, int status, String text) {
    String said = summary(text);
    String answer =
        vendor
            + " answered "
            + call
            + " with "
            + status
            + (said.isEmpty() ? "" : " (" + said + ")");
    return switch (status) {
      case 401 ->
          answer + ": the credentials were refused. Check the API token or client credentials.";
      case 403 -> answer + ": the credentials lack a permission this call needs.";
      case 429 -> answer + ": still rate-limited after " + MAX_RATE_LIMIT_RETRIES + " retries.";
      default -> answer + ".";
    };
  }

  /**
   * Okta's {@code errorSummary}, Graph's {@code error.message}, OAuth's {@code error_description}.
   */
  private static String summary(String text) {
    try {
      JsonNode body = JSON.readTree(text);
      for (JsonNode candidate :
          new JsonNode[] {
            body.path("errorSummary"),
            body.path("error").path("message"),
            body.path("error_description")
          }) {
        if (candidate.isTextual()) {
          String value = candidate.asText();
          return value.length() > 300 ? value.substring(0, 300) + "…" : value;
        }
      }
      return body.path("error").isTextual() ? body.path("error").asText() : "";
    } catch (JsonProcessingException | RuntimeException e) {
      return "";
    }
  }

  private static String pathOf(String url) {
    try {
      return URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return "(unparsable URL)";
    }
  }

  private static void sleep(Duration wait) throws DirectoryReadException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectoryReadException("The sync was interrupted while waiting out a rate limit.");
    }
  }
}
