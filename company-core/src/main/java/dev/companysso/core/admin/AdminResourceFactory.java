package dev.companysso.core.admin;

import dev.companysso.core.BundleVersion;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts one of the bundle's admin REST resources under {@code /admin/realms/{realm}/{id}}; the
 * resource checks the admin's permissions with the evaluator it is given.
 */
public abstract class AdminResourceFactory
    implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

  /**
   * @param adminEvent the request's admin event, for resources that record their changes in
   *     Keycloak's admin events
   */
  protected abstract Object resource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent);

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return new AdminRealmResourceProvider() {
      @Override
      public Object getResource(
          KeycloakSession requestSession,
          RealmModel realm,
          AdminPermissionEvaluator auth,
          AdminEventBuilder adminEvent) {
        return resource(requestSession, realm, auth, adminEvent);
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  }

  @Override
  public void init(Config.Scope config) {
    // no server-wide settings
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // nothing to wire
  }

  @Override
  public void close() {
    // nothing held
  }

  /** The release of the module's JAR, in Keycloak's server info. */
  @Override
  public Map<String, String> getOperationalInfo() {
    return BundleVersion.infoOf(getClass());
  }
}
