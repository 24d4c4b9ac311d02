package dev.companysso.core;

import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * A module's own tables, through Keycloak's schema-update path: its JPA entities and the Liquibase
 * changelog that makes them. Keycloak keeps each provider's changelog history in a table named
 * after the first ten characters of its id, so each module's id must differ there. Keycloak starts
 * these before it updates the schema: a server older than the bundle supports stops here.
 */
public abstract class OwnTables
    implements JpaEntityProviderFactory, ServerInfoAwareProviderFactory {

  private final String id;
  private final String changelog;
  private final List<Class<?>> entities;

  protected OwnTables(String id, String changelog, List<Class<?>> entities) {
    this.id = id;
    this.changelog = changelog;
    this.entities = entities;
  }

  @Override
  public final String getId() {
    return id;
  }

  @Override
  public final JpaEntityProvider create(KeycloakSession session) {
    return new JpaEntityProvider() {
      @Override
      public List<Class<?>> getEntities() {
        return entities;
      }

      @Override
      public String getChangelogLocation() {
        return changelog;
      }

      @Override
      public String getFactoryId() {
        return id;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {
    // Every module with tables starts here, before Keycloak touches the database.
    KeycloakFeatures.requireSupportedServer();
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  /** The release of the module's JAR, in Keycloak's server info. */
  @Override
  public Map<String, String> getOperationalInfo() {
    return BundleVersion.infoOf(getClass());
  }
}
