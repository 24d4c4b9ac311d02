package dev.companysso.portal.signins;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/** The sign-in record of a realm's companies ({@link CompanySignInEntity}). */
public final class CompanySignIns {

  private final KeycloakSession session;
  private final RealmModel realm;

  public CompanySignIns(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** The record of each of {@code companies} that has one, by company id. */
  public Map<String, CompanySignIn> of(Collection<OrganizationModel> companies) {
    if (companies.isEmpty()) {
      return Map.of();
    }
    return em().createQuery(
            "select s from CompanySignInEntity s where s.realmId = :realm"
                + " and s.companyId in :companies",
            CompanySignInEntity.class)
        .setParameter("realm", realm.getId())
        .setParameter("companies", companies.stream().map(OrganizationModel::getId).toList())
        .getResultStream()
        .collect(Collectors.toMap(CompanySignInEntity::companyId, CompanySignIn::of));
  }

  public CompanySignIn of(OrganizationModel company) {
    CompanySignInEntity entity = em().find(CompanySignInEntity.class, company.getId());
    return entity == null ? CompanySignIn.NONE : CompanySignIn.of(entity);
  }

  void succeeded(OrganizationModel company, long at) {
    update(company, entity -> entity.succeeded(at));
  }

  void failed(OrganizationModel company, long at, String error) {
    update(company, entity -> entity.failed(at, error));
  }

  private void update(OrganizationModel company, Consumer<CompanySignInEntity> change) {
    CompanySignInEntity entity = em().find(CompanySignInEntity.class, company.getId());
    if (entity == null) {
      entity = new CompanySignInEntity(company.getId(), realm.getId());
      em().persist(entity);
    }
    change.accept(entity);
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
