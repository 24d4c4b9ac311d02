package dev.companysso.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.keycloak.admin.client.Keycloak;

/** The bundle's admin REST extensions, called with the admin's token as curl or kcadm would. */
public final class AdminRest {

  /** The HTTP status and the JSON body. */
  public record Answer(int status, JsonNode body) {}

  /** One of the bundle's resources in a realm, called as one admin. */
  public record Resource(Keycloak admin, String keycloakBaseUrl, String realm, String prefix) {

    /** {@code path} is below the resource; {@code jsonBody} {@code null}: none. */
    public Answer call(String method, String path, String jsonBody) throws Exception {
      return AdminRest.call(admin, keycloakBaseUrl, realm, method, prefix + "/" + path, jsonBody);
    }
  }

  private AdminRest() {}

  /** {@code path} is below {@code /admin/realms/{realm}/}. */
  public static Answer call(
      Keycloak admin, String keycloakBaseUrl, String realm, String method, String path)
      throws Exception {
    return call(admin, keycloakBaseUrl, realm, method, path, null);
  }

  /** The same call with a JSON body ({@code null}: none). */
  public static Answer call(
      Keycloak admin,
      String keycloakBaseUrl,
      String realm,
      String method,
      String path,
      String jsonBody)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(keycloakBaseUrl + "/admin/realms/" + realm + "/" + path))
            .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(5))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Answer(
        response.statusCode(),
        body == null || body.isBlank() ? null : new ObjectMapper().readTree(body));
  }
}
