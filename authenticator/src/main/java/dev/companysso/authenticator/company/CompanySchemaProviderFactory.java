package dev.companysso.authenticator.company;

import com.google.auto.service.AutoService;
import dev.companysso.authenticator.jit.OwnerClaimEntity;
import dev.companysso.core.OwnTables;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

/**
 * The authenticator's schema: the index that makes "which company owns this e-mail domain" a seek
 * instead of a scan, and the table of first-member owner claims. The id is kept from the first
 * release, whose changelog held only the index.
 */
@AutoService(JpaEntityProviderFactory.class)
public final class CompanySchemaProviderFactory extends OwnTables {

  public CompanySchemaProviderFactory() {
    super(
        "company-sso-indexes",
        "META-INF/company-sso-changelog.xml",
        List.of(OwnerClaimEntity.class));
  }
}
