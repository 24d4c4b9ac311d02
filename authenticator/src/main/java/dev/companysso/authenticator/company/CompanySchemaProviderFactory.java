package dev.companysso.authenticator.company;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.jit.OwnerClaimEntity;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The bundle's own schema, through Keycloak's schema-update path (a Liquibase changelog of a JPA
 * entity provider): the index that makes "which company owns this e-mail domain" a seek instead of
 * a scan, and the table of first-member owner claims.
 */
@AutoService(JpaEntityProviderFactory.class)
public final class CompanySchemaProviderFactory implements JpaEntityProviderFactory {

  /** Kept from the first release, whose changelog held only the index. */
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
        return List.of(OwnerClaimEntity.class);
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
