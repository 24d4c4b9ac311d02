package dev.companysso.identityproviders.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntraTenancyTest {

  private static final String CONTOSO = "5f0f6e0c-8c1a-4f7e-9d2b-6a1c3e4b7a10";
  private static final String FABRIKAM = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  @Test
  @DisplayName("A tenant id gives Microsoft's documented v2.0 endpoints and pins the issuer")
  void singleTenantEndpoints() {
    EntraTenancy tenancy = EntraTenancy.of(CONTOSO.toUpperCase(), null, null, null, null);

    assertThat(tenancy.endpoint("/oauth2/v2.0/authorize"))
        .isEqualTo("https://login.microsoftonline.com/" + CONTOSO + "/oauth2/v2.0/authorize");
    assertThat(tenancy.endpoint("/discovery/v2.0/keys"))
        .isEqualTo("https://login.microsoftonline.com/" + CONTOSO + "/discovery/v2.0/keys");
    assertThat(tenancy.trustedIssuers())
        .isEqualTo("https://login.microsoftonline.com/" + CONTOSO + "/v2.0");
    assertThat(tenancy.graph()).isEqualTo("https://graph.microsoft.com");
  }

  @Test
  @DisplayName("The national clouds have their own authority and Graph hosts")
  void nationalClouds() {
    EntraTenancy usGov = EntraTenancy.of(CONTOSO, null, "us-government", null, null);
    EntraTenancy china = EntraTenancy.of(CONTOSO, null, "china", null, null);

    assertThat(usGov.issuerOf(CONTOSO))
        .isEqualTo("https://login.microsoftonline.us/" + CONTOSO + "/v2.0");
    assertThat(usGov.graph()).isEqualTo("https://graph.microsoft.us");
    assertThat(china.issuerOf(CONTOSO))
        .isEqualTo("https://login.chinacloudapi.cn/" + CONTOSO + "/v2.0");
    assertThat(china.graph()).isEqualTo("https://microsoftgraph.chinacloudapi.cn");
  }

  @Test
  @DisplayName("Overrides replace the hosts (for test doubles), without a trailing slash")
  void overrides() {
    EntraTenancy tenancy =
        EntraTenancy.of(
            CONTOSO, null, null, "http://localhost:9002/", "http://localhost:9002/graph");

    assertThat(tenancy.endpoint("/oauth2/v2.0/token"))
        .isEqualTo("http://localhost:9002/" + CONTOSO + "/oauth2/v2.0/token");
    assertThat(tenancy.graph()).isEqualTo("http://localhost:9002/graph");
  }

  @Test
  @DisplayName("Tokens: tid must be accepted and iss must be that tenant's issuer")
  void accepts() {
    EntraTenancy single = EntraTenancy.of(CONTOSO, null, null, null, null);
    String contosoIssuer = "https://login.microsoftonline.com/" + CONTOSO + "/v2.0";

    assertThat(single.accepts(CONTOSO, contosoIssuer)).isTrue();
    assertThat(single.accepts(FABRIKAM, "https://login.microsoftonline.com/" + FABRIKAM + "/v2.0"))
        .isFalse();
    assertThat(single.accepts(CONTOSO, "https://login.microsoftonline.com/" + FABRIKAM + "/v2.0"))
        .isFalse();
    assertThat(single.accepts(null, contosoIssuer)).isFalse();

    EntraTenancy multi =
        EntraTenancy.of("organizations", FABRIKAM + ", " + CONTOSO, null, null, null);
    assertThat(multi.endpoint("/oauth2/v2.0/authorize"))
        .isEqualTo("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize");
    assertThat(multi.trustedIssuers()).contains(FABRIKAM, CONTOSO);
    assertThat(multi.accepts(CONTOSO, contosoIssuer)).isTrue();
    assertThat(
            multi.accepts(
                "11111111-2222-3333-4444-555555555555",
                "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"))
        .isFalse();
  }

  @Test
  @DisplayName("Bad settings are refused with a message naming the field and the fix")
  void refusesBadSettings() {
    assertThatThrownBy(() -> EntraTenancy.of("contoso", null, null, null, null))
        .hasMessageStartingWith("Tenant ID: 'contoso' is neither a Directory (tenant) ID");
    assertThatThrownBy(() -> EntraTenancy.of("common", null, null, null, null))
        .hasMessageStartingWith("Tenant ID: the multi-tenant endpoint needs the tenant ids");
    assertThatThrownBy(() -> EntraTenancy.of("organizations", "contoso.com", null, null, null))
        .hasMessageStartingWith("Allowed tenants: 'contoso.com' is not a tenant id");
    assertThatThrownBy(() -> EntraTenancy.of(CONTOSO, null, "germany", null, null))
        .hasMessage("Cloud: 'germany' is not one of global, us-government, china.");
    assertThat(EntraTenancy.of("contoso.com", null, null, null, null).trustedIssuers()).isEmpty();
  }
}
