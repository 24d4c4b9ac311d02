package dev.companysso.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;

/**
 * JSON requests to the running Keycloak with a bearer token: an admin's, which the admin client's
 * token manager refreshes before it expires (admin-cli's tokens live 60 s), or a fixed one such as
 * a company's SCIM token. One HTTP/1.1 client for all threads, so each thread keeps a connection
 * alive. {@link #request} takes the token and builds the request; a benchmark times only {@link
 * #send(HttpRequest)}.
 */
final class BearerHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String baseUrl;
  private final String contentType;
  private final Supplier<String> token;

  /**
   * @param baseUrl what request paths are appended to
   * @param contentType of request bodies, and the answer's accepted type
   */
  BearerHttp(String baseUrl, String contentType, Supplier<String> token) {
    this.baseUrl = baseUrl;
    this.contentType = contentType;
    this.token = token;
  }

  /** The admin REST API (and anything else under the server's base URL) as {@code admin}. */
  static BearerHttp admin(Keycloak admin, String keycloakBaseUrl) {
    return new BearerHttp(
        keycloakBaseUrl, "application/json", () -> admin.tokenManager().getAccessTokenString());
  }

  /** {@code method} of {@code baseUrl + path} with the current token; {@code body} may be null. */
  HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", contentType)
            .timeout(Duration.ofMinutes(10));
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return request
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  HttpResponse<String> send(String method, String path, String body) {
    return send(request(method, path, body));
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  /** A query parameter's value, with spaces as {@code %20}. */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
