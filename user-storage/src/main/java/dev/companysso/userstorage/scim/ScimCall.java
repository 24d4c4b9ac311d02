package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import dev.companysso.core.CompanyMetrics;
import dev.companysso.userstorage.scim.activity.ScimActivities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Runs one SCIM operation for a company: checks the bearer token first, and turns every outcome
 * into a SCIM answer. A failure rolls the request's transaction back, so a request that fails
 * half-way changes nothing; an unexpected error is logged here and answers a 500 without details.
 * Every answer to a request naming an existing company goes into that company's activity record.
 */
final class ScimCall {

  interface Operation {
    Response run(ScimContext context) throws ScimException;
  }

  private static final Logger LOG = Logger.getLogger(ScimCall.class);

  private final KeycloakSession session;
  private final String companyAlias;

  /** The SCIM error's detail of a failed call, for the company's activity record. */
  private String problem;

  ScimCall(KeycloakSession session, String companyAlias) {
    this.session = session;
    this.companyAlias = companyAlias;
  }

  Response run(Operation operation) {
    OrganizationModel company = company();
    Response response = answer(company, operation);
    CompanyMetrics.scimRequest(response.getStatus());
    if (company != null) {
      ScimActivities.record(
          session.getKeycloakSessionFactory(),
          session.getContext().getRealm(),
          company,
          request(),
          response.getStatus(),
          problem);
    }
    return response;
  }

  /** The company named in the URL; none without organizations, as for an unknown company. */
  private OrganizationModel company() {
    return session.getContext().getRealm().isOrganizationsEnabled()
        ? session.getProvider(OrganizationProvider.class).getByAlias(companyAlias)
        : null;
  }

  /** {@code POST /Users}: the method and the path below {@code /v2}, without the query. */
  private String request() {
    String path = session.getContext().getUri().getPath();
    int base = path.indexOf("/v2");
    return session.getContext().getHttpRequest().getHttpMethod()
        + " "
        + (base < 0 ? path : path.substring(base + 3));
  }

  private Response answer(OrganizationModel company, Operation operation) {
    try {
      return operation.run(authenticate(company));
    } catch (ScimException e) {
      return fail(e);
    } catch (ModelDuplicateException e) {
      return fail(ResourceConflictException.uniqueness("Another account already has this value."));
    } catch (RuntimeException e) {
      LOG.errorf(e, "SCIM request for company %s failed", companyAlias);
      return fail(new ServerErrorException("The request could not be completed."));
    }
  }

  private ScimContext authenticate(OrganizationModel company) throws UnauthorizedException {
    String header =
        session.getContext().getRequestHeaders().getHeaderString(HttpHeaders.AUTHORIZATION);
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : null;
    boolean valid = ScimTokens.matches(session.getContext().getRealm(), company, token);
    if (!valid || company == null || !company.isEnabled()) {
      throw new UnauthorizedException(
          "A valid SCIM bearer token of this company is required (Authorization: Bearer …).");
    }
    URI base =
        ScimResourceProviderFactory.baseUrl(session, session.getContext().getRealm(), company);
    return new ScimContext(session, company, base);
  }

  private Response fail(ScimException e) {
    problem = e.getScimError().getDetail();
    if (session.getTransactionManager().isActive()) {
      session.getTransactionManager().setRollbackOnly();
    }
    return ScimJson.error(e);
  }
}
