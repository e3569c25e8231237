using AgentGuard;
using AgentGuard.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AgentGuard: <c>services.AddAgentGuard(configuration.GetSection("AgentGuard"))</c>.</summary>
public static class AgentGuardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the AgentGuard engine bound to a configuration section (usually <c>AgentGuard</c>). The policy is
    /// validated at start and reloads when the configuration changes; a reload that fails keeps the last good policy.
    /// </summary>
    public static AgentGuardBuilder AddAgentGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var bound = services.FirstOrDefault(d => d.ServiceType == typeof(AgentGuardSectionMarker))?.ImplementationInstance as AgentGuardSectionMarker;
        if (bound is not null)
        {
            if (ReferenceEquals(bound.Section, configuration) || SamePath(bound.Section, configuration))
            {
                return services.AddAgentGuardCore();
            }

            throw new InvalidOperationException(
                $"AddAgentGuard was already called with the section '{AgentGuardConfiguration.SectionPath(bound.Section)}'; calling it again with "
                + $"'{AgentGuardConfiguration.SectionPath(configuration)}' would merge two policies. Call AddAgentGuard once, with one section.");
        }

        services.AddSingleton(new AgentGuardSectionMarker(configuration));
        services.AddSingleton<IConfigureOptions<AgentGuardOptions>>(sp => new AgentGuardSectionBinder(configuration, sp.GetServices<AgentGuardSection>(), sp.GetService<IConfiguration>() as IConfigurationRoot));
        services.AddSingleton<IOptionsChangeTokenSource<AgentGuardOptions>>(new ConfigurationChangeTokenSource<AgentGuardOptions>(Options.Options.DefaultName, configuration));
        return services.AddAgentGuardCore();
    }

    /// <summary>Adds the AgentGuard engine configured in code.</summary>
    public static AgentGuardBuilder AddAgentGuard(this IServiceCollection services, Action<AgentGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AgentGuardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services.AddAgentGuardCore();
    }

    private static AgentGuardBuilder AddAgentGuardCore(this IServiceCollection services)
    {
        services.AddOptions<AgentGuardOptions>().ValidateOnStart();
        // ValidateOnStart resolves the monitor; the framework's would throw into configuration reloads (see the type).
        services.TryAddSingleton<IOptionsMonitor<AgentGuardOptions>>(sp => new StartupOnlyOptionsMonitor(sp.GetRequiredService<IOptionsFactory<AgentGuardOptions>>()));
        services.TryAddSingleton<ValidatedPolicies>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentGuardOptions>, AgentGuardOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AgentGuardDiagnostics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new PolicyProvider(
            sp.GetRequiredService<IOptionsFactory<AgentGuardOptions>>(),
            sp.GetServices<IOptionsChangeTokenSource<AgentGuardOptions>>(),
            sp.GetRequiredService<AgentGuardDiagnostics>(),
            LoggerFactory(sp),
            sp.GetRequiredService<ValidatedPolicies>()));
        // Session state, rate limits and pending approvals live in process by default; AgentGuard.Redis replaces them.
        services.TryAddSingleton<IRateLimitStore, RateLimiterStore>();
        services.TryAddSingleton(sp => new SessionStore(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IRateLimitStore>()));
        services.TryAddSingleton<ISessionStore>(sp => sp.GetRequiredService<SessionStore>());
        services.TryAddSingleton<IApprovalStore>(sp => new InMemoryApprovalStore(sp.GetRequiredService<TimeProvider>()));
        // Built-in detectors; a host's own registration replaces them (the last registration is the one used).
        services.TryAddSingleton<ISecretDetector, SecretDetector>();
        services.TryAddSingleton<IInjectionDetector, InjectionDetector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IToolClassifier, SecretArgumentClassifier>(sp => new SecretArgumentClassifier(sp.GetService<ISecretDetector>(), sp.GetRequiredService<PolicyProvider>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IToolClassifier, PersistencePathClassifier>(sp => new PersistencePathClassifier(sp.GetRequiredService<PolicyProvider>())));
        services.TryAddSingleton(sp => new ArgumentRedactor(Last<ISecretDetector>(sp), sp.GetService<Microsoft.Extensions.Compliance.Redaction.IRedactorProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, JsonLinesAuditSink>(sp => new JsonLinesAuditSink(sp.GetRequiredService<PolicyProvider>().Current.Options, LoggerFactory(sp), sp.GetRequiredService<AgentGuardDiagnostics>())));
        services.TryAddSingleton(sp => new DecisionAuditor(
            sp.GetRequiredService<AgentGuardDiagnostics>(),
            sp.GetServices<IAuditSink>(),
            sp.GetRequiredService<ArgumentRedactor>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactory(sp)));
        services.TryAddSingleton(sp => new ApprovalAuditor(sp.GetRequiredService<DecisionAuditor>(), sp.GetRequiredService<PolicyProvider>()));
        services.TryAddSingleton(new AgentGuard.Inference.ToolRoleCache());
        services.TryAddSingleton(sp => new ResultInspector(
            Last<ISecretDetector>(sp),
            new InjectionScreen(sp.GetService<IInjectionDetector>(), sp.GetServices<IInjectionClassifier>(), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<AgentGuardDiagnostics>(),
            LoggerFactory(sp),
            sp.GetService<AgentGuard.Inference.RoleInferenceClassifier>()));
        services.TryAddSingleton<IGuardEngine>(sp => new GuardEngine(
            sp.GetRequiredService<PolicyProvider>(),
            sp.GetRequiredService<ISessionStore>(),
            sp.GetServices<IGuardPolicy>(),
            sp.GetServices<IToolClassifier>(),
            sp.GetServices<ITrustedValueResolver>(),
            sp.GetRequiredService<AgentGuard.Inference.ToolRoleCache>(),
            sp.GetRequiredService<ResultInspector>(),
            sp.GetRequiredService<DecisionAuditor>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerFactory(sp)));
        services.TryAddSingleton(sp => new GuardContextResolver(
            sp.GetServices<IGuardContextProvider>(),
            sp.GetRequiredService<PolicyProvider>(),
            sp.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.EnvironmentName));
        services.TryAddSingleton(sp => new ToolGuard(
            sp.GetRequiredService<IGuardEngine>(),
            sp.GetRequiredService<GuardContextResolver>(),
            sp.GetServices<IApprovalHandler>(),
            sp.GetRequiredService<PolicyProvider>(),
            sp.GetRequiredService<DecisionAuditor>(),
            sp.GetRequiredService<ISessionStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ApprovalAuditor>(),
            LoggerFactory(sp).CreateLogger<ToolGuard>()));
        services.TryAddSingleton(sp => new ReplyGuard(sp.GetRequiredService<ToolGuard>(), LoggerFactory(sp).CreateLogger<ReplyGuard>()));
        return new AgentGuardBuilder(services);
    }

    private static bool SamePath(IConfiguration first, IConfiguration second)
        => first is IConfigurationSection a && second is IConfigurationSection b && string.Equals(a.Path, b.Path, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<T> Last<T>(IServiceProvider services)
        where T : class
        => services.GetService<T>() is { } last ? [last] : [];

    private static ILoggerFactory LoggerFactory(IServiceProvider services) => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
