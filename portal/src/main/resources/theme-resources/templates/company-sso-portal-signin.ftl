<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<!-- template: company-sso-portal-signin.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalTitle")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-no-access">${msg("companySsoPortalNoAccess")}</p>
        <a id="csso-owner-sign-in" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${ownerSignIn}">${msg("companySsoPortalOwnerSignIn")}</a>
    </#if>
</@layout.registrationLayout>
