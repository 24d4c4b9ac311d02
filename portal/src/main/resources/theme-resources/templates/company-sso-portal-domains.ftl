<#import "template.ftl" as layout>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-domains.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalDomainsHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <script src="${url.resourcesPath}/js/company-sso-portal.js" defer></script>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <p id="csso-copy-status" class="pf-v5-screen-reader" aria-live="polite" data-copied="${msg("companySsoPortalCopied")}"></p>
        <p>${msg("companySsoPortalDomainsIntro")}</p>
        <#if claimed??>
            <div id="csso-domain-claimed" class="${properties.kcAlertClass!} pf-m-info" role="status">
                <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalDomainsClaimed", claimed)}</span>
            </div>
        </#if>
        <#if outcome??>
            <#assign level = (outcome == "VERIFIED")?then("pf-m-success", (outcome == "LOOKUP_FAILED")?then("pf-m-warning", "pf-m-danger"))>
            <div id="csso-domain-outcome" class="${properties.kcAlertClass!} ${level}" role="alert" data-outcome="${outcome}">
                <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalDomainsOutcome." + outcome, checked!"")}</span>
            </div>
        </#if>
        <#if domains?has_content>
            <#list domains as row>
                <section class="csso-portal-section csso-domain" id="csso-domain-${row.key()}" aria-labelledby="csso-domain-${row.key()}-name">
                    <h2 id="csso-domain-${row.key()}-name" class="pf-v5-c-title pf-m-md">${row.domain()}</h2>
                    <p id="csso-domain-${row.key()}-state" data-state="${row.state()}">
                        <#switch row.state()>
                            <#case "verified">${msg("companySsoPortalDomainsState.verified", row.verifiedAt(), row.checkedAt())}<#break>
                            <#case "missing">${msg("companySsoPortalDomainsState.missing", row.missingSince(), row.recordName())}<#break>
                            <#default>${msg("companySsoPortalDomainsState." + row.state())}
                        </#switch>
                    </p>
                    <#if row.recordName()?? && row.state() != "vendor">
                        <@csso.copyValue name="record-name-${row.key()}" label=msg("companySsoPortalDomainsRecordName") value=row.recordName()/>
                        <@csso.copyValue name="record-value-${row.key()}" label=msg("companySsoPortalDomainsRecordValue") value=row.recordValue()/>
                    </#if>
                    <#if row.recordName()??>
                        <form id="csso-domain-${row.key()}-verify" method="post" action="${portalUrl}/domains/verify">
                            <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                            <input type="hidden" name="domain" value="${row.domain()}"/>
                            <button type="submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg((row.state() == "pending")?then("companySsoPortalDomainsVerify", "companySsoPortalDomainsCheckAgain"))}</button>
                        </form>
                    </#if>
                    <#if row.state() == "pending">
                        <form id="csso-domain-${row.key()}-withdraw" method="post" action="${portalUrl}/domains/withdraw">
                            <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                            <input type="hidden" name="domain" value="${row.domain()}"/>
                            <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDomainsWithdraw")}</button>
                        </form>
                    </#if>
                    <#if row.state() == "listed" && row.claimable()>
                        <form id="csso-domain-${row.key()}-claim" method="post" action="${portalUrl}/domains">
                            <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                            <input type="hidden" name="domain" value="${row.domain()}"/>
                            <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDomainsGetRecord")}</button>
                        </form>
                    </#if>
                </section>
            </#list>
        <#else>
            <p id="csso-domains-none">${msg("companySsoPortalDomainsNone")}</p>
        </#if>
        <form id="csso-domain-add" class="csso-portal-section" method="post" action="${portalUrl}/domains">
            <input type="hidden" name="csrf" value="${portal.csrf()}"/>
            <div class="${properties.kcFormGroupClass!}">
                <label for="domain" class="${properties.kcFormLabelClass!}">
                    <span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalDomainsAdd")}</span>
                </label>
                <span class="${properties.kcInputClass!} <#if domainError??>${properties.kcError!}</#if>">
                    <input id="domain" name="domain" type="text" value="${domainInput!""}" autocomplete="off" placeholder="example.com"
                           aria-describedby="domain-help<#if domainError??> input-error-domain</#if>"
                           <#if domainError??>aria-invalid="true"</#if>/>
                </span>
                <p id="domain-help" class="${properties.kcInputHelperTextItemTextClass!}">${msg("companySsoPortalDomainsAddHelp")}</p>
                <#if domainError??>
                    <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
                        <div class="${properties.kcInputHelperTextClass!}">
                            <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-domain">
                                <span class="${properties.kcInputErrorMessageClass!}">${msg(domainError)}</span>
                            </div>
                        </div>
                    </div>
                </#if>
            </div>
            <button type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("companySsoPortalDomainsAddButton")}</button>
        </form>
        <p><a id="csso-back-home" href="${portalUrl}/">${msg("companySsoPortalBackHome")}</a></p>
    <#elseif section = "info">
        <@csso.visitor/>
    </#if>
</@layout.registrationLayout>
