<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-provisioning.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalProvisioningHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <script src="${url.resourcesPath}/js/company-sso-portal.js" defer></script>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <p id="csso-copy-status" class="pf-v5-screen-reader" aria-live="polite" data-copied="${msg("companySsoPortalCopied")}"></p>
        <p>${msg("companySsoPortalProvisioningIntro")}</p>
        <#if newToken??>
            <div id="csso-token-issued" class="${properties.kcAlertClass!} pf-m-success" role="status">
                <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalProvisioningTokenIssued")}</span>
            </div>
            <@csso.copyValue name="scim-token" label=msg("companySsoPortalProvisioningToken") value=newToken/>
        </#if>
        <@csso.copyValue name="scim-base-url" label=msg("companySsoPortalProvisioningBaseUrl") value=scimBaseUrl/>
        <p id="csso-token-state"><#if tokenCreated??>${msg("companySsoPortalProvisioningTokenSince", tokenCreated)}<#else>${msg("companySsoPortalProvisioningNoToken")}</#if></p>
        <form id="csso-token-issue" method="post" action="${portalUrl}/provisioning/token">
            <input type="hidden" name="csrf" value="${portal.csrf()}"/>
            <button type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg(tokenCreated???then("companySsoPortalProvisioningRotate", "companySsoPortalProvisioningIssue"))}</button>
        </form>
        <#if tokenCreated??>
            <p id="csso-rotate-note">${msg("companySsoPortalProvisioningRotateNote")}</p>
            <form id="csso-token-revoke" method="post" action="${portalUrl}/provisioning/token/revoke">
                <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalProvisioningRevoke")}</button>
            </form>
        </#if>
        <section class="csso-portal-section" id="csso-scim-activity" aria-labelledby="csso-scim-activity-heading">
            <h2 id="csso-scim-activity-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalProvisioningActivityHeading")}</h2>
            <p id="csso-scim-last-request"<#if activity.lastStatus()??> data-status="${activity.lastStatus()?c}"</#if>><#if activity.lastRequest()??>${msg("companySsoPortalProvisioningLastRequest", activity.lastRequest(), activity.lastStatus()?c)}<#else>${msg("companySsoPortalProvisioningNoRequest")}</#if></p>
            <#if activity.failures()?has_content>
                <h3 id="csso-scim-failures-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalProvisioningFailures")}</h3>
                <ul id="csso-scim-failures" class="csso-failures" aria-labelledby="csso-scim-failures-heading">
                    <#list activity.failures() as failure>
                        <li data-status="${failure.status()?c}"><span class="csso-failure-when">${failure.at()}</span> <code>${failure.request()}</code> → ${failure.status()?c}<#if failure.detail()?has_content>: ${failure.detail()}</#if></li>
                    </#list>
                </ul>
            </#if>
        </section>
        <p><a id="csso-directory-open" href="${portalUrl}/provisioning/directory">${msg("companySsoPortalDirectoryOpen")}</a></p>
        <section class="csso-portal-section" aria-labelledby="csso-okta-steps-heading">
            <h2 id="csso-okta-steps-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalProvisioningOktaHeading")}</h2>
            <ol class="csso-steps">
                <li>${msg("companySsoPortalProvisioningOkta1")}</li>
                <li>${msg("companySsoPortalProvisioningOkta2")}</li>
                <li>${msg("companySsoPortalProvisioningOkta3")}</li>
                <li>${msg("companySsoPortalProvisioningOkta4")}</li>
            </ol>
        </section>
        <section class="csso-portal-section" aria-labelledby="csso-entra-steps-heading">
            <h2 id="csso-entra-steps-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalProvisioningEntraHeading")}</h2>
            <ol class="csso-steps">
                <li>${msg("companySsoPortalProvisioningEntra1")}</li>
                <li>${msg("companySsoPortalProvisioningEntra2")}</li>
                <li>${msg("companySsoPortalProvisioningEntra3")}</li>
            </ol>
        </section>
        <p><a id="csso-back-home" href="${portalUrl}/">${msg("companySsoPortalBackHome")}</a></p>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
