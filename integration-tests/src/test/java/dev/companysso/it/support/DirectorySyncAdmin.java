package dev.companysso.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * A directory provider driven as an admin does: Keycloak's own user-federation sync endpoint (what
 * the console's "Synchronize all users" / "Synchronize changed users" buttons call), its component
 * settings, and the bundle's endpoints for the last report, forced runs and the connection test.
 */
public final class DirectorySyncAdmin {

  private final Keycloak admin;
  private final String baseUrl;
  private final String realm;
  private final String componentId;

  public DirectorySyncAdmin(Keycloak admin, String baseUrl, String realm, String componentId) {
    this.admin = admin;
    this.baseUrl = baseUrl;
    this.realm = realm;
    this.componentId = componentId;
  }

  /** "Synchronize all users". */
  public SynchronizationResultRepresentation syncAll() {
    return realm().userStorage().syncUsers(componentId, "triggerFullSync");
  }

  /** "Synchronize changed users". */
  public SynchronizationResultRepresentation syncChanged() {
    return realm().userStorage().syncUsers(componentId, "triggerChangedUsersSync");
  }

  /**
   * The bundle's run, answered when it ends (409 while another run of the provider is under way).
   */
  public AdminRest.Answer fullSync() throws Exception {
    return call("POST", "sync?mode=full");
  }

  /** The bundle's run that may pass the safety cap. */
  public AdminRest.Answer forcedFullSync() throws Exception {
    return call("POST", "sync?mode=full&force=true");
  }

  /** The bundle's run for large directories: answers 202 at once; the report comes later. */
  public AdminRest.Answer asyncFullSync() throws Exception {
    return call("POST", "sync?mode=full&async=true");
  }

  /** Waits (up to a minute) for a report that started later than {@code startedBefore}. */
  public JsonNode awaitRunAfter(String startedBefore) throws Exception {
    return awaitRunAfter(startedBefore, Duration.ofMinutes(1));
  }

  public JsonNode awaitRunAfter(String startedBefore, Duration patience) throws Exception {
    for (long attempt = 0; attempt < patience.toMillis() / 500; attempt++) {
      AdminRest.Answer answer = call("GET", "last-run");
      if (answer.status() == 200 && !answer.body().path("started").asText().equals(startedBefore)) {
        return answer.body();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No new run after " + startedBefore);
  }

  public JsonNode lastRun() throws Exception {
    AdminRest.Answer answer = call("GET", "last-run");
    if (answer.status() != 200) {
      throw new AssertionError("last-run answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  public AdminRest.Answer testConnection() throws Exception {
    return call("POST", "test-connection");
  }

  public ComponentRepresentation component() {
    return realm().components().component(componentId).toRepresentation();
  }

  /** Sets one setting; returns its previous values, for {@link #restore}. */
  public List<String> set(String name, String... values) {
    ComponentRepresentation component = component();
    List<String> previous = component.getConfig().get(name);
    component.getConfig().put(name, List.of(values));
    realm().components().component(componentId).update(component);
    return previous;
  }

  public void restore(String name, List<String> previous) {
    ComponentRepresentation component = component();
    if (previous == null) {
      component.getConfig().remove(name);
    } else {
      component.getConfig().put(name, previous);
    }
    realm().components().component(componentId).update(component);
  }

  private AdminRest.Answer call(String method, String action) throws Exception {
    return AdminRest.call(
        admin, baseUrl, realm, method, "company-sso-directory/" + componentId + "/" + action);
  }

  private RealmResource realm() {
    return admin.realm(realm);
  }
}
