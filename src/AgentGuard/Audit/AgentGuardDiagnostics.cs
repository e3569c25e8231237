using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentGuard;

/// <summary>
/// AgentGuard's OpenTelemetry surface: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named
/// <c>AgentGuard</c>. Instruments: <c>agentguard.decisions</c> ({decision}), <c>agentguard.evaluation.duration</c> (s),
/// <c>agentguard.policy.reloads</c> ({reload}), <c>agentguard.result.findings</c> ({finding}),
/// <c>agentguard.audit.dropped</c> ({record}).
/// </summary>
public sealed class AgentGuardDiagnostics : IDisposable
{
    /// <summary>The name of the activity source and meter.</summary>
    public const string Name = "AgentGuard";

    private readonly Meter _meter;

    /// <summary>Creates the instruments from the host's meter factory, or a meter of AgentGuard's own when there is none.</summary>
    public AgentGuardDiagnostics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Decisions = _meter.CreateCounter<long>("agentguard.decisions", "{decision}", "Tool-call decisions, by decision, rule, hook and tool.");
        EvaluationDuration = _meter.CreateHistogram<double>("agentguard.evaluation.duration", "s", "Time to decide one tool call.");
        PolicyReloads = _meter.CreateCounter<long>("agentguard.policy.reloads", "{reload}", "Policy reloads, by result (success or failure).");
        ResultFindings = _meter.CreateCounter<long>("agentguard.result.findings", "{finding}", "Findings of the result hook (secrets, injected instructions).");
        AuditDropped = _meter.CreateCounter<long>("agentguard.audit.dropped", "{record}", "Audit records a sink could not keep (the queue stayed full past its wait bound).");
    }

    /// <summary>The activity source for one span per evaluation.</summary>
    public ActivitySource ActivitySource { get; } = new(Name);

    internal Counter<long> Decisions { get; }

    internal Histogram<double> EvaluationDuration { get; }

    internal Counter<long> PolicyReloads { get; }

    internal Counter<long> ResultFindings { get; }

    internal Counter<long> AuditDropped { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
