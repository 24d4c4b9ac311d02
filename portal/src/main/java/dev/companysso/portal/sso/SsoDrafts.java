package dev.companysso.portal.sso;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/** The companies' sign-in drafts, one per company. */
public final class SsoDrafts {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final Clock clock;

  public SsoDrafts(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
    this.clock = Clock.systemUTC();
  }

  public Optional<SsoDraft> of(OrganizationModel company) {
    return entity(company)
        .flatMap(
            entity ->
                Vendor.of(entity.providerId())
                    .map(
                        vendor ->
                            new SsoDraft(
                                vendor,
                                read(entity.settings()),
                                Instant.ofEpochMilli(entity.updatedAt()),
                                entity.testedAt() == null
                                    ? null
                                    : Instant.ofEpochMilli(entity.testedAt()))));
  }

  public SsoDraft save(OrganizationModel company, Vendor vendor, Map<String, String> settings) {
    long now = clock.millis();
    Optional<SsoDraftEntity> saved = entity(company);
    if (saved.isPresent()) {
      saved.get().update(vendor.providerId(), write(settings), now);
    } else {
      SsoDraftEntity created = new SsoDraftEntity(company.getId(), realm.getId());
      created.update(vendor.providerId(), write(settings), now);
      em().persist(created);
    }
    return new SsoDraft(vendor, Map.copyOf(settings), Instant.ofEpochMilli(now), null);
  }

  /**
   * Records a successful test sign-in through the company's settings as they were at {@code
   * updated}: a later change has to be tested again.
   */
  public void tested(OrganizationModel company, Instant updated) {
    entity(company)
        .filter(entity -> entity.updatedAt() == updated.toEpochMilli())
        .ifPresent(entity -> entity.tested(clock.millis()));
  }

  private Optional<SsoDraftEntity> entity(OrganizationModel company) {
    return Optional.ofNullable(em().find(SsoDraftEntity.class, company.getId()))
        .filter(entity -> entity.realmId().equals(realm.getId()));
  }

  private static Map<String, String> read(String json) {
    try {
      return JsonSerialization.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("A sign-in draft is not JSON", e);
    }
  }

  private static String write(Map<String, String> settings) {
    try {
      return JsonSerialization.writeValueAsString(settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
