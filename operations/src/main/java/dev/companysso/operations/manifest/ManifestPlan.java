package dev.companysso.operations.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.keycloak.models.OrganizationModel;

/**
 * The changes a manifest makes and the steps that make them, run in order on the company (the one
 * the first step creates, for a new company). A dry run answers the changes and runs nothing.
 */
final class ManifestPlan {

  private final List<CompanyManifests.Change> changes = new ArrayList<>();
  private final List<Consumer<OrganizationModel>> steps = new ArrayList<>();
  private OrganizationModel company;

  ManifestPlan(OrganizationModel company) {
    this.company = company;
  }

  void change(CompanyManifests.Change change, Consumer<OrganizationModel> step) {
    record(change);
    step(step);
  }

  void record(CompanyManifests.Change change) {
    changes.add(change);
  }

  void step(Consumer<OrganizationModel> step) {
    steps.add(step);
  }

  /** The company a step created, for the steps after it. */
  void created(OrganizationModel created) {
    company = created;
  }

  List<CompanyManifests.Change> changes() {
    return List.copyOf(changes);
  }

  void run() {
    steps.forEach(step -> step.accept(company));
  }
}
