<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "passkeys.ftl" as passkeys>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
<!-- template: login.ftl (company-sso: keycloak.v2's login.ftl plus the Single Sign-On button) -->

    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if realm.password>
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <#assign label>
                            <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
                        </#assign>
                        <@field.input name="username" label=label error=messagesPerField.getFirstError('username','password')
                            autofocus=true autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}" value=login.username!'' />
                        <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    <#else>
                        <#-- Company discovery hands over an attempted username without choosing a user, so that
                             known and unknown names get the same page; the password form then looks it up. -->
                        <#if auth?has_content && auth.attemptedUsername?has_content>
                            <input type="hidden" id="username" name="username" value="${auth.attemptedUsername}"/>
                        </#if>
                        <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    </#if>

                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
            </#if>
            <#if auth?has_content>
                <#list auth.authenticationSelections as selection>
                    <#if selection.authenticationExecution.authenticator == "company-discovery">
                        <form id="kc-company-sso-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                            <input type="hidden" name="authenticationExecution" value="${selection.authExecId}"/>
                            <@buttons.actionGroup>
                                <@buttons.button id="kc-company-sso" name="companySso" type="secondary" label="companySsoButton" />
                            </@buttons.actionGroup>
                        </form>
                        <#if auth.authenticationSelections?size == 2>
                            <#-- The Single Sign-On button is the only other way; Keycloak's generic
                                 "Try another way" link would offer the same thing twice. -->
                            <style>#kc-select-try-another-way-form { display: none; }</style>
                        </#if>
                    </#if>
                </#list>
            </#if>
            </div>
        </div>
        <@passkeys.conditionalUIData />
    <#elseif section = "socialProviders" >
        <#if companyLinkedProviders?? && companyLinkedProviders?has_content>
            <#-- Linking an account: the company sign-ins already linked to it prove it too. -->
            <@identityProviders.show social={"providers": companyLinkedProviders}/>
        <#elseif realm.password && social.providers?? && social.providers?has_content>
            <@identityProviders.show social=social/>
        </#if>
    <#elseif section = "info" >
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <div id="kc-registration-container">
                <div id="kc-registration">
                    <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
                </div>
            </div>
        </#if>
    </#if>

</@layout.registrationLayout>
