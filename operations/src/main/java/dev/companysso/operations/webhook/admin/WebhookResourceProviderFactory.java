package dev.companysso.operations.webhook.admin;

import com.google.auto.service.AutoService;
import dev.companysso.core.admin.AdminResourceFactory;
import dev.companysso.operations.webhook.WebhookStartup;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link WebhookResource} at {@code /admin/realms/{realm}/company-sso-webhooks}, and starts
 * the webhooks: the outbox listening to company events, the dispatcher on every node's timer.
 */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class WebhookResourceProviderFactory extends AdminResourceFactory {

  public static final String ID = "company-sso-webhooks";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    WebhookStartup.start(factory);
  }

  @Override
  protected Object resource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new WebhookResource(session, realm, auth, adminEvent);
  }
}
