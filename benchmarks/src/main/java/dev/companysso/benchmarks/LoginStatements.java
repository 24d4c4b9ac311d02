package dev.companysso.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL statements one login runs, read from a Keycloak that logs Hibernate's SQL ({@code
 * org.hibernate.SQL:debug}): the log lines written while that login ran, one login at a time.
 * Statements of request threads count; a timer's statement in the same window is left out and
 * counted apart.
 */
final class LoginStatements {

  private static final Pattern SQL_LINE =
      Pattern.compile("DEBUG \\[org\\.hibernate\\.SQL\\] \\(([^)]*)\\) (.*)");
  private static final Pattern TABLE =
      Pattern.compile(
          "^(select|insert|delete|merge)\\b.*?\\b(?:from|into)\\s+([A-Za-z_0-9.]+)"
              + "|^(update)\\s+([A-Za-z_0-9.]+)",
          Pattern.CASE_INSENSITIVE);
  private static final int REPEATS = 3;
  private static final String[] PATHS = FirstLoginBenchmark.LoginPaths.PATHS;
  private static final String[] KINDS = {"first login", "returning login"};

  /** Statements of one login, by path ({@link FirstLoginBenchmark.LoginPaths#PATHS}) and kind. */
  private final List<List<String>>[] statements;

  private final int background;

  private LoginStatements(List<List<String>>[] statements, int background) {
    this.statements = statements;
    this.background = background;
  }

  /**
   * Runs {@value #REPEATS} first and returning logins of each path one at a time and keeps, for
   * each path and kind, the login with the median number of statements.
   */
  @SuppressWarnings("unchecked")
  static LoginStatements of(Path log, FirstLoginBenchmark.LoginPaths paths) throws IOException {
    List<List<String>>[] kept = new List[PATHS.length];
    int background = 0;
    for (int path = 0; path < PATHS.length; path++) {
      kept[path] = new ArrayList<>();
      for (int kind = 0; kind < KINDS.length; kind++) {
        List<List<String>> runs = new ArrayList<>();
        for (int repeat = 0; repeat < REPEATS; repeat++) {
          long from = settledSize(log);
          paths.time(path, kind);
          List<String[]> lines = sqlLines(log, from, settledSize(log));
          runs.add(lines.stream().filter(l -> isRequestThread(l[0])).map(l -> l[1]).toList());
          background += (int) lines.stream().filter(l -> !isRequestThread(l[0])).count();
        }
        runs.sort(Comparator.comparingInt(List::size));
        kept[path].add(runs.get(REPEATS / 2));
      }
    }
    return new LoginStatements(kept, background);
  }

  /** Quarkus serves requests on its executor threads; timers and listeners run elsewhere. */
  private static boolean isRequestThread(String thread) {
    return thread.startsWith("executor-thread");
  }

  /**
   * The log's size once Keycloak has stopped writing to it (its console handler flushes per line).
   */
  private static long settledSize(Path log) throws IOException {
    long size = Files.size(log);
    while (true) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return size;
      }
      long now = Files.size(log);
      if (now == size) {
        return size;
      }
      size = now;
    }
  }

  private static List<String[]> sqlLines(Path log, long from, long to) throws IOException {
    byte[] bytes = new byte[(int) (to - from)];
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      file.seek(from);
      file.readFully(bytes);
    }
    List<String[]> lines = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      Matcher sql = SQL_LINE.matcher(line);
      if (sql.find()) {
        lines.add(new String[] {sql.group(1), sql.group(2).strip()});
      }
    }
    return lines;
  }

  /** {@code select USER_ENTITY}: what a statement does to which table, for counting. */
  static String shape(String sql) {
    Matcher table = TABLE.matcher(sql);
    if (!table.find()) {
      return sql.length() > 60 ? sql.substring(0, 60) + "…" : sql;
    }
    int verb = table.group(1) != null ? 1 : 3;
    return table.group(verb).toLowerCase(Locale.ROOT)
        + " "
        + table.group(verb + 1).toUpperCase(Locale.ROOT);
  }

  /** Every statement of the kept logins, for reading them one by one. */
  void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int path = 0; path < PATHS.length; path++) {
      for (int kind = 0; kind < KINDS.length; kind++) {
        text.append("## ").append(PATHS[path]).append(", ").append(KINDS[kind]).append('\n');
        statements[path].get(kind).forEach(sql -> text.append(sql).append('\n'));
      }
    }
    Files.writeString(file, text);
  }

  /**
   * The counts per path and kind, then per statement shape, with the company flow's difference to
   * each built-in path.
   */
  String markdown() {
    StringBuilder md =
        new StringBuilder(
            "Statements per login (Hibernate's SQL log, median of "
                + REPEATS
                + " logins one at a time after warm-up):\n\n"
                + "| kind | company flow | built-in | built-in with Organizations |\n"
                + "|---|---:|---:|---:|\n");
    for (int kind = 0; kind < KINDS.length; kind++) {
      md.append(
          String.format(
              "| %s | %d | %d | %d |%n",
              KINDS[kind],
              statements[0].get(kind).size(),
              statements[1].get(kind).size(),
              statements[2].get(kind).size()));
    }
    if (background > 0) {
      md.append(
          String.format(
              "%n%d statements of background threads fell into these windows and are not"
                  + " counted.%n",
              background));
    }
    for (int kind = 0; kind < KINDS.length; kind++) {
      List<Map<String, Integer>> byPath = new ArrayList<>();
      TreeSet<String> shapes = new TreeSet<>();
      for (List<List<String>> path : statements) {
        Map<String, Integer> counts = counts(path.get(kind));
        byPath.add(counts);
        shapes.addAll(counts.keySet());
      }
      md.append(
          String.format(
              "%n%s, by statement and table:%n%n| statement | company flow | built-in | built-in"
                  + " with Organizations | company flow − built-in | company flow − with"
                  + " Organizations |%n|---|---:|---:|---:|---:|---:|%n",
              Character.toUpperCase(KINDS[kind].charAt(0)) + KINDS[kind].substring(1)));
      for (String shape : shapes) {
        int[] n = byPath.stream().mapToInt(counts -> counts.getOrDefault(shape, 0)).toArray();
        md.append(
            String.format(
                "| `%s` | %d | %d | %d | %s | %s |%n",
                shape, n[0], n[1], n[2], difference(n[0], n[1]), difference(n[0], n[2])));
      }
    }
    return md.toString();
  }

  private static String difference(int ours, int theirs) {
    return ours == theirs ? "" : String.format("%+d", ours - theirs);
  }

  private static Map<String, Integer> counts(List<String> sql) {
    Map<String, Integer> counts = new TreeMap<>();
    sql.forEach(statement -> counts.merge(shape(statement), 1, Integer::sum));
    return counts;
  }
}
