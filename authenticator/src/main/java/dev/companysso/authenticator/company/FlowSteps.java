package dev.companysso.authenticator.company;

import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/** Finds a step of a flow, in its sub-flows too, for what reads the step's settings outside it. */
public final class FlowSteps {

  private FlowSteps() {}

  /**
   * The first execution of {@code authenticator} in {@code flow}; its config is {@link #config}.
   */
  public static Optional<AuthenticationExecutionModel> find(
      RealmModel realm, AuthenticationFlowModel flow, String authenticator) {
    return executions(realm, flow)
        .filter(execution -> authenticator.equals(execution.getAuthenticator()))
        .findFirst();
  }

  /** The step's settings, or null when it has none. */
  public static AuthenticatorConfigModel config(
      RealmModel realm, AuthenticationExecutionModel execution) {
    return execution.getAuthenticatorConfig() == null
        ? null
        : realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
  }

  private static Stream<AuthenticationExecutionModel> executions(
      RealmModel realm, AuthenticationFlowModel flow) {
    if (flow == null) {
      return Stream.empty();
    }
    return realm
        .getAuthenticationExecutionsStream(flow.getId())
        .flatMap(
            execution ->
                execution.isAuthenticatorFlow()
                    ? executions(realm, realm.getAuthenticationFlowById(execution.getFlowId()))
                    : Stream.of(execution));
  }
}
