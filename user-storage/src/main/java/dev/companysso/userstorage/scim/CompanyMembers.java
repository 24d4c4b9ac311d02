package dev.companysso.userstorage.scim;

import dev.companysso.core.AccountAttributes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.representations.idm.MembershipType;

/**
 * The members SCIM lists: managed members of the company that belong to no other company and that
 * SCIM did not delete, paged by username straight from Keycloak's JPA store, one indexed query per
 * page and one count. An organization's members are the members of its internal group (type 1). The
 * admin-role part of {@link dev.companysso.core.CompanyOwnership} is checked on each page's users,
 * as roles come through groups and composites.
 */
final class CompanyMembers {

  private static final String VISIBLE =
      " from UserGroupMembershipEntity m where m.groupId = :group"
          + " and m.membershipType = :managed"
          + " and not exists (select a.id from UserAttributeEntity a"
          + " where a.user = m.user and a.name = :deleted)"
          + " and not exists (select o.groupId from UserGroupMembershipEntity o, GroupEntity g"
          + " where o.user = m.user and o.groupId = g.id and g.type = 1 and g.id <> :group)";

  private final ScimContext context;
  private final String groupId;

  CompanyMembers(ScimContext context) {
    this.context = context;
    // Read from the store: the provider's getter for the internal group came with Keycloak 26.6.
    this.groupId =
        entityManager()
            .createQuery(
                "select o.groupId from OrganizationEntity o where o.id = :org", String.class)
            .setParameter("org", context.company.getId())
            .getSingleResult();
  }

  long count() {
    return entityManager()
        .createQuery("select count(m)" + VISIBLE, Long.class)
        .setParameter("group", groupId)
        .setParameter("managed", MembershipType.MANAGED.name())
        .setParameter("deleted", AccountAttributes.SCIM_DELETED)
        .getSingleResult();
  }

  /** User ids in username order, from {@code first} (0-based). */
  List<String> page(int first, int max) {
    return entityManager()
        .createQuery("select m.user.id" + VISIBLE + " order by m.user.username", String.class)
        .setParameter("group", groupId)
        .setParameter("managed", MembershipType.MANAGED.name())
        .setParameter("deleted", AccountAttributes.SCIM_DELETED)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  private EntityManager entityManager() {
    return context.session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
