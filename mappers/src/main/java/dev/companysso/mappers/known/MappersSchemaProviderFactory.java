package dev.companysso.mappers.known;

import com.google.auto.service.AutoService;
import dev.companysso.core.OwnTables;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

/** The mappers' table: each person's last known groups. */
@AutoService(JpaEntityProviderFactory.class)
public final class MappersSchemaProviderFactory extends OwnTables {

  public MappersSchemaProviderFactory() {
    super(
        "csso-mappers",
        "META-INF/company-sso-mappers-changelog.xml",
        List.of(KnownGroupsEntity.class));
  }
}
