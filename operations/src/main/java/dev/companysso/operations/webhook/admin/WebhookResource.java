package dev.companysso.operations.webhook.admin;

import dev.companysso.operations.webhook.WebhookDeliveries;
import dev.companysso.operations.webhook.Webhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso-webhooks}: the realm's webhook subscriptions (for every
 * company or one), each one's delivery log, and redelivery. Reading needs {@code view-realm},
 * changing {@code manage-realm}; a secret is answered only when it is made.
 */
public final class WebhookResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final Webhooks webhooks;

  WebhookResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent.resource("COMPANY_SSO_WEBHOOK");
    this.webhooks = new Webhooks(session, realm);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Webhooks.Webhook> list() {
    auth.realm().requireViewRealm();
    return webhooks.list();
  }

  /** Answers the subscription with its secret ({@code whsec_…}), which is not shown again. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(Webhooks.Settings settings) {
    auth.realm().requireManageRealm();
    return answer(
        () -> {
          Webhooks.Created created = webhooks.create(orEmpty(settings));
          record(OperationType.CREATE, created.webhook());
          return Response.status(Response.Status.CREATED)
              .entity(Map.of("webhook", created.webhook(), "secret", created.secret()))
              .build();
        });
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Webhooks.Webhook get(@PathParam("id") String id) {
    auth.realm().requireViewRealm();
    return webhooks.get(id).orElseThrow(() -> new NotFoundException("No webhook " + id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("id") String id, Webhooks.Settings settings) {
    auth.realm().requireManageRealm();
    return answer(
        () -> {
          Webhooks.Webhook updated =
              webhooks
                  .update(id, orEmpty(settings))
                  .orElseThrow(() -> new NotFoundException("No webhook " + id));
          record(OperationType.UPDATE, updated);
          return Response.ok(updated).build();
        });
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    auth.realm().requireManageRealm();
    if (!webhooks.delete(id)) {
      throw new NotFoundException("No webhook " + id);
    }
    record(OperationType.DELETE, Map.of("id", id));
    return Response.noContent().build();
  }

  /** A new secret, answered this once; deliveries from now on are signed with it. */
  @POST
  @Path("{id}/secret")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> rotateSecret(@PathParam("id") String id) {
    auth.realm().requireManageRealm();
    String secret =
        webhooks.rotateSecret(id).orElseThrow(() -> new NotFoundException("No webhook " + id));
    record(OperationType.UPDATE, Map.of("id", id, "secret", "rotated"));
    return Map.of("secret", secret);
  }

  /** The delivery log, newest first. */
  @GET
  @Path("{id}/deliveries")
  @Produces(MediaType.APPLICATION_JSON)
  public List<WebhookDeliveries.Delivery> deliveries(
      @PathParam("id") String id,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    auth.realm().requireViewRealm();
    get(id);
    return new WebhookDeliveries(session, realm)
        .log(id, Math.max(0, first), Math.min(Math.max(1, max), 1000));
  }

  /** Sends a delivery again from now (a failed one, or one the receiver lost). */
  @POST
  @Path("{id}/deliveries/{delivery}/redeliver")
  @Produces(MediaType.APPLICATION_JSON)
  public WebhookDeliveries.Delivery redeliver(
      @PathParam("id") String id, @PathParam("delivery") String delivery) {
    auth.realm().requireManageRealm();
    WebhookDeliveries.Delivery redelivered =
        new WebhookDeliveries(session, realm)
            .redeliver(id, delivery)
            .orElseThrow(() -> new NotFoundException("No delivery " + delivery));
    record(OperationType.ACTION, Map.of("delivery", delivery));
    return redelivered;
  }

  private static Webhooks.Settings orEmpty(Webhooks.Settings settings) {
    return settings == null ? new Webhooks.Settings(null, null, null, null, null) : settings;
  }

  private static Response answer(Supplier<Response> change) {
    try {
      return change.get();
    } catch (IllegalArgumentException invalid) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Map.of("errorMessage", invalid.getMessage()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
  }

  private void record(OperationType operation, Object representation) {
    adminEvent
        .operation(operation)
        .resourcePath(session.getContext().getUri())
        .representation(representation)
        .success();
  }
}
