<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-home.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <section class="csso-portal-section" aria-labelledby="csso-sso-heading">
            <h2 id="csso-sso-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalSsoHeading")}</h2>
            <p id="csso-sso-state">${msg("companySsoPortalSsoState." + sso)}</p>
            <a id="csso-health-open" href="${portalUrl}/health">${msg("companySsoPortalHealthOpen")}</a>
            <#if portal.sections()?seq_contains("sso")>
                <a id="csso-sso-open" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/sso">${msg("companySsoPortalSsoOpen")}</a>
            </#if>
        </section>
        <#if portal.sections()?seq_contains("provisioning")>
            <section class="csso-portal-section" aria-labelledby="csso-provisioning-heading">
                <h2 id="csso-provisioning-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalProvisioningHeading")}</h2>
                <p id="csso-provisioning-state"><#if scimTokenCreated??>${msg("companySsoPortalProvisioningTokenSince", scimTokenCreated)}<#else>${msg("companySsoPortalProvisioningNoToken")}</#if></p>
                <a id="csso-provisioning-open" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/provisioning">${msg("companySsoPortalProvisioningOpen")}</a>
            </section>
        </#if>
        <#if portal.sections()?seq_contains("domains")>
            <section class="csso-portal-section" aria-labelledby="csso-domains-heading">
                <h2 id="csso-domains-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalDomainsHeading")}</h2>
                <p id="csso-domains-state">${msg("companySsoPortalDomainsSummary", verifiedDomains)}</p>
                <a id="csso-domains-open" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/domains">${msg("companySsoPortalDomainsOpen")}</a>
            </section>
        </#if>
        <#if portal.sections()?seq_contains("mapping")>
            <section class="csso-portal-section" aria-labelledby="csso-mapping-heading">
                <h2 id="csso-mapping-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalMappingHeading")}</h2>
                <p>${msg("companySsoPortalMappingSummary")}</p>
                <a id="csso-mapping-open" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/mapping">${msg("companySsoPortalMappingOpen")}</a>
            </section>
        </#if>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
