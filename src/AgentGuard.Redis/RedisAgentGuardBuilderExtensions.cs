using AgentGuard;
using AgentGuard.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Shares session state (history, labels, seen values), rate-limit counters and pending approvals between replicas
/// through Redis: <c>services.AddAgentGuard(config.GetSection("AgentGuard")).AddRedis(config.GetSection("AgentGuard:Redis"))</c>.
/// </summary>
public static class RedisAgentGuardBuilderExtensions
{
    /// <summary>Uses Redis configured from a section (<see cref="RedisStoreOptions"/>: Configuration, Password, Ssl, KeyPrefix, HmacKey, …).</summary>
    public static AgentGuardBuilder AddRedis(this AgentGuardBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<RedisStoreOptions>().Bind(section);
        return builder.AddRedisCore(multiplexer: null);
    }

    /// <summary>Uses Redis at <paramref name="configuration"/> (a StackExchange.Redis configuration string).</summary>
    public static AgentGuardBuilder AddRedis(this AgentGuardBuilder builder, string configuration, Action<RedisStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        builder.Services.AddOptions<RedisStoreOptions>().Configure(options =>
        {
            options.Configuration = configuration;
            configure?.Invoke(options);
        });
        return builder.AddRedisCore(multiplexer: null);
    }

    /// <summary>Uses the host's multiplexer (its lifetime stays the host's).</summary>
    public static AgentGuardBuilder AddRedis(this AgentGuardBuilder builder, IConnectionMultiplexer multiplexer, Action<RedisStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(multiplexer);
        var options = builder.Services.AddOptions<RedisStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.AddRedisCore(multiplexer);
    }

    private static AgentGuardBuilder AddRedisCore(this AgentGuardBuilder builder, IConnectionMultiplexer? multiplexer)
    {
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(RedisMultiplexerSource)))
        {
            // Start-up validation of the AgentGuard section then knows the Redis keys (AgentGuard:Redis:…).
            services.AddSingleton(AgentGuardSection.For<RedisStoreOptions>("Redis"));
        }

        services.AddOptions<RedisStoreOptions>().ValidateOnStart();
        services.TryAddSingleton(new RedisMultiplexerSource(multiplexer));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisStoreOptions>, RedisStoreOptionsValidator>());
        services.TryAddSingleton(sp => RedisStoreSettings.From(sp.GetRequiredService<IOptions<RedisStoreOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisMultiplexerSource>().Multiplexer is { } given
            ? new RedisConnection(given)
            : new RedisConnection(sp.GetRequiredService<IOptions<RedisStoreOptions>>().Value, sp.GetRequiredService<RedisStoreSettings>()));
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<RedisStoreSettings>();
            return new RedisCircuit(settings.BreakAfterFailures, settings.BreakDuration, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        services.TryAddSingleton(sp =>
        {
            var circuit = sp.GetRequiredService<RedisCircuit>();
            var settings = sp.GetRequiredService<RedisStoreSettings>();
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("AgentGuard.Redis");
            var diagnostics = new RedisStoreDiagnostics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), logger, () => circuit.IsOpen);
            circuit.StateChanged += open => diagnostics.CircuitChanged(open, settings.BreakAfterFailures, settings.BreakDuration);
            return diagnostics;
        });
        services.TryAddSingleton(sp => new RedisSessionStore(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<RedisStoreSettings>(),
            sp.GetRequiredService<RedisCircuit>(),
            sp.GetRequiredService<RedisStoreDiagnostics>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<RecordScheduler>()));
        services.Replace(ServiceDescriptor.Singleton<ISessionStore>(sp => sp.GetRequiredService<RedisSessionStore>()));
        services.Replace(ServiceDescriptor.Singleton<IApprovalStore>(sp => new RedisApprovalStore(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<RedisSessionStore>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System)));
        services.TryAddSingleton(sp => new RedisStoreHealthCheck(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<RedisSessionStore>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
