package dev.companysso.userstorage.scim.activity;

import com.google.auto.service.AutoService;
import dev.companysso.core.OwnTables;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

/** The SCIM endpoint's table: each company's recent requests. */
@AutoService(JpaEntityProviderFactory.class)
public final class ScimSchemaProviderFactory extends OwnTables {

  public ScimSchemaProviderFactory() {
    super(
        "csso-scim", "META-INF/company-sso-scim-changelog.xml", List.of(ScimActivityEntity.class));
  }
}
