<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "company-sso-portal-macros.ftl" as csso>
<@layout.registrationLayout displayInfo=true; section>
<!-- template: company-sso-portal-sso.ftl -->
    <#if section = "header">
        ${msg("companySsoPortalSsoHeading")}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <p id="csso-portal-company">${msg("companySsoPortalCompany", portal.companyName(), portal.companyCode())}</p>
        <#if !(vendor??)>
            <p id="csso-vendor-question">${msg("companySsoPortalChooseVendor")}</p>
            <ul class="csso-vendors" aria-labelledby="csso-vendor-question">
                <li><a id="csso-vendor-okta" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/sso/okta">Okta</a></li>
                <li><a id="csso-vendor-entra-id" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${portalUrl}/sso/entra-id">Microsoft Entra ID</a></li>
            </ul>
        <#else>
            <script src="${url.resourcesPath}/js/company-sso-portal.js" defer></script>
            <p id="csso-copy-status" class="pf-v5-screen-reader" aria-live="polite" data-copied="${msg("companySsoPortalCopied")}"></p>
            <#if saved?? && saved>
                <div id="csso-saved" class="${properties.kcAlertClass!} pf-m-success" role="status">
                    <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalSaved")}</span>
                </div>
            </#if>
            <#if enabled?? && enabled>
                <div id="csso-enabled" class="${properties.kcAlertClass!} pf-m-success" role="status">
                    <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalEnabled", portal.companyCode())}</span>
                </div>
            </#if>
            <#if testExpired??>
                <div id="csso-test-expired" class="${properties.kcAlertClass!} pf-m-warning" role="status">
                    <span class="${properties.kcAlertTitleClass!}">${msg("companySsoPortalTestExpired")}</span>
                </div>
            </#if>
            <#if testResult??>
                <section id="csso-test-result" aria-labelledby="csso-test-heading" role="status">
                    <h2 id="csso-test-heading" class="pf-v5-c-title pf-m-md">${msg(testResult.signedIn()?then("companySsoPortalTestSignedIn", "companySsoPortalTestFailed"))}</h2>
                    <#if !testResult.signedIn()>
                        <p id="csso-test-problem"><#if testResult.problemCode()??>${msg("companySsoPortalTestProblem." + testResult.problemCode())}<#else>${testResult.problem()!""}</#if></p>
                    <#else>
                        <ul id="csso-verdict">
                            <#list verdict as finding>
                                <li class="csso-finding<#if finding.blocking()> csso-finding-blocking</#if>" data-finding="${finding.key()}">${msg(finding.key(), (finding.params()[0])!"", (finding.params()[1])!"")}</li>
                            </#list>
                        </ul>
                        <h3 class="pf-v5-c-title pf-m-sm">${msg("companySsoPortalClaims")}</h3>
                        <dl id="csso-claims">
                            <#list testClaims as name, value>
                                <dt>${name}</dt>
                                <dd data-claim="${name}">${value}</dd>
                            </#list>
                        </dl>
                    </#if>
                </section>
            </#if>
            <#if form.hasError("general")>
                <div id="csso-error" class="${properties.kcAlertClass!} pf-m-danger" role="alert">
                    <span class="${properties.kcAlertTitleClass!}"><@csso.errorText name="general"/></span>
                </div>
            </#if>
            <#if checks??>
                <section id="csso-checks" aria-labelledby="csso-checks-heading" role="status">
                    <h2 id="csso-checks-heading" class="pf-v5-c-title pf-m-md">${msg(checksOk?then("companySsoPortalChecksPassed", "companySsoPortalChecksFailed"))}</h2>
                    <ul>
                        <#list checks as check>
                            <li class="csso-check csso-check-${check.ok()?then('ok', 'failed')}" data-check="${check.name()}">
                                <strong>${msg(check.ok()?then("companySsoPortalCheckOk", "companySsoPortalCheckFailed"))} ${msg("companySsoPortalCheck." + check.name())}:</strong> ${check.message()}
                            </li>
                        </#list>
                    </ul>
                </section>
            </#if>

            <section aria-labelledby="csso-steps-heading">
                <h2 id="csso-steps-heading" class="pf-v5-c-title pf-m-md">${msg("companySsoPortalSteps." + vendor)}</h2>
                <ol class="csso-steps">
                    <#if vendor == "okta">
                        <li>${msg("companySsoPortalOktaStep1")}</li>
                        <li>${msg("companySsoPortalOktaStep2")}
                            <@csso.copyValue name="redirect-uri" label=msg("companySsoPortalOktaRedirectUri") value=values.redirectUri/>
                            <@csso.copyValue name="logout-uri" label=msg("companySsoPortalOktaLogoutUri") value=values.logoutUri/>
                        </li>
                        <li>${msg("companySsoPortalOktaStep3")}
                            <@csso.copyValue name="initiate-login-uri" label=msg("companySsoPortalOktaInitiateLoginUri") value=values.initiateLoginUri/>
                        </li>
                        <li>${msg("companySsoPortalOktaStep4")}</li>
                        <li>${msg("companySsoPortalOktaStep5")}</li>
                    <#else>
                        <li>${msg("companySsoPortalEntraStep1")}
                            <@csso.copyValue name="redirect-uri" label=msg("companySsoPortalEntraRedirectUri") value=values.redirectUri/>
                        </li>
                        <li>${msg("companySsoPortalEntraStep2")}</li>
                        <li>${msg("companySsoPortalEntraStep3")}</li>
                        <li>${msg("companySsoPortalEntraStep4")}</li>
                    </#if>
                </ol>
            </section>

            <form id="csso-sso-form" class="${properties.kcFormClass!}" action="${formAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                <#if vendor == "okta">
                    <@csso.textField name="oktaDomain" label=msg("companySsoPortalOktaDomain") help=msg("companySsoPortalOktaDomainHelp") required=true/>
                    <@csso.textField name="authorizationServer" label=msg("companySsoPortalOktaServer") help=msg("companySsoPortalOktaServerHelp")/>
                    <@csso.textField name="clientId" label=msg("companySsoPortalClientId") required=true/>
                <#else>
                    <@csso.textField name="tenantId" label=msg("companySsoPortalEntraTenant") help=msg("companySsoPortalEntraTenantHelp") required=true/>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="cloud" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalEntraCloud")}</span></label>
                        <span class="${properties.kcInputClass!}">
                            <select id="cloud" name="cloud">
                                <#list ["global", "us-government", "china"] as cloud>
                                    <option value="${cloud}" <#if form.value("cloud") == cloud>selected</#if>>${msg("companySsoPortalEntraCloud." + cloud)}</option>
                                </#list>
                            </select>
                        </span>
                        <@csso.formError name="cloud"/>
                    </div>
                    <@csso.textField name="clientId" label=msg("companySsoPortalEntraClientId") required=true/>
                </#if>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="clientSecret" class="${properties.kcFormLabelClass!}">
                        <span class="${properties.kcFormLabelTextClass!}">${msg("companySsoPortalClientSecret")}</span>
                        <#if !form.secretSaved><span class="${properties.kcInputRequiredClass!}" aria-hidden="true">&#42;</span></#if>
                    </label>
                    <span class="${properties.kcInputClass!} <#if form.hasError("clientSecret")>${properties.kcError!}</#if>">
                        <input id="clientSecret" name="clientSecret" type="password" value="" autocomplete="off"
                               aria-describedby="clientSecret-help<#if form.hasError("clientSecret")> input-error-clientSecret</#if>"
                               <#if form.hasError("clientSecret")>aria-invalid="true"</#if>/>
                    </span>
                    <p id="clientSecret-help" class="${properties.kcInputHelperTextItemTextClass!}">${msg(form.secretSaved?then("companySsoPortalSecretSaved", "companySsoPortalSecretHelp"))}</p>
                    <@csso.formError name="clientSecret"/>
                </div>
                <@buttons.actionGroup>
                    <@buttons.button id="csso-save" name="save" label="companySsoPortalSave"/>
                </@buttons.actionGroup>
            </form>

            <#if form.secretSaved>
                <form id="csso-test-connection" action="${formAction}/test-connection" method="post">
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <@buttons.actionGroup>
                        <@buttons.button id="csso-test" name="test" type="secondary" label="companySsoPortalTestConnection"/>
                    </@buttons.actionGroup>
                </form>
                <form id="csso-test-sign-in" action="${formAction}/test-sign-in" method="post">
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <p id="csso-test-sign-in-help" class="${properties.kcInputHelperTextItemTextClass!}">${msg("companySsoPortalTestSignInHelp")}</p>
                    <@buttons.actionGroup>
                        <@buttons.button id="csso-test-sign-in-button" name="testSignIn" type="secondary" label="companySsoPortalTestSignIn" aria\-describedby="csso-test-sign-in-help"/>
                    </@buttons.actionGroup>
                </form>
            </#if>
            <#if tested?? && tested>
                <form id="csso-enable" action="${formAction}/enable" method="post">
                    <input type="hidden" name="csrf" value="${portal.csrf()}"/>
                    <@buttons.actionGroup>
                        <@buttons.button id="csso-enable-button" name="enable" label="companySsoPortalEnable"/>
                    </@buttons.actionGroup>
                </form>
            </#if>
        </#if>
    <#elseif section = "info">
        <a id="csso-portal-home" href="${portalUrl}/">${msg("companySsoPortalBackHome")}</a>
    </#if>
</@layout.registrationLayout>
