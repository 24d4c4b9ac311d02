package dev.companysso.portal.health;

import dev.companysso.core.events.CompanyEvent;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/** The realm's companies' connection health ({@link ConnectionHealthEntity}). */
public final class ConnectionHealths {

  private final KeycloakSession session;
  private final RealmModel realm;

  public ConnectionHealths(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  public ConnectionHealth of(OrganizationModel company) {
    return Optional.ofNullable(em().find(ConnectionHealthEntity.class, company.getId()))
        .map(ConnectionHealths::health)
        .orElse(ConnectionHealth.NONE);
  }

  /** The health of each of {@code companies} that has one, by company id. */
  public Map<String, ConnectionHealth> of(Collection<OrganizationModel> companies) {
    if (companies.isEmpty()) {
      return Map.of();
    }
    return em().createQuery(
            "select h from ConnectionHealthEntity h where h.companyId in :companies",
            ConnectionHealthEntity.class)
        .setParameter("companies", companies.stream().map(OrganizationModel::getId).toList())
        .getResultStream()
        .collect(Collectors.toMap(ConnectionHealthEntity::companyId, ConnectionHealths::health));
  }

  /** Records a check; one that breaks a connection that was working (or never checked) is told. */
  void checked(OrganizationModel company, Instant at, List<String> failedChecks) {
    boolean wasFailing = of(company).failing();
    update(company, e -> e.checked(at.toEpochMilli(), String.join(",", failedChecks)));
    if (!failedChecks.isEmpty() && !wasFailing) {
      CompanyEvent.raise(
          session,
          realm,
          company,
          CompanyEvent.CONNECTION_UNHEALTHY,
          null,
          Map.of("failedChecks", List.copyOf(failedChecks)));
    }
  }

  /** Records when the company's client secret expires; none to forget it. */
  public void secretExpires(OrganizationModel company, Optional<Instant> expires) {
    update(company, e -> e.secretExpires(expires.map(Instant::toEpochMilli).orElse(null)));
  }

  /** Whether the warning {@code key} was sent for the company. */
  boolean warned(OrganizationModel company, String key) {
    ConnectionHealthEntity entity = em().find(ConnectionHealthEntity.class, company.getId());
    return entity != null && sent(entity).contains(key);
  }

  void warnedNow(OrganizationModel company, String key) {
    update(
        company,
        e -> {
          Set<String> sent = sent(e);
          sent.add(key);
          e.warned(String.join(",", sent));
        });
  }

  private static Set<String> sent(ConnectionHealthEntity entity) {
    return entity.warningsSent() == null || entity.warningsSent().isBlank()
        ? new LinkedHashSet<>()
        : new LinkedHashSet<>(Arrays.asList(entity.warningsSent().split(",")));
  }

  private static ConnectionHealth health(ConnectionHealthEntity entity) {
    return new ConnectionHealth(
        Optional.ofNullable(entity.checkedAt()).map(Instant::ofEpochMilli),
        entity.failedChecks() == null || entity.failedChecks().isBlank()
            ? List.of()
            : List.of(entity.failedChecks().split(",")),
        Optional.ofNullable(entity.secretExpiresAt()).map(Instant::ofEpochMilli));
  }

  private void update(OrganizationModel company, Consumer<ConnectionHealthEntity> change) {
    ConnectionHealthEntity entity = em().find(ConnectionHealthEntity.class, company.getId());
    if (entity == null) {
      entity = new ConnectionHealthEntity(company.getId(), realm.getId());
      em().persist(entity);
    }
    change.accept(entity);
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
