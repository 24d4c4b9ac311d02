package dev.companysso.it.support;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.util.JsonSerialization;

/** Identity-provider mappers and their rule tables, made through the admin REST API. */
public final class IdpMappers {

  /** What the admin REST API answered: the status and, for an error, Keycloak's message. */
  public record Answer(int status, String body) {}

  private final RealmResource realm;

  public IdpMappers(RealmResource realm) {
    this.realm = realm;
  }

  /** A rule table as the admin console stores it, from pattern/targets pairs in order. */
  public static String rules(String... patternsAndTargets) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < patternsAndTargets.length; i += 2) {
      rows.add(Map.of("key", patternsAndTargets[i], "value", patternsAndTargets[i + 1]));
    }
    try {
      return JsonSerialization.writeValueAsString(rows);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of a stored table, for comparing tables whatever the order of keys in each row. */
  public static List<Map<String, String>> rows(String stored) {
    try {
      return JsonSerialization.readValue(stored, new TypeReference<List<Map<String, String>>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static IdentityProviderMapperRepresentation mapper(
      String idp, String name, String type, Map<String, String> config) {
    IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
    mapper.setIdentityProviderAlias(idp);
    mapper.setName(name);
    mapper.setIdentityProviderMapper(type);
    Map<String, String> withSync = new LinkedHashMap<>(config);
    withSync.putIfAbsent("syncMode", "FORCE");
    mapper.setConfig(withSync);
    return mapper;
  }

  /** Creates the mapper; returns its id. */
  public String add(IdentityProviderMapperRepresentation mapper) {
    try (Response response = idp(mapper).addMapper(mapper)) {
      if (response.getStatus() != 201) {
        throw new IllegalStateException(
            "Could not add mapper: HTTP "
                + response.getStatus()
                + " "
                + response.readEntity(String.class));
      }
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  public Answer tryAdd(IdentityProviderMapperRepresentation mapper) {
    try (Response response = idp(mapper).addMapper(mapper)) {
      return new Answer(response.getStatus(), response.readEntity(String.class));
    }
  }

  public Answer tryUpdate(String id, IdentityProviderMapperRepresentation mapper) {
    mapper.setId(id);
    try {
      idp(mapper).update(id, mapper);
      return new Answer(204, "");
    } catch (BadRequestException e) {
      return new Answer(400, e.getResponse().readEntity(String.class));
    }
  }

  public IdentityProviderMapperRepresentation get(String idp, String id) {
    return realm.identityProviders().get(idp).getMapperById(id);
  }

  /** The id of the mapper named {@code name} on the identity provider. */
  public String idOf(String idp, String name) {
    return realm.identityProviders().get(idp).getMappers().stream()
        .filter(mapper -> mapper.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No mapper " + name + " on " + idp))
        .getId();
  }

  public void remove(String idp, String id) {
    realm.identityProviders().get(idp).delete(id);
  }

  private IdentityProviderResource idp(IdentityProviderMapperRepresentation mapper) {
    return realm.identityProviders().get(mapper.getIdentityProviderAlias());
  }
}
