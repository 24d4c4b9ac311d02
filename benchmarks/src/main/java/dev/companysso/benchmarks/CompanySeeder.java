package dev.companysso.benchmarks;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * Creates benchmark companies through the admin REST API as an admin would: an OIDC identity
 * provider, an organization with a verified domain, and the link between them.
 */
final class CompanySeeder {

  static final int THREADS = 4;

  private final Supplier<Keycloak> adminClients;
  private final String realm;
  private final String issuer;

  CompanySeeder(Supplier<Keycloak> adminClients, String realm, String issuer) {
    this.adminClients = adminClients;
    this.realm = realm;
    this.issuer = issuer;
  }

  static String companyCode(int index) {
    return String.format("bench-%05d", index);
  }

  static String identityProvider(int index) {
    return companyCode(index) + "-idp";
  }

  static String domain(int index) {
    return companyCode(index) + ".example";
  }

  /** Creates companies {@code from} (inclusive) to {@code to} (exclusive), in parallel. */
  void seed(int from, int to) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int first = from + thread;
        work.add(
            pool.submit(
                () -> {
                  try (Keycloak admin = adminClients.get()) {
                    RealmResource target = admin.realm(realm);
                    for (int i = first; i < to; i += THREADS) {
                      create(target, i);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void create(RealmResource target, int index) {
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(identityProvider(index));
    idp.setProviderId("oidc");
    idp.setEnabled(true);
    idp.setHideOnLogin(true);
    idp.setConfig(
        Map.of(
            "issuer",
            issuer,
            "authorizationUrl",
            issuer + "/oauth2/v1/authorize",
            "tokenUrl",
            issuer + "/oauth2/v1/token",
            "clientId",
            "benchmark",
            "clientSecret",
            "benchmark",
            "clientAuthMethod",
            "client_secret_post"));
    try (Response response = target.identityProviders().create(idp)) {
      expectCreated(response, idp.getAlias());
    }
    createCompany(target, company(companyCode(index), domain(index)), idp.getAlias());
  }

  /** A company (enabled organization) whose code is {@code code}, with a verified domain. */
  static OrganizationRepresentation company(String code, String verifiedDomain) {
    OrganizationRepresentation organization = new OrganizationRepresentation();
    organization.setName(code);
    organization.setAlias(code);
    organization.setEnabled(true);
    OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
    domain.setName(verifiedDomain);
    domain.setVerified(true);
    organization.addDomain(domain);
    return organization;
  }

  /** Creates {@code company} and links the existing identity provider {@code idpAlias} to it. */
  static void createCompany(
      RealmResource target, OrganizationRepresentation company, String idpAlias) {
    String id;
    try (Response response = target.organizations().create(company)) {
      id = CreatedResponseUtil.getCreatedId(response);
    }
    try (Response response =
        target.organizations().get(id).identityProviders().addIdentityProvider(idpAlias)) {
      expectCreated(response, "link of " + idpAlias);
    }
  }

  private static void expectCreated(Response response, String what) {
    if (response.getStatus() >= 300) {
      throw new IllegalStateException(
          "Could not create "
              + what
              + ": HTTP "
              + response.getStatus()
              + " "
              + response.readEntity(String.class));
    }
  }
}
