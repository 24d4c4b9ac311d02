package dev.companysso.identityproviders.testconnection;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link TestConnectionResource} under {@code /admin/realms/{realm}/company-sso}. */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class TestConnectionResourceProviderFactory
    implements AdminRealmResourceProviderFactory {

  public static final String PROVIDER_ID = "company-sso";

  private static final AdminRealmResourceProvider PROVIDER =
      new AdminRealmResourceProvider() {
        @Override
        public Object getResource(
            KeycloakSession session,
            RealmModel realm,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
          return new TestConnectionResource(session, realm, auth);
        }

        @Override
        public void close() {}
      };

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return PROVIDER;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
