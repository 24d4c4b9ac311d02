<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-directory.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalDirectoryHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <#if !(directory??)>
            <p id="csso-directory-none">${msg("companySsoPortalDirectoryNone")}</p>
        <#else>
            <p id="csso-directory-name">${msg("companySsoPortalDirectoryName", directory, msg("companySsoPortalDirectoryType." + directoryType))}</p>
            <#if busy??>
                <div id="csso-directory-busy" class="${properties.kcAlertClass!} pf-m-warning" role="status"><span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalDirectoryBusy")}</span></div>
            </#if>
            <#if checks??>
                <ul id="csso-directory-checks" class="csso-failures">
                    <#list checks as check><li data-check="${check.name}" data-ok="${check.ok?c}"<#if !check.ok> class="csso-check-failed"</#if>>${msg(check.ok?then("companySsoPortalCheckOk", "companySsoPortalCheckFailed"))} ${check.name}: ${check.message}</li></#list>
                </ul>
            </#if>
            <#if report??>
                <section id="csso-directory-report" class="csso-portal-section" data-outcome="${report.outcome()}" aria-labelledby="csso-directory-report-heading">
                    <h2 id="csso-directory-report-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalDirectoryReport")}</h2>
                    <p id="csso-directory-outcome">${msg("companySsoPortalDirectoryOutcome." + report.outcome(), report.started(), report.finished()!"")}<#if report.forced()> ${msg("companySsoPortalDirectoryForced")}</#if></p>
                    <dl class="csso-facts" id="csso-directory-counts">
                        <#list report.counts() as count>
                            <dt>${msg("companySsoPortalDirectoryCount." + count.name())}</dt>
                            <dd data-count="${count.name()}">${count.value()?c}</dd>
                        </#list>
                    </dl>
                    <#if report.notes()?has_content>
                        <h3 class="pf-v5-c-title pf-m-md">${msg("companySsoPortalDirectoryNotes")}</h3>
                        <ul id="csso-directory-notes" class="csso-failures"><#list report.notes() as note><li>${note}</li></#list></ul>
                    </#if>
                </section>
            <#else>
                <p id="csso-directory-never">${msg("companySsoPortalDirectoryNever")}</p>
            </#if>
            <form id="csso-directory-test" method="post" action="${portalUrl}/provisioning/directory/test">
                <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDirectoryTest")}</button>
            </form>
            <form id="csso-directory-run" method="post" action="${portalUrl}/provisioning/directory/run">
                <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                <button type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDirectoryRun")}</button>
            </form>
            <#if report?? && report.outcome() == "STOPPED_BY_SAFETY_CAP">
                <form id="csso-directory-apply" method="post" action="${portalUrl}/provisioning/directory/run">
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <input type="hidden" name="apply" value="true"/>
                    <p>${msg("companySsoPortalDirectoryApplyNote", report.wouldDisable()?c)}</p>
                    <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDirectoryApply")}</button>
                </form>
            </#if>
        </#if>
        <p><a id="csso-back-provisioning" href="${portalUrl}/provisioning">${msg("companySsoPortalDirectoryBack")}</a></p>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
