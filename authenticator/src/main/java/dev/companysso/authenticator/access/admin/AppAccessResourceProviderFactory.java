package dev.companysso.authenticator.access.admin;

import com.google.auto.service.AutoService;
import dev.companysso.core.admin.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link AppAccessResource} under {@code /admin/realms/{realm}/company-sso-access}. */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class AppAccessResourceProviderFactory extends AdminResourceFactory {

  public static final String PROVIDER_ID = "company-sso-access";

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  protected Object resource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new AppAccessResource(session, realm, auth, adminEvent);
  }
}
