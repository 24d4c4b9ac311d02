package dev.companysso.userstorage.scim;

import com.google.auto.service.AutoService;
import java.net.URI;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the SCIM 2.0 service under {@code /realms/{realm}/company-scim/{company}/v2}. Keycloak's
 * own {@code scim-api} feature lives under {@code /realms/{realm}/scim}, so the two never collide.
 */
@AutoService(RealmResourceProviderFactory.class)
public final class ScimResourceProviderFactory implements RealmResourceProviderFactory {

  public static final String PROVIDER_ID = "company-scim";

  /** A company's SCIM base URL on this server: {@code …/realms/{realm}/company-scim/{code}/v2}. */
  public static URI baseUrl(KeycloakSession session, RealmModel realm, OrganizationModel company) {
    return session
        .getContext()
        .getUri()
        .getBaseUriBuilder()
        .path("realms")
        .path(realm.getName())
        .path(PROVIDER_ID)
        .path(company.getAlias())
        .path("v2")
        .build();
  }

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return new ScimRoot(session);
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
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
}
