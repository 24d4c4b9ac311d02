package dev.companysso.authenticator.discovery;

import dev.companysso.authenticator.company.FlowSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the Single Sign-On page would do with an input, step by step, without doing it: the same
 * resolver, in the order the realm's browser flow configures, and nothing remembered, redirected or
 * counted. A caller who may not view users learns nothing about accounts: the linked-account step
 * is not tried for them (and the answer says so).
 */
public final class DiscoveryExplanation {

  /** One step tried: {@code matched}, {@code no-match} or {@code not-evaluated}. */
  public record Step(String step, String result, String company, List<String> providers) {}

  /**
   * The whole answer.
   *
   * @param problem why the page would refuse the input itself (a message key), else null
   * @param outcome {@code linked}, {@code company}, {@code domain} or {@code local}
   * @param next what the person sees next
   */
  public record Answer(
      String input,
      String problem,
      List<String> order,
      List<Step> steps,
      String outcome,
      String company,
      List<String> providers,
      String loginHint,
      String next,
      List<String> notes) {}

  private DiscoveryExplanation() {}

  public static Answer explain(
      KeycloakSession session, RealmModel realm, String raw, boolean mayViewUsers) {
    List<String> notes = new ArrayList<>();
    CompanyDiscoveryConfig config =
        configured(realm)
            .orElseGet(
                () -> {
                  notes.add(
                      "The browser flow has no Company discovery step; its default settings apply.");
                  return CompanyDiscoveryConfig.DEFAULTS;
                });
    List<String> order =
        config.resolutionOrder().stream().map(ResolutionStep::configValue).toList();
    DiscoveryInput.Result parsed = DiscoveryInput.parse(raw, config.maxInputLength());
    if (!parsed.isValid()) {
      return new Answer(
          raw,
          parsed.problem().messageKey(),
          order,
          List.of(),
          null,
          null,
          List.of(),
          null,
          "the page again, with the message " + parsed.problem().messageKey(),
          notes);
    }
    List<ResolutionStep> tried = new ArrayList<>(config.resolutionOrder());
    List<Step> steps = new ArrayList<>();
    if (!mayViewUsers && tried.remove(ResolutionStep.LINKED_USER)) {
      notes.add(
          "The linked-account step was not tried: it looks accounts up, which needs view-users."
              + " A real login tries it "
              + (config.resolutionOrder().get(0) == ResolutionStep.LINKED_USER
                  ? "first."
                  : "too."));
      steps.add(
          new Step(ResolutionStep.LINKED_USER.configValue(), "not-evaluated", null, List.of()));
    }
    Discovery discovery =
        new CompanyResolver(session)
            .resolve(
                parsed.input(),
                tried,
                (step, found) ->
                    steps.add(
                        new Step(
                            step.configValue(),
                            found.isPresent() ? "matched" : "no-match",
                            found
                                .map(d -> d.company() == null ? null : d.company().getAlias())
                                .orElse(null),
                            found.map(DiscoveryExplanation::aliases).orElse(List.of()))));
    List<String> providers = aliases(discovery);
    String next =
        switch (providers.size()) {
          case 0 ->
              "the password step, as for any name (a known and an unknown name look the same)";
          case 1 -> "a redirect to " + providers.get(0);
          default -> "the chooser of " + String.join(", ", providers);
        };
    return new Answer(
        raw,
        null,
        order,
        steps,
        discovery.outcome().eventValue(),
        discovery.company() == null ? null : discovery.company().getAlias(),
        providers,
        mayViewUsers ? discovery.loginHint() : null,
        next,
        notes);
  }

  private static List<String> aliases(Discovery discovery) {
    return discovery.providers().stream().map(IdentityProviderModel::getAlias).toList();
  }

  /** The settings of the Company discovery step in the realm's browser flow, if it has one. */
  private static Optional<CompanyDiscoveryConfig> configured(RealmModel realm) {
    return FlowSteps.find(
            realm, realm.getBrowserFlow(), CompanyDiscoveryAuthenticatorFactory.PROVIDER_ID)
        .map(execution -> CompanyDiscoveryConfig.of(FlowSteps.config(realm, execution)));
  }
}
