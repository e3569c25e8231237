using AgentGuard.Infrastructure;
using AgentGuard.Policies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>
/// Holds the current <see cref="CompiledPolicy"/> through <see cref="LastGoodOptions{TOptions, TValue}"/>: a bad policy
/// stops start, a bad reload keeps the last good policy, logs an error and counts a failed reload.
/// </summary>
internal sealed partial class PolicyProvider : IDisposable
{
    private readonly LastGoodOptions<AgentGuardOptions, CompiledPolicy> _policy;
    private readonly AgentGuardDiagnostics _diagnostics;
    private readonly ILogger _logger;
    private readonly ValidatedPolicies? _validated;

    public PolicyProvider(
        IOptionsFactory<AgentGuardOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<AgentGuardOptions>> changeSources,
        AgentGuardDiagnostics diagnostics,
        ILoggerFactory loggerFactory,
        ValidatedPolicies? validated = null)
    {
        _validated = validated;
        _diagnostics = diagnostics;
        _logger = loggerFactory.CreateLogger<PolicyProvider>();
        _policy = new LastGoodOptions<AgentGuardOptions, CompiledPolicy>(factory, changeSources, CompileGuarded, AgentGuardOptions.SectionName);
        _policy.Reloaded += OnReloaded;
        _policy.ReloadFailed += OnReloadFailed;
    }

    public CompiledPolicy Current => _policy.Current;

    /// <summary>Counts successful reloads, for tests and diagnostics.</summary>
    public int ReloadCount { get; private set; }

    /// <summary>Counts reloads rejected because the new policy was invalid.</summary>
    public int FailedReloadCount { get; private set; }

    /// <summary>Why the latest reload was rejected, while the last good policy is in force; null after a good reload.</summary>
    public string? LastReloadError { get; private set; }

    public void Reload() => _policy.Reload();

    /// <summary>
    /// Compiles a new policy; on a reload, refuses one that drops every rule or more than half of them unless the new
    /// section says so (<c>Reload:AllowRuleRemoval</c>): an emptied or truncated file is far likelier than intent.
    /// </summary>
    private CompiledPolicy CompileGuarded(AgentGuardOptions options)
    {
        var compiled = _validated?.Compile(options) ?? PolicyCompiler.Compile(options);
        var current = _policy?.Current;
        if (current is not null && !options.Reload.AllowRuleRemoval)
        {
            var before = current.TotalRuleCount;
            var after = compiled.TotalRuleCount;
            if (before > 0 && (after == 0 || after * 2 < before))
            {
                throw new AgentGuardPolicyException(
                    $"{AgentGuardOptions.SectionName}:Rules the reload would remove {before - after} of {before} rules; set {AgentGuardOptions.SectionName}:Reload:AllowRuleRemoval to true in the new configuration if that is intended.");
            }
        }

        return compiled;
    }

    public void Dispose() => _policy.Dispose();

    private void OnReloaded(CompiledPolicy policy)
    {
        ReloadCount++;
        LastReloadError = null;
        _diagnostics.PolicyReloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadResult, "success"));
        LogReloaded(policy.Rules.Count);
    }

    private void OnReloadFailed(Exception exception)
    {
        FailedReloadCount++;
        LastReloadError = exception.Message;
        _diagnostics.PolicyReloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadResult, "failure"));
        LogReloadFailed(exception.Message);
    }

    [LoggerMessage(2001, LogLevel.Information, "AgentGuard policy reloaded: {RuleCount} rules.")]
    private partial void LogReloaded(int ruleCount);

    [LoggerMessage(2002, LogLevel.Error, "AgentGuard policy reload rejected; the last good policy stays in force. {Problems}")]
    private partial void LogReloadFailed(LogText problems);
}
