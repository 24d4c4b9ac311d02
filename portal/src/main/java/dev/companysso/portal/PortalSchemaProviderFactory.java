package dev.companysso.portal;

import com.google.auto.service.AutoService;
import dev.companysso.portal.domains.DomainChallengeEntity;
import dev.companysso.portal.links.SetupLinkEntity;
import dev.companysso.portal.signins.CompanySignInEntity;
import dev.companysso.portal.sso.SsoDraftEntity;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The portal's tables, through Keycloak's schema-update path (a Liquibase changelog of ours).
 * Keycloak keeps each provider's changelog history in a table named after the first ten characters
 * of its id: this id differs from the authenticator's ({@code company-sso-indexes}) there, so each
 * module's schema history stands alone.
 */
@AutoService(JpaEntityProviderFactory.class)
public final class PortalSchemaProviderFactory implements JpaEntityProviderFactory {

  public static final String ID = "csso-portal";

  private static final String CHANGELOG = "META-INF/company-sso-portal-changelog.xml";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return new JpaEntityProvider() {
      @Override
      public List<Class<?>> getEntities() {
        return List.of(
            SetupLinkEntity.class,
            SsoDraftEntity.class,
            CompanySignInEntity.class,
            DomainChallengeEntity.class);
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
