package dev.companysso.it.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.AdminRest;
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
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;

/**
 * A SCIM client as Okta or Entra ID is one: a company's base URL and its bearer token, JSON bodies
 * sent as {@code application/scim+json}. Paths are relative to the base URL ({@code "Users"},
 * {@code "Groups/" + id}, {@code "Users?" + filter("userName eq \"x\"")}).
 */
public final class ScimClient {

  public static final String SCIM_JSON = "application/scim+json";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One answer: the status, the JSON body (null when empty) and the headers that matter. */
  public record Answer(
      int status, JsonNode body, String contentType, String location, String wwwAuthenticate) {

    /** The {@code Resources} of a ListResponse; RFC 7644 lets an empty page omit them. */
    public List<JsonNode> resources() {
      List<JsonNode> resources = new ArrayList<>();
      if (body != null) {
        body.path("Resources").forEach(resources::add);
      }
      return resources;
    }

    /** The ids of the {@code Resources} of a ListResponse. */
    public List<String> resourceIds() {
      return resources().stream().map(resource -> resource.path("id").asText()).toList();
    }

    /** The body's {@code id}. */
    public String id() {
      return body == null ? null : body.path("id").asText(null);
    }

    @Override
    public String toString() {
      return "HTTP " + status + " (" + contentType + ") " + body;
    }
  }

  /** What the admin copies into the identity provider's provisioning settings. */
  public record Credentials(String token, String baseUrl) {}

  private final String baseUrl;
  private final String token;

  /** {@code token} null sends no Authorization header at all. */
  public ScimClient(String baseUrl, String token) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
  }

  public ScimClient(Credentials credentials) {
    this(credentials.baseUrl(), credentials.token());
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The same base URL with another (or, with null, no) token. */
  public ScimClient withToken(String otherToken) {
    return new ScimClient(baseUrl, otherToken);
  }

  /** The same token sent to another base URL. */
  public ScimClient withBaseUrl(String otherBaseUrl) {
    return new ScimClient(otherBaseUrl, token);
  }

  public Answer get(String path) {
    return send("GET", path, null, null);
  }

  public Answer post(String path, JsonNode body) {
    return send("POST", path, body.toString(), SCIM_JSON);
  }

  public Answer put(String path, JsonNode body) {
    return send("PUT", path, body.toString(), SCIM_JSON);
  }

  public Answer patch(String path, JsonNode body) {
    return send("PATCH", path, body.toString(), SCIM_JSON);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Any body as it is, for requests a JSON tree cannot express (malformed JSON). */
  public Answer send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
            .timeout(Duration.ofMinutes(1))
            .header("Accept", SCIM_JSON)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          parse(response.body()),
          header(response, "Content-Type"),
          header(response, "Location"),
          header(response, "WWW-Authenticate"));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + baseUrl + "/" + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code filter=<expression>} percent-encoded as Okta and Entra send it (spaces as %20). */
  public static String filter(String expression) {
    return "filter=" + encode(expression);
  }

  /** A query value percent-encoded, spaces as %20. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Creates or rotates the company's SCIM token through the admin REST API, as the admin console
   * does, and checks the answer: 201, a {@code csso_scim_} token, the company's base URL.
   */
  public static Credentials rotateToken(Keycloak admin, String keycloakBaseUrl, String company)
      throws Exception {
    AdminRest.Answer answer =
        AdminRest.call(admin, keycloakBaseUrl, CompanySsoStack.REALM, "POST", tokenPath(company));
    if (answer.status() != 201) {
      throw new AssertionError("POST " + tokenPath(company) + " answered " + answer);
    }
    String token = answer.body().path("token").asText();
    String baseUrl = answer.body().path("baseUrl").asText();
    if (!token.startsWith("csso_scim_")) {
      throw new AssertionError("Not a company SCIM token: " + answer.body());
    }
    String expected = baseUrl(keycloakBaseUrl, company);
    if (!baseUrl.equals(expected)) {
      throw new AssertionError("Expected base URL " + expected + " but the answer is " + baseUrl);
    }
    return new Credentials(token, baseUrl);
  }

  /** Revokes the company's SCIM token; returns the admin REST status (204 expected). */
  public static int deleteToken(Keycloak admin, String keycloakBaseUrl, String company)
      throws Exception {
    return AdminRest.call(
            admin, keycloakBaseUrl, CompanySsoStack.REALM, "DELETE", tokenPath(company))
        .status();
  }

  /** The contract's SCIM base URL of a company. */
  public static String baseUrl(String keycloakBaseUrl, String company) {
    return keycloakBaseUrl
        + "/realms/"
        + CompanySsoStack.REALM
        + "/company-scim/"
        + company
        + "/v2";
  }

  private static String tokenPath(String company) {
    return "company-sso-scim/" + company + "/token";
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      // Never expected (the contract forbids plain text); kept visible for the assertion message.
      return MAPPER.getNodeFactory().textNode("NOT JSON: " + body);
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    Optional<String> value = response.headers().firstValue(name);
    return value.orElse(null);
  }
}
