package dev.companysso.mappers.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/**
 * The {@code rules} property as the admin console stores a key/value list: a JSON array of {@code
 * {"key": pattern, "value": "target, target"}} in row order. Kept as rows (not Keycloak's {@code
 * getConfigMap}, which merges equal keys) so duplicates can be named.
 */
public final class RuleTableConfig {

  public static final String RULES = "rules";

  private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {};

  /** Parsed tables by their stored text: a table is parsed once, not on every login. */
  private static final Map<String, LenientTable> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LenientTable> eldest) {
              return size() > 256;
            }
          });

  private RuleTableConfig() {}

  /** The rows of the stored table; an empty or missing property is an empty table. */
  public static List<Map.Entry<String, String>> rows(String stored) throws RuleTableException {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<Map<String, String>> pairs;
    try {
      pairs = JsonSerialization.readValue(stored, ROWS);
    } catch (IOException | RuntimeException e) {
      throw new RuleTableException(
          List.of(
              "The rules must be a JSON list of {\"key\": group pattern, \"value\": targets}"
                  + " rows."));
    }
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    for (Map<String, String> pair : pairs) {
      rows.add(new SimpleImmutableEntry<>(pair.get("key"), pair.get("value")));
    }
    return rows;
  }

  /** The strict reading, for saving: the whole table or every problem in it. */
  public static RuleTable strict(String stored) throws RuleTableException {
    return RuleTable.parse(rows(stored));
  }

  /** The lenient reading, for login: the good rules, and the problems of the others. */
  public static LenientTable lenient(String stored) {
    String key = stored == null ? "" : stored;
    return CACHE.computeIfAbsent(key, RuleTableConfig::readLenient);
  }

  private static LenientTable readLenient(String stored) {
    List<String> skipped = new ArrayList<>();
    try {
      return new LenientTable(RuleTable.parseLenient(rows(stored), skipped), skipped);
    } catch (RuleTableException e) {
      return new LenientTable(RuleTable.parseLenient(List.of(), skipped), e.problems());
    }
  }

  /** A table read at login and the rules it had to skip. */
  public record LenientTable(RuleTable table, Collection<String> skipped) {
    public LenientTable {
      skipped = List.copyOf(skipped);
    }
  }
}
