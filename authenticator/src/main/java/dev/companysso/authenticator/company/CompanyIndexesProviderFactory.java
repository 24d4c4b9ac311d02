package dev.companysso.authenticator.company;

import com.google.auto.service.AutoService;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds the database index that makes "which company owns this e-mail domain" a seek instead of a
 * scan, through Keycloak's own schema-update path (a Liquibase changelog of a JPA entity provider
 * with no entities of its own).
 */
@AutoService(JpaEntityProviderFactory.class)
public final class CompanyIndexesProviderFactory implements JpaEntityProviderFactory {

  public static final String ID = "company-sso-indexes";
  private static final String CHANGELOG = "META-INF/company-sso-changelog.xml";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return new JpaEntityProvider() {
      @Override
      public List<Class<?>> getEntities() {
        return List.of();
      }

      @Override
      public String getChangelogLocation() {
        return CHANGELOG;
      }

      @Override
      public String getFactoryId() {
        return ID;
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
