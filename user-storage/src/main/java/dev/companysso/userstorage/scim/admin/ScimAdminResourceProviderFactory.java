package dev.companysso.userstorage.scim.admin;

import com.google.auto.service.AutoService;
import dev.companysso.core.admin.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link ScimAdminResource} under {@code /admin/realms/{realm}/company-sso-scim}. */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class ScimAdminResourceProviderFactory extends AdminResourceFactory {

  public static final String PROVIDER_ID = "company-sso-scim";

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
    return new ScimAdminResource(session, realm, auth, adminEvent);
  }
}
