package dev.companysso.simulators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The properties of one Graph resource type a response carries: those {@code $select} names (and
 * {@code id}), or without {@code $select} Graph's default set, which leaves out e.g. {@code
 * accountEnabled} and {@code department} of a user.
 */
final class GraphProperties<T> {

  static final GraphProperties<EntraTenant.User> USER =
      new GraphProperties<EntraTenant.User>(
              "microsoft.graph.user",
              List.of(
                  "id",
                  "displayName",
                  "givenName",
                  "surname",
                  "mail",
                  "userPrincipalName",
                  "jobTitle"))
          .with("id", EntraTenant.User::objectId)
          .with("userPrincipalName", EntraTenant.User::userPrincipalName)
          .with("mail", EntraTenant.User::mail)
          .with("givenName", EntraTenant.User::givenName)
          .with("surname", EntraTenant.User::surname)
          .with("displayName", EntraTenant.User::displayName)
          .with("accountEnabled", EntraTenant.User::accountEnabled)
          .with("department", EntraTenant.User::department)
          .with("jobTitle", EntraTenant.User::jobTitle)
          .with("employeeId", EntraTenant.User::employeeId);

  static final GraphProperties<EntraTenant.Group> GROUP =
      new GraphProperties<EntraTenant.Group>(
              "microsoft.graph.group",
              List.of(
                  "id",
                  "displayName",
                  "description",
                  "groupTypes",
                  "mailEnabled",
                  "securityEnabled"))
          .with("id", EntraTenant.Group::id)
          .with("displayName", EntraTenant.Group::displayName)
          .with("description", group -> null)
          .with("groupTypes", group -> List.of())
          .with("mailEnabled", group -> false)
          .with("securityEnabled", group -> true);

  /** The chosen properties; {@code select} is the normalized {@code $select}, null for defaults. */
  record Selection<T>(GraphProperties<T> type, List<String> names, String select) {

    void write(ObjectNode node, T item) {
      names.forEach(name -> node.putPOJO(name, type.properties.get(name).apply(item)));
    }

    /** The {@code $select} parameter that links repeat, with a trailing {@code &}, or nothing. */
    String query() {
      return select == null ? "" : "$select=" + select + "&";
    }

    /** How {@code @odata.context} names the selection, e.g. {@code users(id,mail)}. */
    String context(String entitySet) {
      return select == null ? entitySet : entitySet + "(" + select + ")";
    }
  }

  private final String typeName;
  private final List<String> defaults;
  private final Map<String, Function<T, Object>> properties = new LinkedHashMap<>();

  private GraphProperties(String typeName, List<String> defaults) {
    this.typeName = typeName;
    this.defaults = defaults;
  }

  /** Declares a property; only while the constant is built. */
  private GraphProperties<T> with(String name, Function<T, Object> getter) {
    properties.put(name, getter);
    return this;
  }

  /** The properties a {@code $select} value (null: none) asks for. */
  Selection<T> select(String select) throws GraphError {
    if (select == null || select.isBlank()) {
      return new Selection<>(this, defaults, null);
    }
    List<String> names =
        Arrays.stream(select.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String name : names) {
      if (!properties.containsKey(name)) {
        throw GraphError.badRequest(
            "Could not find a property named '" + name + "' on type '" + typeName + "'.");
      }
    }
    List<String> chosen = Stream.concat(Stream.of("id"), names.stream()).distinct().toList();
    return new Selection<>(this, chosen, String.join(",", names));
  }
}
