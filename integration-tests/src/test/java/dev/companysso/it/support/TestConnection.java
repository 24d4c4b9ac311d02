package dev.companysso.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.keycloak.admin.client.Keycloak;

/** The bundle's "Test connection" admin endpoint, called as curl or kcadm would. */
public final class TestConnection {

  /** The HTTP status and the JSON body. */
  public record Answer(int status, JsonNode body) {}

  private TestConnection() {}

  public static Answer run(Keycloak admin, String keycloakBaseUrl, String realm, String alias)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    keycloakBaseUrl
                        + "/admin/realms/"
                        + realm
                        + "/company-sso/identity-providers/"
                        + alias
                        + "/test-connection"))
            .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Answer(
        response.statusCode(),
        body == null || body.isBlank() ? null : new ObjectMapper().readTree(body));
  }
}
