using AgentGuard;
using AgentGuard.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>ASP.NET Core integration: user and session from the request, web approvals, health check.</summary>
public static class AspNetCoreAgentGuardBuilderExtensions
{
    /// <summary>
    /// Takes the user (by <see cref="ClaimMappingOptions"/>) and the session id (by <see cref="SessionIdOptions"/>) from
    /// the current HTTP request wherever the agent framework supplied none. Registers <c>IHttpContextAccessor</c>.
    /// </summary>
    public static AgentGuardBuilder AddHttpContextUser(this AgentGuardBuilder builder, Action<AgentGuardHttpContextOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        var options = builder.Services.AddOptions<AgentGuardHttpContextOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardContextProvider, HttpContextGuardContextProvider>());
        return builder;
    }

    /// <summary>
    /// Holds calls that require approval for a person to answer on the page mapped by
    /// <c>app.MapAgentGuardApprovals()</c>, and registers the approver authorization policy
    /// (<see cref="WebApprovalOptions.DefaultPolicyName"/>: an authenticated user in an approver role). Also calls
    /// <see cref="AddHttpContextUser"/> so approvers are identified by the same claim mapping.
    /// </summary>
    public static AgentGuardBuilder AddWebApprovals(this AgentGuardBuilder builder, Action<WebApprovalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(IGuardContextProvider) && d.ImplementationType == typeof(HttpContextGuardContextProvider)))
        {
            builder.AddHttpContextUser();
        }

        var options = services.AddOptions<WebApprovalOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddAuthorization();
        services.AddOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>()
            .Configure<IOptions<WebApprovalOptions>>((authorization, approvals) =>
            {
                if (approvals.Value.PolicyName == WebApprovalOptions.DefaultPolicyName && authorization.GetPolicy(WebApprovalOptions.DefaultPolicyName) is null)
                {
                    authorization.AddPolicy(WebApprovalOptions.DefaultPolicyName, policy => policy.RequireAuthenticatedUser().RequireRole(approvals.Value.ApproverRoles));
                }
            });
        services.TryAddSingleton(sp => new WebApprovalQueue(
            sp.GetRequiredService<ArgumentRedactor>(),
            sp.GetRequiredService<PolicyProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptionsMonitor<WebApprovalOptions>>(),
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<WebApprovalQueue>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApprovalHandler, WebApprovalQueue>(sp => sp.GetRequiredService<WebApprovalQueue>()));
        return builder;
    }

    /// <summary>
    /// Adds the AgentGuard health check (tagged <c>agentguard</c>): policy loaded, last-good after a rejected reload
    /// (Degraded), stores reachable (every <see cref="IAgentGuardHealthProbe"/>).
    /// </summary>
    public static IHealthChecksBuilder AddAgentGuard(this IHealthChecksBuilder builder, string name = "agentguard")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            name,
            sp => new AgentGuardHealthCheck(sp.GetRequiredService<PolicyProvider>(), sp.GetServices<IAgentGuardHealthProbe>()),
            failureStatus: null,
            tags: ["agentguard"]));
    }
}
