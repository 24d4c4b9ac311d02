<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('companySsoInput'); section>
<!-- template: company-discovery.ftl -->
    <#if section = "header">
        ${msg("companySsoTitle")}
    <#elseif section = "form">
        <div id="kc-form">
            <div id="kc-form-wrapper">
                <form id="kc-company-sso-discovery" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <@field.input name="companySsoInput" label=msg("companySsoInputLabel") value=companySsoValue!'' autofocus=true autocomplete="username" />
                    <#if companySsoRememberOffered?? && companySsoRememberOffered>
                        <@field.checkbox name="rememberCompany" label=msg("companySsoRemember") value=(companySsoValue!'')?has_content />
                    </#if>
                    <@buttons.actionGroup>
                        <@buttons.button id="kc-company-sso-continue" name="continue" label="companySsoContinue" />
                    </@buttons.actionGroup>
                </form>
                <div id="kc-company-sso-back" class="${properties.kcFormGroupClass!}">
                    <a href="${url.loginRestartFlowUrl}">${msg("companySsoBackToLogin")}</a>
                </div>
            </div>
        </div>
    <#elseif section = "info">
        ${msg("companySsoInfo")}
    </#if>
</@layout.registrationLayout>
