<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: company-sso-portal-message.ftl -->
    <#if section = "header">
        ${msg(portalTitle)}
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/css/company-sso-portal.css"/>
        <div id="csso-portal-message"></div>
    </#if>
</@layout.registrationLayout>
