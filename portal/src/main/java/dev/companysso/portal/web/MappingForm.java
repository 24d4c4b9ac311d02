package dev.companysso.portal.web;

import dev.companysso.core.SettingLists;
import dev.companysso.mappers.rules.RuleTable;
import dev.companysso.mappers.rules.RuleTableException;
import dev.companysso.portal.mapping.CompanyTables;
import dev.companysso.portal.mapping.TableKind;
import dev.companysso.portal.mapping.TableRow;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A company's rows of one table as the page edits them, and what is wrong with them: each problem a
 * message key of the portal with the row it is about. The vendor's rows are never in the form: they
 * are read from the saved table each time.
 */
public final class MappingForm {

  /** A problem: the message key and its values (the row number first). */
  public record Problem(String key, List<Object> params) {}

  static final int MAX_ROWS = 100;
  private static final int BLANK_ROWS = 3;
  private static final int MAX_PATTERN = 255;

  private final TableKind kind;
  private final List<TableRow> rows;
  private final List<Problem> problems;

  private MappingForm(TableKind kind, List<TableRow> rows, List<Problem> problems) {
    this.kind = kind;
    this.rows = rows;
    this.problems = problems;
  }

  /** The company's rows as saved. */
  static MappingForm saved(TableKind kind, CompanyTables tables) {
    return new MappingForm(
        kind, tables.rows(kind).stream().filter(row -> !row.vendor()).toList(), List.of());
  }

  /** The rows as posted (blank rows dropped), checked. */
  static MappingForm posted(
      KeycloakSession session,
      RealmModel realm,
      TableKind kind,
      MultivaluedMap<String, String> form,
      CompanyTables tables) {
    List<String> patterns = Optional.ofNullable(form.get("pattern")).orElse(List.of());
    List<String> targetTexts = Optional.ofNullable(form.get("targets")).orElse(List.of());
    List<TableRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.max(patterns.size(), targetTexts.size()); i++) {
      String pattern = i < patterns.size() ? patterns.get(i).strip() : "";
      List<String> targets = SettingLists.names(i < targetTexts.size() ? targetTexts.get(i) : null);
      if (!pattern.isEmpty() || !targets.isEmpty()) {
        rows.add(new TableRow(pattern, targets, false));
      }
    }
    return new MappingForm(kind, rows, check(session, realm, kind, rows, tables));
  }

  private static List<Problem> check(
      KeycloakSession session,
      RealmModel realm,
      TableKind kind,
      List<TableRow> rows,
      CompanyTables tables) {
    List<Problem> problems = new ArrayList<>();
    if (rows.size() > MAX_ROWS) {
      problems.add(new Problem("companySsoPortalMappingTooMany", List.of(MAX_ROWS)));
      return problems;
    }
    Map<String, Integer> taken = new HashMap<>();
    tables.rows(kind).stream().filter(TableRow::vendor).forEach(r -> taken.put(r.pattern(), 0));
    IdentityProviderMapperModel model = tables.mapperModel(kind, List.of());
    for (int i = 0; i < rows.size(); i++) {
      int number = i + 1;
      TableRow row = rows.get(i);
      if (row.pattern().isEmpty() || row.targets().isEmpty()) {
        problems.add(new Problem("companySsoPortalMappingIncomplete", List.of(number)));
        continue;
      }
      Integer earlier = taken.putIfAbsent(row.pattern(), number);
      if (earlier != null) {
        problems.add(
            new Problem(
                earlier == 0
                    ? "companySsoPortalMappingVendorPattern"
                    : "companySsoPortalMappingDuplicate",
                List.of(number, row.pattern(), earlier)));
      }
      if (!validPattern(row.pattern())) {
        problems.add(
            new Problem("companySsoPortalMappingBadPattern", List.of(number, row.pattern())));
      }
      for (String target : row.targets()) {
        if (!kind.assignable(tables.assignable(), target)) {
          problems.add(
              new Problem(
                  "companySsoPortalMappingNotAssignable." + kind.key(), List.of(number, target)));
        } else if (!tables.mapper(kind).targetAvailable(session, realm, model, target)) {
          problems.add(
              new Problem("companySsoPortalMappingMissing." + kind.key(), List.of(number, target)));
        }
      }
    }
    return problems;
  }

  private static boolean validPattern(String pattern) {
    if (pattern.length() > MAX_PATTERN) {
      return false;
    }
    try {
      RuleTable.parse(List.of(new SimpleImmutableEntry<>(pattern, "x")));
      return true;
    } catch (RuleTableException e) {
      return false;
    }
  }

  public String kind() {
    return kind.key();
  }

  TableKind tableKind() {
    return kind;
  }

  List<TableRow> rows() {
    return rows;
  }

  /** The rows to show: the company's, then a few blank ones to add rules. */
  public List<TableRow> shownRows() {
    List<TableRow> shown = new ArrayList<>(rows);
    for (int i = 0; i < BLANK_ROWS; i++) {
      shown.add(new TableRow("", List.of(), false));
    }
    return shown;
  }

  public List<Problem> problems() {
    return problems;
  }

  boolean valid() {
    return problems.isEmpty();
  }
}
