package dev.companysso.userstorage.directory.admin;

import dev.companysso.userstorage.directory.Directories;
import dev.companysso.userstorage.directory.DirectoryCheck;
import dev.companysso.userstorage.directory.DirectoryProviderFactory;
import dev.companysso.userstorage.directory.DirectorySync;
import dev.companysso.userstorage.directory.SyncMode;
import dev.companysso.userstorage.directory.SyncRecords;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso-directory/{id}} for a directory provider (realm managers
 * only, as for Keycloak's own user federation): {@code GET last-run} (the last run's report),
 * {@code POST sync?mode=full|changed&force=true} (a run that may pass the safety cap), {@code POST
 * test-connection}.
 */
public final class DirectorySyncResource {

  private static final Logger LOG = Logger.getLogger(DirectorySyncResource.class);

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;

  DirectorySyncResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
  }

  @GET
  @Path("{id}/last-run")
  @Produces(MediaType.APPLICATION_JSON)
  public Response lastRun(@PathParam("id") String id) {
    auth.realm().requireViewRealm();
    directoryComponent(id);
    return SyncRecords.lastReport(realm, id)
        .map(report -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build())
        .orElseGet(
            () ->
                Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of("errorMessage", "This provider has not run yet."))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build());
  }

  @POST
  @Path("{id}/sync")
  @Produces(MediaType.APPLICATION_JSON)
  public Response sync(
      @PathParam("id") String id,
      @QueryParam("mode") @DefaultValue("full") String mode,
      @QueryParam("force") @DefaultValue("false") boolean force,
      @QueryParam("async") @DefaultValue("false") boolean async) {
    auth.realm().requireManageRealm();
    ComponentModel component = directoryComponent(id);
    SyncMode syncMode;
    try {
      syncMode = SyncMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, "mode: use full or changed.");
    }
    // Resolved now: the request's session is gone when an asynchronous run starts.
    KeycloakSessionFactory sessions = session.getKeycloakSessionFactory();
    DirectorySync sync = new DirectorySync(sessions, realm.getId(), id, factory(component));
    long lastSync = component.get("lastSync", 0);
    if (async) {
      // A large directory takes longer than Keycloak's request transaction may stay open.
      session
          .getProvider(ExecutorsProvider.class)
          .getExecutor("company-sso-directory-sync")
          .execute(() -> runInBackground(sync, syncMode, lastSync, force));
      return Response.accepted(Map.of("accepted", true, "report", "GET " + id + "/last-run"))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    return sync.run(syncMode, lastSync, force)
        .map(report -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build())
        .orElseGet(
            () ->
                error(Response.Status.CONFLICT, "A sync of this provider is running; try later."));
  }

  private static void runInBackground(
      DirectorySync sync, SyncMode mode, long lastSync, boolean force) {
    try {
      sync.run(mode, lastSync, force);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Directory sync could not run");
    }
  }

  @POST
  @Path("{id}/test-connection")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> testConnection(@PathParam("id") String id) {
    auth.realm().requireManageRealm();
    ComponentModel component = directoryComponent(id);
    List<DirectoryCheck> checks = Directories.test(session, component);
    return Map.of("ok", checks.stream().allMatch(DirectoryCheck::ok), "checks", checks);
  }

  private ComponentModel directoryComponent(String id) {
    ComponentModel component = realm.getComponent(id);
    if (Directories.factoryOf(session, component).isEmpty()) {
      throw new NotFoundException("No directory provider " + id);
    }
    return component;
  }

  private DirectoryProviderFactory factory(ComponentModel component) {
    return Directories.factoryOf(session, component).orElseThrow();
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status)
        .entity(Map.of("errorMessage", message))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
