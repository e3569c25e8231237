using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>Adds the mediation report: <c>services.AddAgentGuard(section).AddMediationReport(o =&gt; o.RequireFullMediation = true)</c>.</summary>
public static class MediationBuilderExtensions
{
    /// <summary>
    /// Reports at start (and on demand through <see cref="MediationReporter"/>) every tool-use path and whether a hook
    /// covers it, counts executions no decision preceded, and optionally refuses to start when something is unmediated.
    /// </summary>
    public static AgentGuardBuilder AddMediationReport(this AgentGuardBuilder builder, Action<MediationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<MediationOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(new ServiceRegistrations(services));
        services.TryAddSingleton(sp => new UnmediatedToolMonitor(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), Logging(sp)));
        services.TryAddSingleton(sp => new MediationReporter(
            sp,
            sp.GetRequiredService<ServiceRegistrations>(),
            sp.GetServices<IMediationProbe>(),
            sp.GetRequiredService<UnmediatedToolMonitor>(),
            Logging(sp)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediationOptions>, MediationStartupCheck>());
        services.TryAddSingleton<MediationHealthCheck>();
        return builder;
    }

    private static ILoggerFactory Logging(IServiceProvider services) => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
