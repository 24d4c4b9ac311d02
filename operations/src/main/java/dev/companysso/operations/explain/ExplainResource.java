package dev.companysso.operations.explain;

import dev.companysso.authenticator.discovery.DiscoveryExplanation;
import dev.companysso.authenticator.jit.FirstLoginExplanation;
import dev.companysso.mappers.RuleExplanation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso-explain}: why a login goes where it goes, for support
 * staff, without a login and without changing anything. Discovery needs {@code view-realm} (its
 * linked-account step also {@code view-users}); what concerns accounts needs {@code view-users}.
 */
public final class ExplainResource {

  /** The input typed on the Single Sign-On page (a code, a username or a work e-mail). */
  public record DiscoveryQuestion(String input) {}

  /** A sign-in and what its provider would say about the person. */
  public record FirstLoginQuestion(String identityProvider, Map<String, Object> claims) {}

  /**
   * A sign-in and the groups to explain its tables with; {@code groups} left out: the person's
   * groups at their last login.
   */
  public record RulesQuestion(String identityProvider, List<String> groups) {}

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;

  ExplainResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
  }

  @POST
  @Path("discovery")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public DiscoveryExplanation.Answer discovery(DiscoveryQuestion question) {
    auth.realm().requireViewRealm();
    if (question == null || question.input() == null) {
      throw ErrorResponse.error("input: required", Response.Status.BAD_REQUEST);
    }
    return DiscoveryExplanation.explain(session, realm, question.input(), auth.users().canView());
  }

  @POST
  @Path("first-login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public FirstLoginExplanation.Answer firstLogin(FirstLoginQuestion question) {
    auth.realm().requireViewRealm();
    auth.users().requireView();
    if (question == null || question.claims() == null) {
      throw ErrorResponse.error("claims: required", Response.Status.BAD_REQUEST);
    }
    return FirstLoginExplanation.explain(
        session, realm, provider(question.identityProvider()), question.claims());
  }

  @POST
  @Path("users/{user}/rules")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public RuleExplanation.Answer rules(@PathParam("user") String userId, RulesQuestion question) {
    auth.realm().requireViewRealm();
    UserModel user = session.users().getUserById(realm, userId);
    if (user == null) {
      throw new NotFoundException("No user " + userId);
    }
    auth.users().requireView(user);
    if (question == null) {
      throw ErrorResponse.error("identityProvider: required", Response.Status.BAD_REQUEST);
    }
    return RuleExplanation.explain(
        session, realm, user, provider(question.identityProvider()), question.groups());
  }

  private IdentityProviderModel provider(String alias) {
    if (alias == null || alias.isBlank()) {
      throw ErrorResponse.error("identityProvider: required", Response.Status.BAD_REQUEST);
    }
    IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
    if (provider == null) {
      throw new NotFoundException("No identity provider " + alias);
    }
    return provider;
  }
}
