package dev.companysso.portal.web;

import com.google.auto.service.AutoService;
import dev.companysso.portal.PortalUrls;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves the portal under {@code /realms/{realm}/company-sso-portal}. */
@AutoService(RealmResourceProviderFactory.class)
public final class PortalResourceProviderFactory implements RealmResourceProviderFactory {

  @Override
  public String getId() {
    return PortalUrls.RESOURCE;
  }

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return new PortalResource(session);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
