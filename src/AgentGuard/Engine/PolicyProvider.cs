using AgentGuard.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AgentGuard;

/// <summary>
/// Holds the current <see cref="CompiledPolicy"/> and reloads it when the options change (the same change tokens
/// <c>IOptionsMonitor</c> listens to). A reload that fails validation keeps the last good policy, logs an error and
/// counts a failed reload; it never throws into the configuration system's callback.
/// </summary>
internal sealed partial class PolicyProvider : IDisposable
{
    private readonly IOptionsFactory<AgentGuardOptions> _factory;
    private readonly AgentGuardDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _subscriptions = [];
    private CompiledPolicy _current;

    public PolicyProvider(
        IOptionsFactory<AgentGuardOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<AgentGuardOptions>> changeSources,
        AgentGuardDiagnostics diagnostics,
        ILoggerFactory loggerFactory)
    {
        _factory = factory;
        _diagnostics = diagnostics;
        _logger = loggerFactory.CreateLogger<PolicyProvider>();

        // At start a bad policy must stop the app: compile errors surface as AgentGuardPolicyException.
        _current = Build();
        foreach (var source in changeSources)
        {
            if (source.Name == Options.DefaultName)
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, Reload));
            }
        }
    }

    public CompiledPolicy Current => Volatile.Read(ref _current);

    /// <summary>Counts successful reloads, for tests and diagnostics.</summary>
    public int ReloadCount { get; private set; }

    /// <summary>Counts reloads rejected because the new policy was invalid.</summary>
    public int FailedReloadCount { get; private set; }

    public void Reload()
    {
        try
        {
            var policy = Build();
            Volatile.Write(ref _current, policy);
            ReloadCount++;
            _diagnostics.PolicyReloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadResult, "success"));
            LogReloaded(policy.Rules.Count);
        }
#pragma warning disable CA1031 // Any failure keeps the last good policy; it must not escape into the change-token callback.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            FailedReloadCount++;
            _diagnostics.PolicyReloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadResult, "failure"));
            LogReloadFailed(ex.Message);
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private CompiledPolicy Build()
    {
        AgentGuardOptions options;
        try
        {
            options = _factory.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            throw new AgentGuardPolicyException([.. ex.Failures], ex);
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder could not convert a value (e.g. "abc" for a number); its message names the key.
            throw new AgentGuardPolicyException(ex.Message, ex);
        }

        return PolicyCompiler.Compile(options);
    }

    [LoggerMessage(2001, LogLevel.Information, "AgentGuard policy reloaded: {RuleCount} rules.")]
    private partial void LogReloaded(int ruleCount);

    [LoggerMessage(2002, LogLevel.Error, "AgentGuard policy reload rejected; the last good policy stays in force. {Problems}")]
    private partial void LogReloadFailed(string problems);
}
