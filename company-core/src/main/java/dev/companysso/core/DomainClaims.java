package dev.companysso.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Which domains a company may prove as its own. Never a mail domain anyone can sign up for (a
 * shipped list the realm extends), never one another company has verified (itself or under its
 * {@code *.} entry): proving such a domain would route that company's people to another IdP.
 */
public final class DomainClaims {

  /** Realm attribute: further consumer mail domains, comma-separated. */
  public static final String CONSUMER_DOMAINS_ATTRIBUTE = "companySso.consumerDomains";

  /** Why a company may not claim a domain. */
  public enum Refusal {
    NOT_A_DOMAIN,
    CONSUMER_DOMAIN,
    OTHER_COMPANY
  }

  private static final int MAX_LENGTH = 253;
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Set<String> SHIPPED_CONSUMER_DOMAINS = readShipped();

  private DomainClaims() {}

  /**
   * {@code input} as a domain name: trimmed, lowercased, international names in their ASCII form,
   * without a trailing dot; empty when it is no host name with at least two labels.
   */
  public static Optional<String> normalized(String input) {
    if (input == null || input.isBlank() || input.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String name = input.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    try {
      name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notAHostName) {
      return Optional.empty();
    }
    String[] labels = name.split("\\.", -1);
    if (labels.length < 2 || !Stream.of(labels).allMatch(l -> LABEL.matcher(l).matches())) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** Why {@code company} may not claim {@code domain} (a normalized name), if it may not. */
  public static Optional<Refusal> refusal(
      KeycloakSession session, RealmModel realm, OrganizationModel company, String domain) {
    if (normalized(domain).filter(domain::equals).isEmpty()) {
      return Optional.of(Refusal.NOT_A_DOMAIN);
    }
    if (isConsumer(realm, domain)) {
      return Optional.of(Refusal.CONSUMER_DOMAIN);
    }
    if (verifiedByOther(session, company, domain)) {
      return Optional.of(Refusal.OTHER_COMPANY);
    }
    return Optional.empty();
  }

  /** The domain or a parent of it is on the shipped list or the realm's own. */
  static boolean isConsumer(RealmModel realm, String domain) {
    Set<String> listed =
        Stream.concat(
                SHIPPED_CONSUMER_DOMAINS.stream(),
                SettingLists.names(realm.getAttribute(CONSUMER_DOMAINS_ATTRIBUTE)).stream()
                    .map(name -> name.toLowerCase(Locale.ROOT)))
            .collect(Collectors.toSet());
    for (String name = domain; name.contains("."); name = name.substring(name.indexOf('.') + 1)) {
      if (listed.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Another company (enabled or not: a disabled company still owns its domains) holds the domain
   * verified, itself or under a {@code *.} entry.
   */
  private static boolean verifiedByOther(
      KeycloakSession session, OrganizationModel company, String domain) {
    OrganizationModel holder =
        session.getProvider(OrganizationProvider.class).getByDomainName(domain);
    return holder != null
        && !holder.getId().equals(company.getId())
        && holder
            .getDomains()
            .filter(OrganizationDomainModel::isVerified)
            .anyMatch(d -> CompanyDomains.covers(d.getName(), domain));
  }

  private static Set<String> readShipped() {
    try (InputStream in = DomainClaims.class.getResourceAsStream("consumer-domains.txt")) {
      if (in == null) {
        throw new IllegalStateException("consumer-domains.txt is missing from company-core");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
