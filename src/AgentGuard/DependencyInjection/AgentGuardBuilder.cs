using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentGuard;

/// <summary>Adds optional parts to AgentGuard: code policies, context providers, approval handlers, audit sinks. Adapters add their own extension methods here.</summary>
public sealed class AgentGuardBuilder
{
    internal AgentGuardBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection AgentGuard is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a code policy, combined with the configured rules under the same precedence.</summary>
    public AgentGuardBuilder AddPolicy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPolicy>()
        where TPolicy : class, IGuardPolicy
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardPolicy, TPolicy>());
        return this;
    }

    /// <summary>Adds a code policy instance.</summary>
    public AgentGuardBuilder AddPolicy(IGuardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Services.AddSingleton(policy);
        return this;
    }

    /// <summary>Adds a provider of session facts.</summary>
    public AgentGuardBuilder AddContextProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>()
        where TProvider : class, IGuardContextProvider
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardContextProvider, TProvider>());
        return this;
    }

    /// <summary>
    /// Takes the user from the host's <see cref="ClaimsPrincipal"/>, e.g. <c>sp => Thread.CurrentPrincipal as ClaimsPrincipal</c>.
    /// In ASP.NET Core use <c>AddHttpContextUser()</c> from <c>AgentGuard.AspNetCore</c> (it registers the
    /// <c>IHttpContextAccessor</c> and maps claims by configuration).
    /// </summary>
    /// <remarks>
    /// The accessor runs once when the options are validated at start: if it throws <see cref="InvalidOperationException"/>
    /// (a service it needs is not registered) the app fails to start with a message naming the fix.
    /// </remarks>
    public AgentGuardBuilder AddClaimsPrincipal(Func<IServiceProvider, ClaimsPrincipal?> principalAccessor)
    {
        ArgumentNullException.ThrowIfNull(principalAccessor);
        Services.AddSingleton<IGuardContextProvider>(sp => new ClaimsPrincipalContextProvider(() => principalAccessor(sp)));
        Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AgentGuardOptions>>(sp => new ClaimsPrincipalAccessorCheck(() => principalAccessor(sp)));
        return this;
    }

    /// <summary>Adds an in-process approval handler, asked when a call requires approval and the adapter has no native approval flow.</summary>
    public AgentGuardBuilder AddApprovalHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IApprovalHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IApprovalHandler, THandler>());
        return this;
    }

    /// <summary>Adds an approval handler instance.</summary>
    public AgentGuardBuilder AddApprovalHandler(IApprovalHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Services.AddSingleton(handler);
        return this;
    }

    /// <summary>Adds an audit sink that receives one record per decision.</summary>
    public AgentGuardBuilder AddAuditSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>()
        where TSink : class, IAuditSink
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, TSink>());
        return this;
    }

    /// <summary>Adds an audit sink instance.</summary>
    public AgentGuardBuilder AddAuditSink(IAuditSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Services.AddSingleton(sink);
        return this;
    }

    /// <summary>Adds a classifier that tags calls from their content (e.g. a document's sensitivity label).</summary>
    public AgentGuardBuilder AddClassifier<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClassifier>()
        where TClassifier : class, IToolClassifier
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IToolClassifier, TClassifier>());
        return this;
    }

    /// <summary>
    /// Adds a task-scope provider (e.g. a planner that lists the tools and values the user's request needs); rules with
    /// <c>When.OutsideTaskScope</c> then compare calls with its scope instead of the prompt-implied one.
    /// </summary>
    public AgentGuardBuilder AddTaskScopeProvider<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>()
        where TProvider : class, ITaskScopeProvider
    {
        Services.TryAddSingleton<TProvider>();
        Services.AddSingleton<IGuardContextProvider>(sp => new AgentGuard.Inference.TaskScopeContextProvider(sp.GetRequiredService<TProvider>()));
        return this;
    }
}
