<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('email'); section>
<!-- template: company-sso-register-email.ftl -->
    <#if section = "header">
        ${msg("companySsoRegisterEmailTitle")}
    <#elseif section = "form">
        <div id="kc-form">
            <div id="kc-form-wrapper">
                <form id="kc-company-sso-register-email" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <@field.input name="email" label=msg("email") value=companySsoRegisterEmail!'' autofocus=true autocomplete="email" />
                    <@buttons.actionGroup>
                        <@buttons.button id="kc-company-sso-register-continue" name="continue" label="companySsoContinue" />
                    </@buttons.actionGroup>
                </form>
                <div id="kc-company-sso-back" class="${properties.kcFormGroupClass!}">
                    <a href="${url.loginUrl}">${msg("companySsoBackToLogin")}</a>
                </div>
            </div>
        </div>
    <#elseif section = "info">
        ${msg("companySsoRegisterEmailInfo")}
    </#if>
</@layout.registrationLayout>
