package dev.companysso.operations.explain;

import com.google.auto.service.AutoService;
import dev.companysso.core.admin.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link ExplainResource} at {@code /admin/realms/{realm}/company-sso-explain}. */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class ExplainResourceProviderFactory extends AdminResourceFactory {

  public static final String ID = "company-sso-explain";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  protected Object resource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new ExplainResource(session, realm, auth);
  }
}
