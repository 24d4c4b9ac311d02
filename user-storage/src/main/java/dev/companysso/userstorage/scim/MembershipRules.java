package dev.companysso.userstorage.scim;

import dev.companysso.core.CompanyGroupRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;

/**
 * After a SCIM group change, runs the company identity provider's group rule tables for each member
 * whose groups changed, with their SCIM groups' names and external ids as the {@code groups} claim:
 * a table keyed on Okta group names or on Entra group object ids matches either way, and login,
 * directory sync and SCIM share one record of what each table granted.
 */
final class MembershipRules {

  private final ScimContext context;
  private final CompanyGroups groups;

  MembershipRules(ScimContext context, CompanyGroups groups) {
    this.context = context;
    this.groups = groups;
  }

  void refresh(Collection<UserModel> users) {
    IdentityProviderModel provider = context.settings.identityProvider();
    if (provider == null || users.isEmpty()) {
      return;
    }
    CompanyGroupRules rules = CompanyGroupRules.of(context.session, provider.getAlias());
    if (rules.isEmpty()) {
      return;
    }
    for (UserModel user : users) {
      FederatedIdentityModel link =
          context.session.users().getFederatedIdentity(context.realm, user, provider.getAlias());
      rules.apply(
          context.session,
          context.realm,
          user,
          provider,
          link == null ? user.getId() : link.getUserId(),
          user.getUsername(),
          groupClaim(user));
    }
  }

  private List<String> groupClaim(UserModel user) {
    List<String> claim = new ArrayList<>();
    context
        .organizations()
        .getOrganizationGroupsByMember(context.company, user)
        .filter(groups::owned)
        .forEach(
            group -> {
              claim.add(group.getName());
              String externalId = group.getFirstAttribute(CompanyGroups.EXTERNAL_ID);
              if (externalId != null) {
                claim.add(externalId);
              }
            });
    return claim;
  }
}
