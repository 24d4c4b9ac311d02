<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<#-- A problem of the form: its message with the row number and the pattern or target it names. -->
<#macro problemText problem>${msg(problem.key(), problem.params()[0], (problem.params()[1])!"", (problem.params()[2])!"")}</#macro>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-mapping.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalMappingHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <p>${msg("companySsoPortalMappingIntro")}</p>
        <#if !(tables??)>
            <p id="csso-mapping-no-provider">${msg("companySsoPortalMappingNoProvider")}</p>
        <#else>
            <p id="csso-mapping-provider">${msg("companySsoPortalMappingProvider", provider)}</p>
            <#if saved??>
                <div id="csso-mapping-saved" class="${properties.kcAlertClass!} pf-m-success" role="status" data-kind="${saved}">
                    <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalMappingSaved")}</span>
                </div>
            </#if>
            <#list tables as table>
                <#assign kind = table.kind()>
                <section class="csso-portal-section" id="csso-table-${kind}" aria-labelledby="csso-table-${kind}-heading">
                    <h2 id="csso-table-${kind}-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalMappingTable." + kind)}</h2>
                    <p id="csso-offered-${kind}"><#if table.offered()?has_content>${msg("companySsoPortalMappingOffered." + kind, table.offered()?join(", "))}<#else>${msg("companySsoPortalMappingNothingOffered." + kind)}</#if></p>
                    <#if table.vendorRows()?has_content>
                        <h3 id="csso-vendor-rows-${kind}-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalMappingVendorRows")}</h3>
                        <ul id="csso-vendor-rows-${kind}" class="csso-failures" aria-labelledby="csso-vendor-rows-${kind}-heading">
                            <#list table.vendorRows() as row><li><code>${row.pattern()}</code> → ${row.targetText()}</li></#list>
                        </ul>
                    </#if>
                    <#if table.form().problems()?has_content>
                        <div id="csso-mapping-problems-${kind}" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                            <ul class="csso-failures">
                                <#list table.form().problems() as problem><li data-key="${problem.key()}"><@problemText problem=problem/></li></#list>
                            </ul>
                        </div>
                    </#if>
                    <form id="csso-mapping-${kind}" method="post" action="${portalUrl}/mapping/${kind}/preview">
                        <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                        <p id="csso-rules-${kind}-help">${msg("companySsoPortalMappingRulesHelp." + kind)}</p>
                        <#list table.form().shownRows() as row>
                            <div class="csso-rule-row">
                                <span class="${properties.kcInputClass!}">
                                    <input id="csso-${kind}-pattern-${row?index}" name="pattern" type="text" value="${row.pattern()}" autocomplete="off"
                                           aria-label="${msg("companySsoPortalMappingPatternLabel", row?index + 1)}" aria-describedby="csso-rules-${kind}-help"/>
                                </span>
                                <span class="${properties.kcInputClass!}">
                                    <input id="csso-${kind}-targets-${row?index}" name="targets" type="text" value="${row.targetText()}" autocomplete="off"
                                           aria-label="${msg("companySsoPortalMappingTargetsLabel." + kind, row?index + 1)}" aria-describedby="csso-offered-${kind}"/>
                                </span>
                            </div>
                        </#list>
                        <button type="submit" id="csso-${kind}-preview" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalMappingPreview")}</button>
                        <#if preview?? && previewKind == kind>
                            <section id="csso-preview-${kind}" class="csso-portal-section" aria-labelledby="csso-preview-${kind}-heading">
                                <h3 id="csso-preview-${kind}-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalMappingPreviewHeading")}</h3>
                                <p id="csso-preview-summary" data-known="${preview.known()?c}" data-changing="${preview.changing()?c}">${msg("companySsoPortalMappingPreviewSummary", preview.known()?c, preview.changing()?c)}</p>
                                <#if preview.people()?has_content>
                                    <ul id="csso-preview-people" class="csso-failures">
                                        <#list preview.people() as person>
                                            <li data-user="${person.username()}" data-gains="${person.gains()?join("|")}" data-losses="${person.losses()?join("|")}">
                                                <strong>${person.username()}</strong>:
                                                <#if person.gains()?has_content>${msg("companySsoPortalMappingGains", person.gains()?join(", "))}</#if>
                                                <#if person.losses()?has_content>${msg("companySsoPortalMappingLoses", person.losses()?join(", "))}</#if>
                                                <#if person.partial()>${msg("companySsoPortalMappingPartial")}</#if>
                                            </li>
                                        </#list>
                                    </ul>
                                </#if>
                                <button type="submit" id="csso-${kind}-save" formaction="${portalUrl}/mapping/${kind}/save" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalMappingSave")}</button>
                            </section>
                        </#if>
                    </form>
                </section>
            </#list>
            <section class="csso-portal-section" id="csso-explain" aria-labelledby="csso-explain-heading">
                <h2 id="csso-explain-heading" class="pf-v5-c-title pf-m-lg">${msg("companySsoPortalMappingExplainHeading")}</h2>
                <form id="csso-explain-form" method="get" action="${portalUrl}/mapping">
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="person" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalMappingPerson")}</span></label>
                        <span class="${properties.kcInputClass!}"><input id="person" name="person" type="text" value="${person!""}" autocomplete="off"/></span>
                    </div>
                    <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalMappingExplain")}</button>
                </form>
                <#if person??>
                    <#if explained??>
                        <div id="csso-explained" data-user="${explained.username()}">
                            <p id="csso-explained-groups"><#if explained.groupsKnown()>${msg("companySsoPortalMappingKnownGroups", explained.username(), explained.groups()?join(", "))}<#else>${msg("companySsoPortalMappingNoKnownGroups", explained.username())}</#if></p>
                            <#list [["roles", explained.roles()], ["teams", explained.teams()]] as pair>
                                <h3 class="pf-v5-c-title pf-m-md">${msg("companySsoPortalMappingTable." + pair[0])}</h3>
                                <@csso.grants id="csso-explained-${pair[0]}" grants=pair[1]/>
                            </#list>
                        </div>
                    <#else>
                        <p id="csso-explained-unknown">${msg("companySsoPortalMappingUnknownPerson")}</p>
                    </#if>
                </#if>
            </section>
        </#if>
        <p><a id="csso-back-home" href="${portalUrl}/">${msg("companySsoPortalBackHome")}</a></p>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
