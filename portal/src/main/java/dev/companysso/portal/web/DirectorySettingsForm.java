package dev.companysso.portal.web;

import dev.companysso.core.SettingLists;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The settings form of a company's directory provider, built from the settings its type lets a
 * company keep, plus how often it runs by itself. Secrets never go back to the browser: the page
 * says whether one is saved, and an empty field keeps it. A problem is the directory type's own
 * words in the page's language, beside the field it names.
 */
public final class DirectorySettingsForm {

  /** How often the provider runs by itself: a choice of the portal's, not a component setting. */
  static final String SCHEDULE = "schedule";

  /** The usual schedule choices: off, or the changed-users period in seconds. */
  static final List<String> SCHEDULES = List.of("off", "3600", "21600", "86400");

  private static final int FULL_SYNC_SECONDS = 86400;

  /** One field as the template draws it. */
  public record Field(
      String name, String label, String help, String type, List<String> options, boolean secret) {

    public boolean isChoice() {
      return ProviderConfigProperty.LIST_TYPE.equals(type);
    }

    public boolean isMultiple() {
      return ProviderConfigProperty.MULTIVALUED_LIST_TYPE.equals(type);
    }

    static Field of(ProviderConfigProperty property) {
      return new Field(
          property.getName(),
          property.getLabel(),
          property.getHelpText(),
          property.getType(),
          property.getOptions() == null ? List.of() : property.getOptions(),
          property.isSecret());
    }
  }

  private final List<Field> fields;
  private final List<String> schedules;
  private final Map<String, List<String>> values;
  private final Map<String, String> secrets;
  private final Map<String, String> errors;

  private DirectorySettingsForm(
      List<Field> fields,
      List<String> schedules,
      Map<String, List<String>> values,
      Map<String, String> secrets,
      Map<String, String> errors) {
    this.fields = fields;
    this.schedules = schedules;
    this.values = values;
    this.secrets = secrets;
    this.errors = errors;
  }

  /** The form as saved, or with the type's defaults when the company has no provider yet. */
  static DirectorySettingsForm of(
      List<ProviderConfigProperty> settings, Optional<ComponentModel> saved) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (ProviderConfigProperty property : settings) {
      List<String> stored =
          saved.map(c -> c.getConfig().getOrDefault(property.getName(), List.of())).orElse(null);
      List<String> value =
          stored == null
              ? defaults(property)
              : stored.stream().flatMap(v -> split(property, v).stream()).toList();
      if (property.isSecret()) {
        secrets.put(property.getName(), value.isEmpty() ? "" : value.get(0));
      } else {
        values.put(property.getName(), value);
      }
    }
    // A period the vendor set in the admin console stays a choice, so that saving keeps it.
    String schedule = saved.map(DirectorySettingsForm::schedule).orElse("86400");
    List<String> schedules = new ArrayList<>(SCHEDULES);
    if (!schedules.contains(schedule)) {
      schedules.add(schedule);
    }
    values.put(SCHEDULE, List.of(schedule));
    return new DirectorySettingsForm(
        settings.stream().map(Field::of).toList(), schedules, values, secrets, Map.of());
  }

  /** The form as posted; an empty secret keeps the saved one. */
  static DirectorySettingsForm submitted(
      List<ProviderConfigProperty> settings,
      MultivaluedMap<String, String> posted,
      Optional<ComponentModel> saved) {
    DirectorySettingsForm kept = of(settings, saved);
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>(kept.secrets);
    for (ProviderConfigProperty property : settings) {
      List<String> entered =
          posted.getOrDefault(property.getName(), List.of()).stream()
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
      if (property.isSecret()) {
        if (!entered.isEmpty()) {
          secrets.put(property.getName(), entered.get(0));
        }
      } else if (ProviderConfigProperty.MULTIVALUED_LIST_TYPE.equals(property.getType())) {
        values.put(property.getName(), entered);
      } else {
        values.put(property.getName(), entered.isEmpty() ? List.of() : List.of(entered.get(0)));
      }
    }
    String schedule = Optional.ofNullable(posted.getFirst(SCHEDULE)).orElse("");
    values.put(
        SCHEDULE, List.of(kept.schedules.contains(schedule) ? schedule : kept.value(SCHEDULE)));
    return new DirectorySettingsForm(kept.fields, kept.schedules, values, secrets, Map.of());
  }

  /** The form with the directory type's verdict beside the field it names, else above the form. */
  DirectorySettingsForm withError(String field, String message) {
    Map<String, String> more = new LinkedHashMap<>(errors);
    boolean shown = fields.stream().anyMatch(f -> f.name().equals(field));
    more.put(shown ? field : SsoForm.GENERAL, message);
    return new DirectorySettingsForm(fields, schedules, values, secrets, more);
  }

  /**
   * Writes the form into the provider's settings; what the form does not show stays. A schedule
   * runs the changed users at its period and everyone once a day (which finds those who left).
   */
  void applyTo(ComponentModel component) {
    for (Field field : fields) {
      List<String> value =
          field.secret()
              ? Optional.ofNullable(secrets.get(field.name()))
                  .filter(s -> !s.isEmpty())
                  .map(List::of)
                  .orElse(List.of())
              : values.getOrDefault(field.name(), List.of());
      if (value.isEmpty()) {
        component.getConfig().remove(field.name());
      } else {
        component.getConfig().put(field.name(), new ArrayList<>(value));
      }
    }
    String schedule = value(SCHEDULE);
    if (schedule.equals(schedule(component))) {
      return; // the periods stay as they are, a full-sync period the vendor chose included
    }
    boolean off = "off".equals(schedule);
    component.put("changedSyncPeriod", off ? -1 : Integer.parseInt(schedule));
    component.put("fullSyncPeriod", off ? -1 : FULL_SYNC_SECONDS);
  }

  /** What the admin events may record: the fields set, never a secret's value. */
  Map<String, Object> withoutSecrets() {
    Map<String, Object> shown = new LinkedHashMap<>(values);
    secrets.forEach((name, secret) -> shown.put(name, secret.isEmpty() ? "" : "(set)"));
    return shown;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The schedule choices: off, or a period in seconds. */
  public List<String> schedules() {
    return schedules;
  }

  public String value(String field) {
    List<String> value = values.getOrDefault(field, List.of());
    return value.isEmpty() ? "" : value.get(0);
  }

  public boolean selected(String field, String option) {
    return values.getOrDefault(field, List.of()).contains(option);
  }

  public boolean isSecretSaved(String field) {
    return !secrets.getOrDefault(field, "").isEmpty();
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  /** The shared form macros ask; this form's problems are always worded already. */
  public boolean isErrorKey(String field) {
    return false;
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  private static List<String> defaults(ProviderConfigProperty property) {
    return property.getDefaultValue() == null
        ? List.of()
        : split(property, String.valueOf(property.getDefaultValue()));
  }

  /** A multivalued choice is stored one value per entry, in older exports as "a##b". */
  private static List<String> split(ProviderConfigProperty property, String value) {
    return ProviderConfigProperty.MULTIVALUED_LIST_TYPE.equals(property.getType())
        ? SettingLists.names(value)
        : List.of(value);
  }

  private static String schedule(ComponentModel component) {
    int period = component.get("changedSyncPeriod", -1);
    return period > 0 ? String.valueOf(period) : "off";
  }
}
