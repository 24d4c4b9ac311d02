package dev.companysso.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Finds a company by its code (organization alias) on the path of every login that names one.
 * Keycloak caches organizations by id but answers an alias with a query each time, so the id an
 * alias last led to is remembered here and read through Keycloak's cache. The organization found is
 * always Keycloak's current one, checked to still carry the alias: a company removed, or another
 * created under a freed code, is looked up again. Unknown codes are never remembered.
 */
public final class CompanyCodes {

  /** Far more codes than a realm has companies that sign in within minutes; cleared when full. */
  static final int REMEMBERED = 50_000;

  private static final Map<String, String> IDS = new ConcurrentHashMap<>();

  private CompanyCodes() {}

  /** The organization whose alias is exactly {@code code} in {@code realm}, or {@code null}. */
  public static OrganizationModel find(
      OrganizationProvider organizations, RealmModel realm, String code) {
    String key = realm.getId() + '\n' + code;
    String id = IDS.get(key);
    if (id != null) {
      OrganizationModel remembered = organizations.getById(id);
      if (remembered != null && code.equals(remembered.getAlias())) {
        return remembered;
      }
      IDS.remove(key, id);
    }
    OrganizationModel company = organizations.getByAlias(code);
    if (company != null) {
      if (IDS.size() >= REMEMBERED) {
        IDS.clear();
      }
      IDS.put(key, company.getId());
    }
    return company;
  }
}
