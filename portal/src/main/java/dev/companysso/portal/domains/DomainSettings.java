package dev.companysso.portal.domains;

import dev.companysso.core.SettingLists;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How domains are verified on this server, from the portal provider's options: the name servers
 * asked (none: the machine's resolver), their timeout, and how often verified domains are checked
 * again.
 */
public record DomainSettings(List<String> dnsServers, long dnsTimeoutMillis, Duration recheck) {

  public static DomainSettings from(Config.Scope config) {
    return new DomainSettings(
        SettingLists.names(config.get("dns-servers")),
        config.getLong("dns-timeout-millis", 3000L),
        Duration.ofSeconds(
            config.getLong("domain-recheck-seconds", Duration.ofDays(1).toSeconds())));
  }

  public DomainVerifications verifications(KeycloakSession session, RealmModel realm) {
    return new DomainVerifications(
        session, realm, new TxtRecords(dnsServers, dnsTimeoutMillis), Clock.systemUTC());
  }
}
