<#import "template.ftl" as layout>
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
            <#if portal.sections()?seq_contains("sso")>
                <a id="csso-sso-open" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/sso">${msg("companySsoPortalSsoOpen")}</a>
            </#if>
        </section>
    <#elseif section = "info">
        <#if portal.linkExpires()??>
            <span id="csso-portal-link-expiry">${msg("companySsoPortalLinkValidUntil", portal.linkExpires())}</span>
        <#else>
            <span id="csso-portal-owner">${msg("companySsoPortalSignedInAs", portal.owner())}</span>
        </#if>
    </#if>
</@layout.registrationLayout>
