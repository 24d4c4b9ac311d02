package dev.companysso.operations.manifest.admin;

import com.google.auto.service.AutoService;
import dev.companysso.core.admin.AdminResourceFactory;
import dev.companysso.operations.manifest.StartupManifests;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link CompanyManifestResource} at {@code /admin/realms/{realm}/company-sso}, and applies
 * the folder of manifests the server's environment names once the database is ready.
 */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class CompanyManifestResourceProviderFactory extends AdminResourceFactory {

  public static final String ID = "company-sso";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    StartupManifests.register(factory);
  }

  @Override
  protected Object resource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return new CompanyManifestResource(session, realm, auth, adminEvent);
  }
}
