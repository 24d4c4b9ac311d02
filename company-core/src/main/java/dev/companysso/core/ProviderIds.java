package dev.companysso.core;

import java.util.Set;

/** The provider ids by which the modules name each other's providers in realm configuration. */
public final class ProviderIds {

  /** The Okta identity provider type, and the directory provider that reads the same org. */
  public static final String OKTA = "okta";

  /** The Entra ID identity provider type, and the directory provider of the same tenant. */
  public static final String ENTRA_ID = "entra-id";

  public static final String GROUP_ROLE_MAPPER = "company-group-role-mapper";

  public static final String GROUP_TEAM_MAPPER = "company-group-team-mapper";

  /** The mappers that hold a group rule table. */
  public static final Set<String> RULE_TABLE_MAPPERS = Set.of(GROUP_ROLE_MAPPER, GROUP_TEAM_MAPPER);

  private ProviderIds() {}
}
