package dev.companysso.operations.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.core.CompanyAttributes;
import dev.companysso.core.SettingLists;
import dev.companysso.core.access.AppAccess;
import dev.companysso.core.access.SsoRequired;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Companies as code: a manifest checked whole (every problem by its path, nothing changed when
 * there is one), the changes it makes (a plan, also answered for a dry run), made in the request's
 * transaction, and the manifest of a company as it is (export). Applying the same manifest again
 * changes nothing.
 */
public final class CompanyManifests {

  /** One difference between the company and its manifest; {@code from} null: added. */
  public record Change(String path, String from, String to) {}

  /** What a manifest did or would do, or why it was refused. */
  public record Outcome(List<String> problems, List<Change> changes, boolean applied) {}

  /** A company code as the portal and discovery accept it. */
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final Pattern DOMAIN =
      Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private final KeycloakSession session;
  private final RealmModel realm;
  private final OrganizationProvider organizations;
  private final ManifestIdentityProviders identityProviders;
  private final ManifestRuleTables ruleTables;
  private final ManifestProvisioning provisioning;

  public CompanyManifests(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
    this.organizations = session.getProvider(OrganizationProvider.class);
    this.identityProviders = new ManifestIdentityProviders(session, realm, System::getenv);
    this.ruleTables = new ManifestRuleTables(session, realm);
    this.provisioning = new ManifestProvisioning(session, realm, System::getenv);
  }

  /**
   * Makes the company {@code code} what {@code document} says, or, with {@code dryRun}, only says
   * what that would change.
   */
  public Outcome apply(String code, JsonNode document, boolean dryRun) {
    ManifestProblems problems = new ManifestProblems();
    CompanyManifest manifest = new ManifestReader(problems).read(document);
    OrganizationModel company = code == null ? null : organizations.getByAlias(code);
    if (manifest != null) {
      check(code, manifest, company, problems);
    }
    if (!problems.isEmpty()) {
      return new Outcome(problems.list(), List.of(), false);
    }
    ManifestPlan plan = new ManifestPlan(company);
    plan(code, manifest, company, plan);
    if (!dryRun) {
      plan.run();
    }
    return new Outcome(List.of(), plan.changes(), !dryRun && !plan.changes().isEmpty());
  }

  /** The company as a manifest, or null when there is no company {@code code}. */
  public CompanyManifest export(String code) {
    OrganizationModel company = organizations.getByAlias(code);
    if (company == null) {
      return null;
    }
    return new CompanyManifest(
        company.getAlias(),
        company.getName(),
        company.getDescription(),
        company.isEnabled(),
        domains(company),
        identityProviders.export(company),
        ruleTables.export(company),
        new CompanyManifest.Options(
            defaultRoles(company),
            CompanyAttributes.isTrue(company, CompanyAttributes.FIRST_MEMBER_OWNER),
            CompanyAttributes.isTrue(company, CompanyAttributes.AUTO_REDIRECT)),
        new CompanyManifest.Access(
            AppAccess.grants(company).stream().map(AppAccess.Grant::value).toList(),
            SsoRequired.required(company)),
        provisioning.export(company));
  }

  private void check(
      String code, CompanyManifest manifest, OrganizationModel company, ManifestProblems problems) {
    if (code == null || !CODE.matcher(code).matches()) {
      problems.add("code", "a company code is 1 to 64 lower-case letters, digits, '.', '_' or '-'");
    } else if (manifest.code() != null && !manifest.code().equals(code)) {
      problems.add("code", "'" + manifest.code() + "' is not the company of this address, " + code);
    }
    if (company == null && (manifest.name() == null || manifest.name().isBlank())) {
      problems.add("name", "required for a new company");
    } else if (manifest.name() != null && manifest.name().isBlank()) {
      problems.add("name", "must not be blank");
    } else if (manifest.name() != null) {
      OrganizationModel named =
          organizations.getAllStream(manifest.name(), true, 0, 1).findFirst().orElse(null);
      if (named != null && (company == null || !named.getId().equals(company.getId()))) {
        problems.add("name", "another company is called '" + manifest.name() + "'");
      }
    }
    if (manifest.domains() != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < manifest.domains().size(); i++) {
        String name = manifest.domains().get(i).name().toLowerCase(Locale.ROOT);
        String path = "domains[" + i + "]";
        if (!DOMAIN.matcher(name).matches()) {
          problems.add(path, "'" + name + "' is not a domain name");
        } else if (!seen.add(name)) {
          problems.add(path, name + " is listed twice");
        } else {
          OrganizationModel holder = organizations.getByDomainName(name);
          if (holder != null && (company == null || !holder.getId().equals(company.getId()))) {
            problems.add(path, name + " belongs to company " + holder.getAlias());
          }
        }
      }
    }
    if (manifest.identityProviders() != null) {
      identityProviders.check(manifest.identityProviders(), company, problems);
    }
    Set<String> listed = new HashSet<>();
    if (manifest.identityProviders() != null) {
      manifest.identityProviders().forEach(provider -> listed.add(provider.alias()));
    }
    if (manifest.ruleTables() != null) {
      ruleTables.check(manifest.ruleTables(), listed, company, problems);
    }
    if (manifest.provisioning() != null) {
      provisioning.check(manifest.provisioning(), listed, company, problems);
    }
    if (manifest.options() != null && manifest.options().defaultRoles() != null) {
      List<String> roles = manifest.options().defaultRoles();
      for (int i = 0; i < roles.size(); i++) {
        if (KeycloakModelUtils.getRoleFromString(realm, roles.get(i)) == null) {
          problems.add(
              "options.defaultRoles[" + i + "]", "no role '" + roles.get(i) + "' in this realm");
        }
      }
    }
    if (manifest.access() != null && manifest.access().apps() != null) {
      AppAccess.problems(session, realm, manifest.access().apps())
          .forEach(problem -> problems.add("access", problem));
    }
  }

  private void plan(
      String code, CompanyManifest manifest, OrganizationModel current, ManifestPlan plan) {
    if (current == null) {
      plan.change(
          new Change("company", null, code),
          ignored -> plan.created(organizations.create(manifest.name(), code)));
    }
    if (manifest.name() != null
        && (current == null || !manifest.name().equals(current.getName()))) {
      plan.change(
          new Change("name", current == null ? null : current.getName(), manifest.name()),
          company -> company.setName(manifest.name()));
    }
    if (manifest.description() != null
        && !Objects.equals(
            manifest.description(), current == null ? null : current.getDescription())) {
      plan.change(
          new Change(
              "description",
              current == null ? null : current.getDescription(),
              manifest.description()),
          company -> company.setDescription(manifest.description()));
    }
    if (manifest.enabled() != null
        && (current == null ? !manifest.enabled() : manifest.enabled() != current.isEnabled())) {
      plan.change(
          new Change(
              "enabled",
              current == null ? null : String.valueOf(current.isEnabled()),
              manifest.enabled().toString()),
          company -> company.setEnabled(manifest.enabled()));
    }
    if (manifest.domains() != null) {
      planDomains(manifest.domains(), current, plan);
    }
    if (manifest.identityProviders() != null) {
      identityProviders.plan(manifest.identityProviders(), plan);
    }
    if (manifest.ruleTables() != null) {
      ruleTables.plan(manifest.ruleTables(), plan);
    }
    if (manifest.options() != null) {
      planOptions(manifest.options(), current, plan);
    }
    if (manifest.access() != null) {
      planAccess(manifest.access(), current, plan);
    }
    if (manifest.provisioning() != null) {
      provisioning.plan(manifest.provisioning(), current, plan);
    }
  }

  private void planDomains(
      List<CompanyManifest.Domain> wanted, OrganizationModel current, ManifestPlan plan) {
    Map<String, Boolean> now = new LinkedHashMap<>();
    if (current != null) {
      domains(current).forEach(domain -> now.put(domain.name(), domain.verified()));
    }
    Map<String, Boolean> next = new LinkedHashMap<>();
    wanted.forEach(domain -> next.put(domain.name().toLowerCase(Locale.ROOT), domain.verified()));
    if (now.equals(next)) {
      return;
    }
    for (Map.Entry<String, Boolean> domain : next.entrySet()) {
      Boolean was = now.get(domain.getKey());
      if (!domain.getValue().equals(was)) {
        plan.record(
            new Change(
                "domains." + domain.getKey(),
                was == null ? null : verification(was),
                verification(domain.getValue())));
      }
    }
    now.keySet().stream()
        .filter(name -> !next.containsKey(name))
        .forEach(
            name -> plan.record(new Change("domains." + name, verification(now.get(name)), null)));
    plan.step(
        company ->
            company.setDomains(
                next.entrySet().stream()
                    .map(domain -> new OrganizationDomainModel(domain.getKey(), domain.getValue()))
                    .collect(Collectors.toSet())));
  }

  private void planOptions(
      CompanyManifest.Options wanted, OrganizationModel current, ManifestPlan plan) {
    if (wanted.defaultRoles() != null) {
      List<String> now = current == null ? List.of() : defaultRoles(current);
      if (!now.equals(wanted.defaultRoles())) {
        plan.change(
            new Change(
                "options.defaultRoles",
                String.join(",", now),
                String.join(",", wanted.defaultRoles())),
            company ->
                CompanyAttributes.set(
                    company,
                    CompanyAttributes.DEFAULT_ROLES,
                    wanted.defaultRoles().isEmpty()
                        ? null
                        : String.join(",", wanted.defaultRoles())));
      }
    }
    flag(
        plan,
        current,
        "options.firstMemberOwner",
        CompanyAttributes.FIRST_MEMBER_OWNER,
        wanted.firstMemberOwner());
    flag(
        plan,
        current,
        "options.autoRedirect",
        CompanyAttributes.AUTO_REDIRECT,
        wanted.autoRedirect());
  }

  private void planAccess(
      CompanyManifest.Access wanted, OrganizationModel current, ManifestPlan plan) {
    if (wanted.apps() != null) {
      List<String> now =
          current == null
              ? List.of()
              : AppAccess.grants(current).stream().map(AppAccess.Grant::value).toList();
      if (!now.equals(wanted.apps())) {
        plan.change(
            new Change("access.apps", String.join(",", now), String.join(",", wanted.apps())),
            company -> AppAccess.replaceGrants(session, realm, company, wanted.apps()));
      }
    }
    if (wanted.ssoRequired() != null) {
      boolean now = current != null && SsoRequired.required(current);
      if (now != wanted.ssoRequired()) {
        plan.change(
            new Change("access.ssoRequired", String.valueOf(now), wanted.ssoRequired().toString()),
            company -> SsoRequired.require(company, wanted.ssoRequired()));
      }
    }
  }

  private static void flag(
      ManifestPlan plan, OrganizationModel current, String path, String attribute, Boolean wanted) {
    if (wanted == null) {
      return;
    }
    boolean now = current != null && CompanyAttributes.isTrue(current, attribute);
    if (now != wanted) {
      plan.change(
          new Change(path, String.valueOf(now), wanted.toString()),
          company -> CompanyAttributes.set(company, attribute, wanted ? "true" : null));
    }
  }

  private static List<CompanyManifest.Domain> domains(OrganizationModel company) {
    return company
        .getDomains()
        .sorted(Comparator.comparing(OrganizationDomainModel::getName))
        .map(domain -> new CompanyManifest.Domain(domain.getName(), domain.isVerified()))
        .toList();
  }

  private static List<String> defaultRoles(OrganizationModel company) {
    return company.getAttributes().getOrDefault(CompanyAttributes.DEFAULT_ROLES, List.of()).stream()
        .flatMap(value -> SettingLists.names(value).stream())
        .toList();
  }

  private static String verification(boolean verified) {
    return verified ? "verified" : "unverified";
  }
}
