package dev.companysso.core;

import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/** Which company owns an e-mail domain: only enabled organizations with a verified domain count. */
public final class CompanyDomains {

  private static final Logger LOG = Logger.getLogger(CompanyDomains.class);

  private CompanyDomains() {}

  /** The domain part of an e-mail address, lowercased, if it has one. */
  public static Optional<String> domainOf(String email) {
    if (email == null) {
      return Optional.empty();
    }
    int at = email.lastIndexOf('@');
    if (at <= 0 || at == email.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
  }

  /** The enabled organization that has verified {@code domain} (or a {@code *.} parent of it). */
  public static Optional<OrganizationModel> verifiedOwner(KeycloakSession session, String domain) {
    if (!session.getContext().getRealm().isOrganizationsEnabled()) {
      return Optional.empty();
    }
    OrganizationModel company;
    try {
      company = session.getProvider(OrganizationProvider.class).getByDomainName(domain);
    } catch (RuntimeException invalidDomain) {
      // Keycloak validates the syntax and throws on e.g. "b..c"; such a domain has no owner.
      LOG.tracef("Not a domain: %s", invalidDomain.getMessage());
      return Optional.empty();
    }
    return Optional.ofNullable(company)
        .filter(OrganizationModel::isEnabled)
        .filter(c -> verifies(c, domain));
  }

  /** Whether {@code company} has verified {@code domain}, itself or as a {@code *.} parent. */
  public static boolean verifies(OrganizationModel company, String domain) {
    return company
        .getDomains()
        .filter(OrganizationDomainModel::isVerified)
        .anyMatch(d -> covers(d.getName(), domain));
  }

  /**
   * Whether the company vouches for {@code email}: its domain is one the company has verified
   * (itself or under a {@code *.} entry). Accounts the company provisions (SCIM, directory sync)
   * get such an address as verified, as its IdP asserts at login.
   */
  public static boolean vouchesFor(OrganizationModel company, String email) {
    return domainOf(email).filter(domain -> verifies(company, domain)).isPresent();
  }

  /**
   * The enabled company other than {@code company} that has verified the domain of {@code
   * emailOrUsername}: a value no other company may create, link or route to.
   */
  public static Optional<OrganizationModel> foreignOwner(
      KeycloakSession session, OrganizationModel company, String emailOrUsername) {
    return domainOf(emailOrUsername)
        .flatMap(domain -> verifiedOwner(session, domain))
        .filter(owner -> !owner.getId().equals(company.getId()));
  }

  /** {@code "*.acme.example"} covers its subdomains and itself; any other name only itself. */
  static boolean covers(String registered, String domain) {
    String name = registered.toLowerCase(Locale.ROOT);
    String candidate = domain.toLowerCase(Locale.ROOT);
    if (name.startsWith("*.")) {
      String parent = name.substring(2);
      return candidate.equals(parent) || candidate.endsWith("." + parent);
    }
    return name.equals(candidate);
  }
}
