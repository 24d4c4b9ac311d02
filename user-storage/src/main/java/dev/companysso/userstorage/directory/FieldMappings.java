package dev.companysso.userstorage.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user table of a directory integration: which directory property fills which Keycloak field.
 * Keys are Keycloak's {@code firstName}, {@code lastName}, {@code email} or any user attribute
 * ({@code middleName}, {@code preferredName}, {@code department}, {@code team}); values are the
 * directory's property names (Okta profile attributes, Graph user properties). Stored as the admin
 * console's key/value list.
 */
public record FieldMappings(Map<String, String> keycloakToDirectory) {

  public static final String CONFIG = "fieldMappings";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The mappings of a component, or the vendor's defaults when none are set. */
  public static FieldMappings parse(String stored, Map<String, String> defaults) {
    if (stored == null || stored.isBlank() || stored.equals("[]")) {
      return new FieldMappings(defaults);
    }
    List<Map<String, String>> rows;
    try {
      rows = JSON.readValue(stored, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new DirectoryProblem(CONFIG, "directory.mappingsUnreadable");
    }
    Map<String, String> mappings = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      String key = strip(row.get("key"));
      String value = strip(row.get("value"));
      if (key.isEmpty() || value.isEmpty()) {
        throw new DirectoryProblem(CONFIG, "directory.mappingsIncomplete");
      }
      if (mappings.put(key, value) != null) {
        throw new DirectoryProblem(CONFIG, "directory.mappingsDuplicate", key);
      }
    }
    return new FieldMappings(Map.copyOf(mappings));
  }

  /**
   * The Keycloak fields of one directory user, read from {@code source} (Okta's {@code profile},
   * Graph's user object). A property the source leaves out is left out here too, so that a change
   * feed that sends only changed properties never blanks the others.
   */
  public Map<String, String> read(JsonNode source) {
    Map<String, String> profile = new LinkedHashMap<>();
    keycloakToDirectory.forEach(
        (field, property) -> {
          JsonNode value = source.get(property);
          if (value != null) {
            profile.put(field, value.isNull() ? null : value.asText());
          }
        });
    return profile;
  }

  /** The directory properties to ask for ({@code $select}). */
  public List<String> directoryProperties() {
    return keycloakToDirectory.values().stream().distinct().toList();
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
