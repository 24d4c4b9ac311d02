package dev.companysso.operations.manifest;

import java.util.ArrayList;
import java.util.List;

/** Everything wrong with a manifest, each naming its place ({@code domains[2]: …}). */
final class ManifestProblems {

  private final List<String> problems = new ArrayList<>();

  void add(String path, String message) {
    problems.add(path + ": " + message);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<String> list() {
    return List.copyOf(problems);
  }
}
