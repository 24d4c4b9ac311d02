package dev.companysso.operations.webhook;

import com.google.auto.service.AutoService;
import dev.companysso.core.OwnTables;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

/** Operations' tables: webhook subscriptions and the outbox of their deliveries. */
@AutoService(JpaEntityProviderFactory.class)
public final class OperationsSchemaProviderFactory extends OwnTables {

  public OperationsSchemaProviderFactory() {
    super(
        "csso-operations",
        "META-INF/company-sso-operations-changelog.xml",
        List.of(WebhookEntity.class, WebhookDeliveryEntity.class));
  }
}
