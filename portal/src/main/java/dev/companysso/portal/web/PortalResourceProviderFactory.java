package dev.companysso.portal.web;

import com.google.auto.service.AutoService;
import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.domains.DomainRecheck;
import dev.companysso.portal.domains.DomainSettings;
import dev.companysso.portal.health.HealthSchedule;
import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the portal under {@code /realms/{realm}/company-sso-portal}, and re-checks verified
 * domains on a timer. Options ({@code --spi-realm-restapi-extension--company-sso-portal--…}):
 * {@code dns-servers} ({@code host[:port]}, comma-separated; default the machine's resolver),
 * {@code dns-timeout-millis} (3000), {@code domain-recheck-seconds} (86400), {@code
 * health-check-seconds} (3600).
 */
@AutoService(RealmResourceProviderFactory.class)
public final class PortalResourceProviderFactory implements RealmResourceProviderFactory {

  private DomainSettings domainSettings;
  private Duration healthInterval;

  @Override
  public String getId() {
    return PortalUrls.RESOURCE;
  }

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return new PortalResource(session, domainSettings);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {
    domainSettings = DomainSettings.from(config);
    healthInterval = Duration.ofSeconds(config.getLong("health-check-seconds", 3600L));
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    DomainRecheck.schedule(factory, domainSettings);
    HealthSchedule.schedule(factory, healthInterval);
  }

  @Override
  public void close() {}
}
