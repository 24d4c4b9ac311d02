package dev.companysso.portal.web;

import dev.companysso.portal.domains.DomainChallenge;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/**
 * One domain on the domains page: the organization says whether it is verified (the vendor may have
 * verified it by hand); the company's DNS claim adds the record to publish and what the last
 * look-up found.
 *
 * @param state {@code verified} (by DNS), {@code missing} (verified, but the record has gone),
 *     {@code vendor} (verified by the vendor), {@code pending} (record not found yet) or {@code
 *     listed} (on the organization unverified, no claim yet)
 */
public record DomainRow(
    String domain,
    String state,
    String recordName,
    String recordValue,
    String verifiedAt,
    String checkedAt,
    String missingSince) {

  static List<DomainRow> of(
      OrganizationModel company, List<DomainChallenge> challenges, DateTimeFormatter dates) {
    Map<String, OrganizationDomainModel> listed =
        company
            .getDomains()
            .collect(Collectors.toMap(OrganizationDomainModel::getName, Function.identity()));
    Map<String, DomainChallenge> claimed =
        challenges.stream().collect(Collectors.toMap(DomainChallenge::domain, Function.identity()));
    TreeSet<String> names = new TreeSet<>(listed.keySet());
    names.addAll(claimed.keySet());
    List<DomainRow> rows = new ArrayList<>();
    for (String name : names) {
      OrganizationDomainModel domain = listed.get(name);
      DomainChallenge challenge = claimed.get(name);
      boolean verified = domain != null && domain.isVerified();
      String state;
      if (verified && challenge != null && challenge.verified()) {
        state = challenge.missingSince().isPresent() ? "missing" : "verified";
      } else if (verified) {
        state = "vendor";
      } else {
        state = challenge != null ? "pending" : "listed";
      }
      rows.add(
          new DomainRow(
              name,
              state,
              challenge == null ? null : challenge.recordName(),
              challenge == null ? null : challenge.recordValue(),
              challenge == null ? null : challenge.verifiedAt().map(dates::format).orElse(null),
              challenge == null ? null : challenge.checkedAt().map(dates::format).orElse(null),
              challenge == null ? null : challenge.missingSince().map(dates::format).orElse(null)));
    }
    return rows;
  }

  /** A domain that can be proved by DNS: a plain name (a {@code *.} entry is the vendor's). */
  public boolean claimable() {
    return !domain.startsWith("*.");
  }

  /** An id-safe form of the name for the page's element ids. */
  public String key() {
    return domain.replaceAll("[^a-z0-9-]", "-");
  }
}
