package dev.companysso.portal.mapping;

import dev.companysso.core.AssignableTargets;
import dev.companysso.core.ProviderIds;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two tables a company edits: its groups to roles, and to teams (Keycloak groups). */
public enum TableKind {
  ROLES(ProviderIds.GROUP_ROLE_MAPPER, "groups to roles"),
  TEAMS(ProviderIds.GROUP_TEAM_MAPPER, "groups to teams");

  private final String mapperType;
  private final String nameSuffix;

  TableKind(String mapperType, String nameSuffix) {
    this.mapperType = mapperType;
    this.nameSuffix = nameSuffix;
  }

  public static Optional<TableKind> named(String key) {
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  String mapperType() {
    return mapperType;
  }

  /** The name of a table the portal makes on the provider {@code alias}. */
  String mapperName(String alias) {
    return alias + " " + nameSuffix;
  }

  /** Whether the vendor lets companies grant {@code target} from this kind of table. */
  public boolean assignable(AssignableTargets assignable, String target) {
    return this == ROLES ? assignable.roleAssignable(target) : assignable.teamAssignable(target);
  }

  /** What the vendor lists as assignable for this kind, to show beside the table. */
  public List<String> offered(AssignableTargets assignable) {
    return this == ROLES ? assignable.roles() : assignable.teams();
  }
}
