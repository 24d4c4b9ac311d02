package dev.companysso.mappers.sync;

import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.UserModel;

/**
 * What a mapping table grants, roles or groups: how a target named in the table is found and how a
 * user gets and loses it. {@link GrantSync} does the rest the same way for both.
 *
 * @param <T> the Keycloak model of a target
 */
public interface TargetKind<T> {

  /**
   * The start of the user attributes (one per mapper, prefix + mapper id) that record what the
   * mappers of this kind granted, readable by admins.
   */
  String ledgerPrefix();

  /** The target named in the table, or {@code null} if it does not exist (any more). */
  T find(String name);

  /** How messages name a target: "role 'developer'", "group '/Teams/Platform'". */
  String describe(String name);

  /** Whether a missing target is made at login rather than skipped. */
  default boolean createsMissing() {
    return false;
  }

  /** The target a rule grants: found, or made if the mapper is set to make missing targets. */
  default T findOrCreate(String name) {
    return find(name);
  }

  /**
   * Whether what {@code other} granted counts as this mapper's too (both own a target until neither
   * grants it): not when the two write to different companies, whose targets only share a name.
   */
  default boolean sharesGrantsWith(IdentityProviderMapperModel other) {
    return true;
  }

  /** Whether the user holds the target directly, not through a group or a composite. */
  boolean holds(UserModel user, T target);

  void give(UserModel user, T target);

  void take(UserModel user, T target);
}
