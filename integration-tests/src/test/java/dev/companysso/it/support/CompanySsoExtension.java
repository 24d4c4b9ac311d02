package dev.companysso.it.support;

import dev.companysso.harness.CompanySsoStack;
import dev.companysso.harness.KeycloakDistribution;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives tests the running {@link CompanySsoStack}: one Keycloak (and one pair of simulators) for
 * the whole test run, started by the first test that asks and stopped when the run ends. When a
 * test fails, the tail of the server log is printed beside the failure.
 */
public final class CompanySsoExtension implements ParameterResolver, TestWatcher {

  private static final Namespace NAMESPACE = Namespace.create(CompanySsoExtension.class);
  private static final int LOG_LINES_ON_FAILURE = 80;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CompanySsoStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    StackResource started =
        context.getRoot().getStore(NAMESPACE).get(StackResource.class, StackResource.class);
    if (started != null) {
      System.err.printf(
          "%n---- %s failed; last %d lines of %s ----%n%s%n----%n",
          context.getDisplayName(),
          LOG_LINES_ON_FAILURE,
          started.stack.keycloak().log(),
          started.stack.keycloak().logTail(LOG_LINES_ON_FAILURE));
    }
  }

  private static CompanySsoStack stack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(StackResource.class, key -> new StackResource(), StackResource.class)
        .stack;
  }

  /** Closed by JUnit when the root context, i.e. the test run, ends. */
  private static final class StackResource implements ExtensionContext.Store.CloseableResource {

    private final CompanySsoStack stack =
        CompanySsoStack.start(
            KeycloakDistribution.fromSystemProperties(),
            CompanySsoStack.Ports.free(),
            Path.of("target", "keycloak-server.log"));

    @Override
    public void close() {
      stack.close();
    }
  }
}
