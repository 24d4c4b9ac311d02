package dev.companysso.portal.domains;

import dev.companysso.core.DomainClaims;
import dev.companysso.core.DomainClaims.Refusal;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * A company proving its domains by DNS: a claim gives it a TXT record to publish; verifying finds
 * that record and marks the domain verified on the company's organization, which makes discovery
 * and trusted linking use it. A verified domain is looked up again from time to time; a record that
 * has gone is reported, and the domain stays verified until the company or the vendor acts.
 */
public final class DomainVerifications {

  private static final Logger LOG = Logger.getLogger(DomainVerifications.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a claim or a verification came to. */
  public enum Outcome {
    CLAIMED,
    VERIFIED,
    RECORD_MISSING,
    LOOKUP_FAILED,
    REFUSED
  }

  /**
   * @param releasedFrom the company that held the domain unverified and lost it to this proof
   */
  public record Result(
      Outcome outcome,
      Optional<Refusal> refusal,
      Optional<DomainChallenge> challenge,
      Optional<String> releasedFrom) {

    static Result refused(Refusal refusal) {
      return new Result(Outcome.REFUSED, Optional.of(refusal), Optional.empty(), Optional.empty());
    }
  }

  private final KeycloakSession session;
  private final RealmModel realm;
  private final TxtRecords dns;
  private final Clock clock;

  public DomainVerifications(
      KeycloakSession session, RealmModel realm, TxtRecords dns, Clock clock) {
    this.session = session;
    this.realm = realm;
    this.dns = dns;
    this.clock = clock;
  }

  /** The company's claims, verified or not, by domain name. */
  public List<DomainChallenge> of(OrganizationModel company) {
    return em().createQuery(
            "select c from DomainChallengeEntity c where c.companyId = :company order by c.domain",
            DomainChallengeEntity.class)
        .setParameter("company", company.getId())
        .getResultStream()
        .map(DomainChallenge::of)
        .toList();
  }

  /**
   * The verified domains of {@code companies} whose record a check no longer found, by company id:
   * what the vendor view flags.
   */
  public static Map<String, List<String>> missingRecords(
      KeycloakSession session, Collection<OrganizationModel> companies) {
    if (companies.isEmpty()) {
      return Map.of();
    }
    return session
        .getProvider(JpaConnectionProvider.class)
        .getEntityManager()
        .createQuery(
            "select c from DomainChallengeEntity c where c.companyId in :companies"
                + " and c.missingSince is not null order by c.domain",
            DomainChallengeEntity.class)
        .setParameter("companies", companies.stream().map(OrganizationModel::getId).toList())
        .getResultStream()
        .collect(
            Collectors.groupingBy(
                DomainChallengeEntity::companyId,
                Collectors.mapping(DomainChallengeEntity::domain, Collectors.toList())));
  }

  /**
   * Starts (or repeats) the company's claim to the domain typed as {@code input}: refused for what
   * is no domain, a consumer mail domain or another company's verified domain; otherwise the
   * challenge whose record the company publishes.
   */
  public Result claim(OrganizationModel company, String input) {
    Optional<String> domain = DomainClaims.normalized(input);
    if (domain.isEmpty()) {
      return Result.refused(Refusal.NOT_A_DOMAIN);
    }
    Optional<Refusal> refusal = DomainClaims.refusal(session, realm, company, domain.get());
    if (refusal.isPresent()) {
      return Result.refused(refusal.get());
    }
    DomainChallengeEntity challenge =
        find(company, domain.get()).orElseGet(() -> create(company, domain.get()));
    return result(Outcome.CLAIMED, challenge, Optional.empty());
  }

  /**
   * Looks the company's record for {@code domain} up now: found, the domain is verified (taken from
   * a company that held it without proof); missing or unreadable, nothing changes but the time of
   * the check.
   */
  public Optional<Result> verify(OrganizationModel company, String domain) {
    return find(company, domain).map(challenge -> check(company, challenge));
  }

  /** Withdraws a claim not yet proved; a verified domain stays (the vendor removes those). */
  public boolean withdraw(OrganizationModel company, String domain) {
    Optional<DomainChallengeEntity> challenge = find(company, domain);
    if (challenge.isEmpty() || verifiedOn(company, domain)) {
      return false;
    }
    em().remove(challenge.get());
    return true;
  }

  /**
   * Checks again every verified domain of the realm not checked within {@code minAgeMillis}: the
   * periodic re-check. Answers how many records were found missing.
   */
  public int recheck(long minAgeMillis) {
    long due = clock.millis() - minAgeMillis;
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    int missing = 0;
    for (DomainChallengeEntity challenge :
        em().createQuery(
                "select c from DomainChallengeEntity c where c.realmId = :realm"
                    + " and c.verifiedAt is not null and (c.checkedAt is null or c.checkedAt < :due)",
                DomainChallengeEntity.class)
            .setParameter("realm", realm.getId())
            .setParameter("due", due)
            .getResultList()) {
      OrganizationModel company = organizations.getById(challenge.companyId());
      if (company != null && verifiedOn(company, challenge.domain())) {
        Result result = check(company, challenge);
        if (result.outcome() == Outcome.RECORD_MISSING) {
          missing++;
        }
      }
    }
    return missing;
  }

  private Result check(OrganizationModel company, DomainChallengeEntity challenge) {
    String domain = challenge.domain();
    Optional<Refusal> refusal = DomainClaims.refusal(session, realm, company, domain);
    if (refusal.isPresent()) {
      return Result.refused(refusal.get());
    }
    DomainChallenge expected = DomainChallenge.of(challenge);
    TxtRecords.Answer answer = dns.at(expected.recordName());
    long now = clock.millis();
    if (answer.lookupFailed()) {
      LOG.warnf(
          "Domains: looking up %s for company %s in realm %s failed: %s",
          expected.recordName(), company.getAlias(), realm.getName(), answer.problem());
      return result(Outcome.LOOKUP_FAILED, challenge, Optional.empty());
    }
    if (!answer.values().contains(expected.recordValue())) {
      boolean wasVerified = challenge.verifiedAt() != null && challenge.missingSince() == null;
      challenge.missed(now);
      if (wasVerified) {
        LOG.warnf(
            "Domains: the TXT record %s of company %s in realm %s is gone; the domain stays"
                + " verified until the company or the vendor acts",
            expected.recordName(), company.getAlias(), realm.getName());
      }
      return result(Outcome.RECORD_MISSING, challenge, Optional.empty());
    }
    Optional<String> releasedFrom =
        verifiedOn(company, domain) ? Optional.empty() : markVerified(company, domain);
    challenge.found(now);
    return result(Outcome.VERIFIED, challenge, releasedFrom);
  }

  /**
   * Marks the domain verified on the company's organization. Keycloak lets one organization hold a
   * domain; one that holds it unverified gives it up to the proof.
   */
  private Optional<String> markVerified(OrganizationModel company, String domain) {
    OrganizationModel holder =
        session.getProvider(OrganizationProvider.class).getByDomainName(domain);
    Optional<String> releasedFrom = Optional.empty();
    if (holder != null && !holder.getId().equals(company.getId())) {
      holder.setDomains(without(holder, domain));
      releasedFrom = Optional.of(holder.getAlias());
      LOG.infof(
          "Domains: %s moves from company %s (unverified there) to company %s in realm %s,"
              + " proved by DNS",
          domain, holder.getAlias(), company.getAlias(), realm.getName());
    }
    Set<OrganizationDomainModel> domains = without(company, domain);
    domains.add(new OrganizationDomainModel(domain, true));
    company.setDomains(domains);
    LOG.infof(
        "Domains: %s verified by DNS for company %s in realm %s",
        domain, company.getAlias(), realm.getName());
    return releasedFrom;
  }

  private static Set<OrganizationDomainModel> without(OrganizationModel company, String domain) {
    return company
        .getDomains()
        .filter(d -> !d.getName().equalsIgnoreCase(domain))
        .collect(Collectors.toSet());
  }

  /** The organization itself holds {@code domain} as verified (the vendor may have changed it). */
  public static boolean verifiedOn(OrganizationModel company, String domain) {
    return company
        .getDomains()
        .anyMatch(d -> d.isVerified() && d.getName().equalsIgnoreCase(domain));
  }

  private static Result result(
      Outcome outcome, DomainChallengeEntity challenge, Optional<String> releasedFrom) {
    return new Result(
        outcome, Optional.empty(), Optional.of(DomainChallenge.of(challenge)), releasedFrom);
  }

  private Optional<DomainChallengeEntity> find(OrganizationModel company, String domain) {
    return em().createQuery(
            "select c from DomainChallengeEntity c where c.companyId = :company"
                + " and c.domain = :domain",
            DomainChallengeEntity.class)
        .setParameter("company", company.getId())
        .setParameter("domain", domain)
        .getResultStream()
        .findFirst();
  }

  private DomainChallengeEntity create(OrganizationModel company, String domain) {
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    DomainChallengeEntity challenge =
        new DomainChallengeEntity(
            KeycloakModelUtils.generateId(),
            realm.getId(),
            company.getId(),
            domain,
            Base64.getUrlEncoder().withoutPadding().encodeToString(token),
            clock.millis());
    em().persist(challenge);
    return challenge;
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
