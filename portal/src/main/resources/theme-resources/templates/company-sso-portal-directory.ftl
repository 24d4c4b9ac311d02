<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-directory.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalDirectoryHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <#if !(form??)>
            <p id="csso-directory-none">${msg("companySsoPortalDirectoryNone")}</p>
        <#else>
            <#if directory??>
                <p id="csso-directory-name">${msg("companySsoPortalDirectoryName", directory, msg("companySsoPortalDirectoryType." + directoryType))}</p>
            <#else>
                <p id="csso-directory-intro">${msg("companySsoPortalDirectoryIntro", msg("companySsoPortalDirectoryType." + directoryType))}</p>
            </#if>
            <#if saved??>
                <div id="csso-directory-saved" class="${properties.kcAlertClass!} pf-m-success" role="status"><span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalDirectorySaved")}</span></div>
            </#if>
            <#if busy??>
                <div id="csso-directory-busy" class="${properties.kcAlertClass!} pf-m-warning" role="status"><span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalDirectoryBusy")}</span></div>
            </#if>
            <#if runningSince??>
                <script src="${url.resourcesPath}/js/company-sso-portal.js" defer></script>
                <div id="csso-directory-running" class="${properties.kcAlertClass!} pf-m-info" role="status" data-csso-refresh="3" data-csso-refresh-url="${portalUrl}/provisioning/directory"><span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalDirectoryRunning", runningSince)}</span></div>
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
            <#elseif directory??>
                <p id="csso-directory-never">${msg("companySsoPortalDirectoryNever")}</p>
            </#if>
            <#if directory??>
                <form id="csso-directory-test" method="post" action="${portalUrl}/provisioning/directory/test">
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDirectoryTest")}</button>
                </form>
                <#if !(runningSince??)>
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
            </#if>
            <details id="csso-directory-settings" class="csso-portal-section"<#if !(directory??) || form.hasError("general") || !form.valid> open</#if>>
                <summary>${msg("companySsoPortalDirectorySettings")}</summary>
                <form id="csso-directory-settings-form" method="post" action="${portalUrl}/provisioning/directory/settings" novalidate>
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <#if form.hasError("general")>
                        <div id="csso-directory-settings-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert"><span class="${properties.kcAlertTitleClass!}">${form.error("general")}</span></div>
                    </#if>
                    <#list form.fields() as field>
                        <#assign help = msg("companySsoPortalDirectoryHelp." + field.name())>
                        <#if field.secret()>
                            <@csso.secretField name=field.name() label=msg(field.label()) help=help/>
                        <#elseif field.isChoice()>
                            <@csso.choiceField name=field.name() label=msg(field.label()) help=help options=field.options()?map(o -> {"value": o, "label": msg("companySsoPortalDirectoryOption." + o)})/>
                        <#elseif field.isMultiple()>
                            <@csso.checkboxesField name=field.name() label=msg(field.label()) help=help options=field.options()/>
                        <#else>
                            <@csso.textField name=field.name() label=msg(field.label()) help=help/>
                        </#if>
                    </#list>
                    <@csso.choiceField name="schedule" label=msg("companySsoPortalDirectorySchedule") help=msg("companySsoPortalDirectoryScheduleHelp")
                        options=form.schedules()?map(s -> {"value": s, "label": ["off", "3600", "21600", "86400"]?seq_contains(s)?then(msg("companySsoPortalDirectorySchedule." + s), msg("companySsoPortalDirectoryScheduleMinutes", (s?number / 60)?round?c))})/>
                    <button type="submit" id="csso-directory-save" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalSave")}</button>
                </form>
            </details>
        </#if>
        <p><a id="csso-back-provisioning" href="${portalUrl}/provisioning">${msg("companySsoPortalDirectoryBack")}</a></p>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
