package dev.companysso.core;

import java.util.Arrays;
import java.util.List;

/** A setting or attribute that lists names: the console stores "a##b", admins type "a, b". */
public final class SettingLists {

  private SettingLists() {}

  /** The names in {@code value}, stripped, without empty entries; none for null. */
  public static List<String> names(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split("##|,")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
