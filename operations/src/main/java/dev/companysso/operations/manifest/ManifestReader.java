package dev.companysso.operations.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest document, listing every problem by its path instead of stopping at the first:
 * unknown fields (a typo must not be silently ignored), wrong types, missing values.
 */
final class ManifestReader {

  private static final Set<String> TOP =
      Set.of(
          "code",
          "name",
          "description",
          "enabled",
          "domains",
          "identityProviders",
          "ruleTables",
          "options",
          "access",
          "provisioning");
  private static final Set<String> TABLE =
      Set.of("identityProvider", "name", "kind", "rules", "settings");
  private static final Set<String> RULE = Set.of("group", "to");
  private static final Set<String> PROVIDER =
      Set.of("alias", "type", "displayName", "enabled", "hideOnLogin", "config");
  private static final Set<String> DOMAIN = Set.of("name", "verified");
  private static final Set<String> OPTIONS =
      Set.of("defaultRoles", "firstMemberOwner", "autoRedirect");
  private static final Set<String> ACCESS = Set.of("apps", "ssoRequired");
  private static final Set<String> PROVISIONING = Set.of("scim", "directories");
  private static final Set<String> SCIM = Set.of("onDelete", "identityProvider");
  private static final Set<String> DIRECTORY =
      Set.of(
          "name",
          "type",
          "identityProvider",
          "enabled",
          "fullSyncPeriod",
          "changedSyncPeriod",
          "settings");

  private final ManifestProblems problems;

  ManifestReader(ManifestProblems problems) {
    this.problems = problems;
  }

  CompanyManifest read(JsonNode document) {
    if (document == null || !document.isObject()) {
      problems.add("$", "a manifest is a JSON object");
      return null;
    }
    unknown(document, TOP, "");
    return new CompanyManifest(
        text(document, "code", ""),
        text(document, "name", ""),
        text(document, "description", ""),
        bool(document, "enabled", ""),
        domains(document.get("domains")),
        identityProviders(document.get("identityProviders")),
        ruleTables(document.get("ruleTables")),
        options(document.get("options")),
        access(document.get("access")),
        provisioning(document.get("provisioning")));
  }

  private List<CompanyManifest.Domain> domains(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add("domains", "a list");
      return null;
    }
    List<CompanyManifest.Domain> domains = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      String path = "domains[" + i + "]";
      if (entry.isTextual()) {
        domains.add(new CompanyManifest.Domain(entry.asText().strip(), false));
      } else if (entry.isObject()) {
        unknown(entry, DOMAIN, path + ".");
        String name = text(entry, "name", path + ".");
        Boolean verified = bool(entry, "verified", path + ".");
        if (name == null) {
          problems.add(path + ".name", "required");
        } else {
          domains.add(new CompanyManifest.Domain(name.strip(), Boolean.TRUE.equals(verified)));
        }
      } else {
        problems.add(path, "a domain name or {\"name\", \"verified\"}");
      }
    }
    return domains;
  }

  private List<CompanyManifest.IdentityProvider> identityProviders(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add("identityProviders", "a list");
      return null;
    }
    List<CompanyManifest.IdentityProvider> providers = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "identityProviders[" + i + "]";
      JsonNode entry = node.get(i);
      if (!section(entry, path)) {
        continue;
      }
      unknown(entry, PROVIDER, path + ".");
      String alias = text(entry, "alias", path + ".");
      String type = text(entry, "type", path + ".");
      if (alias == null || alias.isBlank()) {
        problems.add(path + ".alias", "required");
      }
      if (type == null || type.isBlank()) {
        problems.add(path + ".type", "required");
      }
      providers.add(
          new CompanyManifest.IdentityProvider(
              alias,
              type,
              text(entry, "displayName", path + "."),
              bool(entry, "enabled", path + "."),
              bool(entry, "hideOnLogin", path + "."),
              config(entry.get("config"), path + ".config")));
    }
    return providers;
  }

  private List<CompanyManifest.RuleTable> ruleTables(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add("ruleTables", "a list");
      return null;
    }
    List<CompanyManifest.RuleTable> tables = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "ruleTables[" + i + "]";
      JsonNode entry = node.get(i);
      if (!section(entry, path)) {
        continue;
      }
      unknown(entry, TABLE, path + ".");
      String provider = text(entry, "identityProvider", path + ".");
      String name = text(entry, "name", path + ".");
      String kind = text(entry, "kind", path + ".");
      if (provider == null) {
        problems.add(path + ".identityProvider", "required");
      }
      if (name == null) {
        problems.add(path + ".name", "required");
      }
      if (kind == null) {
        problems.add(path + ".kind", "required");
      }
      List<CompanyManifest.RuleTable.Rule> rules = new ArrayList<>();
      JsonNode rows = entry.get("rules");
      if (rows == null || !rows.isArray()) {
        problems.add(path + ".rules", "a list of {\"group\", \"to\"}");
      } else {
        for (int r = 0; r < rows.size(); r++) {
          String rowPath = path + ".rules[" + r + "]";
          if (!section(rows.get(r), rowPath)) {
            continue;
          }
          unknown(rows.get(r), RULE, rowPath + ".");
          String group = text(rows.get(r), "group", rowPath + ".");
          List<String> to = texts(rows.get(r), "to", rowPath + ".");
          if (group == null || to == null) {
            problems.add(rowPath, "needs \"group\" and \"to\"");
          } else {
            rules.add(new CompanyManifest.RuleTable.Rule(group, to));
          }
        }
      }
      tables.add(
          new CompanyManifest.RuleTable(
              provider, name, kind, rules, config(entry.get("settings"), path + ".settings")));
    }
    return tables;
  }

  private Map<String, String> config(JsonNode node, String path) {
    Map<String, String> config = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return config;
    }
    if (!node.isObject()) {
      problems.add(path, "an object of settings");
      return config;
    }
    node.fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                config.put(field.getKey(), field.getValue().asText());
              } else {
                problems.add(path + "." + field.getKey(), "a string, number or true/false");
              }
            });
    return config;
  }

  private CompanyManifest.Options options(JsonNode node) {
    if (!section(node, "options")) {
      return null;
    }
    unknown(node, OPTIONS, "options.");
    return new CompanyManifest.Options(
        texts(node, "defaultRoles", "options."),
        bool(node, "firstMemberOwner", "options."),
        bool(node, "autoRedirect", "options."));
  }

  private CompanyManifest.Access access(JsonNode node) {
    if (!section(node, "access")) {
      return null;
    }
    unknown(node, ACCESS, "access.");
    return new CompanyManifest.Access(
        texts(node, "apps", "access."), bool(node, "ssoRequired", "access."));
  }

  private CompanyManifest.Provisioning provisioning(JsonNode node) {
    if (!section(node, "provisioning")) {
      return null;
    }
    unknown(node, PROVISIONING, "provisioning.");
    CompanyManifest.Provisioning.Scim scim = null;
    JsonNode scimNode = node.get("scim");
    if (section(scimNode, "provisioning.scim")) {
      unknown(scimNode, SCIM, "provisioning.scim.");
      scim =
          new CompanyManifest.Provisioning.Scim(
              text(scimNode, "onDelete", "provisioning.scim."),
              text(scimNode, "identityProvider", "provisioning.scim."));
    }
    return new CompanyManifest.Provisioning(scim, directories(node.get("directories")));
  }

  private List<CompanyManifest.Provisioning.Directory> directories(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add("provisioning.directories", "a list");
      return null;
    }
    List<CompanyManifest.Provisioning.Directory> directories = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "provisioning.directories[" + i + "]";
      JsonNode entry = node.get(i);
      if (!section(entry, path)) {
        continue;
      }
      unknown(entry, DIRECTORY, path + ".");
      String prefix = path + ".";
      CompanyManifest.Provisioning.Directory directory =
          new CompanyManifest.Provisioning.Directory(
              text(entry, "name", prefix),
              text(entry, "type", prefix),
              text(entry, "identityProvider", prefix),
              bool(entry, "enabled", prefix),
              number(entry, "fullSyncPeriod", prefix),
              number(entry, "changedSyncPeriod", prefix),
              settings(entry.get("settings"), prefix + "settings"));
      for (String field : List.of("name", "type", "identityProvider")) {
        if (!entry.path(field).isTextual() || entry.get(field).asText().isBlank()) {
          problems.add(prefix + field, "required");
        }
      }
      directories.add(directory);
    }
    return directories;
  }

  /** Settings whose values are a value or a list of values. */
  private Map<String, List<String>> settings(JsonNode node, String path) {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return settings;
    }
    if (!node.isObject()) {
      problems.add(path, "an object of settings");
      return settings;
    }
    node.fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              if (value.isValueNode() && !value.isNull()) {
                settings.put(field.getKey(), List.of(value.asText()));
              } else if (value.isArray()) {
                List<String> texts = texts(node, field.getKey(), path + ".");
                if (texts != null) {
                  settings.put(field.getKey(), texts);
                }
              } else {
                problems.add(path + "." + field.getKey(), "a value or a list of values");
              }
            });
    return settings;
  }

  private Integer number(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      problems.add(prefix + field, "a whole number");
      return null;
    }
    return value.asInt();
  }

  private boolean section(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isObject()) {
      problems.add(path, "an object");
      return false;
    }
    return true;
  }

  private void unknown(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(prefix + name, "unknown field");
      }
    }
  }

  private String text(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(prefix + field, "a string");
      return null;
    }
    return value.asText();
  }

  private Boolean bool(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      problems.add(prefix + field, "true or false");
      return null;
    }
    return value.asBoolean();
  }

  private List<String> texts(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      problems.add(prefix + field, "a list of strings");
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isTextual()) {
        texts.add(value.get(i).asText().strip());
      } else {
        problems.add(prefix + field + "[" + i + "]", "a string");
      }
    }
    return texts;
  }
}
