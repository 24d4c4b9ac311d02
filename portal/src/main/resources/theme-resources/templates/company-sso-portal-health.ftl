<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-health.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalHealthHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <dl class="csso-facts">
            <dt>${msg("companySsoPortalSsoHeading")}</dt>
            <dd id="csso-health-state" data-state="${sso}">${msg("companySsoPortalSsoState." + sso)}</dd>
            <dt>${msg("companySsoPortalHealthLastCheck")}</dt>
            <dd id="csso-health-check" data-failed="${failedChecks?join(",")}"><#if !checkable>${msg("companySsoPortalHealthNotCheckable")}<#elseif !(checkedAt??)>${msg("companySsoPortalHealthNeverChecked")}<#elseif failedChecks?has_content>${msg("companySsoPortalHealthFailing", checkedAt, failedChecks?map(c -> msg("companySsoPortalHealthCheck." + c))?join(", "))}<#else>${msg("companySsoPortalHealthOk", checkedAt)}</#if></dd>
            <dt>${msg("companySsoPortalProvisioningHeading")}</dt>
            <dd id="csso-health-scim"><#if scimTokenCreated??>${msg("companySsoPortalHealthScim", scimTokenCreated, scimLastRequest!msg("companySsoPortalVendorNever"))}<#else>${msg("companySsoPortalProvisioningNoToken")}</#if></dd>
            <#if directorySync??>
                <dt>${msg("companySsoPortalDirectoryHeading")}</dt>
                <dd id="csso-health-directory" data-outcome="${directorySync.outcome()!""}" data-lagging="${directorySync.lagging()?c}"><@csso.directorySync sync=directorySync/></dd>
            </#if>
            <dt>${msg("companySsoPortalHealthSecret")}</dt>
            <dd id="csso-health-secret">${secretExpires!msg("companySsoPortalHealthSecretUnknown")}</dd>
        </dl>
        <#if expiring?has_content>
            <div id="csso-health-expiring" class="${properties.kcAlertClass!} pf-m-warning" role="status">
                <ul class="csso-failures">
                    <#list expiring as e><li data-what="${e.what}">${msg("companySsoPortalHealthExpiring." + e.what, e.expires)}</li></#list>
                </ul>
            </div>
        </#if>
        <#if mayChange>
            <#if checkable>
                <form id="csso-health-check-now" method="post" action="${portalUrl}/health/check">
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <button type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalHealthCheckNow")}</button>
                </form>
            </#if>
            <form id="csso-health-secret-form" class="csso-portal-section" method="post" action="${portalUrl}/health/secret-expiry">
                <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="secretExpires" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalHealthSecretLabel")}</span></label>
                    <span class="${properties.kcInputClass!} <#if secretError??>${properties.kcError!}</#if>">
                        <input id="secretExpires" name="secretExpires" type="date" value="${secretInput!(secretExpires!"")}"
                               aria-describedby="secretExpires-help<#if secretError??> input-error-secretExpires</#if>" <#if secretError??>aria-invalid="true"</#if>/>
                    </span>
                    <p id="secretExpires-help" class="${properties.kcInputHelperTextItemTextClass!}">${msg("companySsoPortalHealthSecretHelp")}</p>
                    <#if secretError??>
                        <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-secretExpires" aria-live="polite">
                            <span class="${properties.kcInputErrorMessageClass!}">${msg(secretError)}</span>
                        </div>
                    </#if>
                </div>
                <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalHealthSecretSave")}</button>
            </form>
        </#if>
        <p><a id="csso-back-home" href="${portalUrl}/">${msg("companySsoPortalBackHome")}</a></p>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
