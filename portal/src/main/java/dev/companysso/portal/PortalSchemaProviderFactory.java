package dev.companysso.portal;

import com.google.auto.service.AutoService;
import dev.companysso.core.OwnTables;
import dev.companysso.portal.domains.DomainChallengeEntity;
import dev.companysso.portal.health.ConnectionHealthEntity;
import dev.companysso.portal.links.SetupLinkEntity;
import dev.companysso.portal.signins.CompanySignInEntity;
import dev.companysso.portal.sso.SsoDraftEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

/**
 * The portal's tables: setup links, sign-in drafts, sign-in records, domain claims, connection
 * health.
 */
@AutoService(JpaEntityProviderFactory.class)
public final class PortalSchemaProviderFactory extends OwnTables {

  public PortalSchemaProviderFactory() {
    super(
        "csso-portal",
        "META-INF/company-sso-portal-changelog.xml",
        List.of(
            SetupLinkEntity.class,
            SsoDraftEntity.class,
            CompanySignInEntity.class,
            DomainChallengeEntity.class,
            ConnectionHealthEntity.class));
  }
}
