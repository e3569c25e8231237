using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentGuard;

/// <summary>
/// AgentGuard's OpenTelemetry surface: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named
/// <c>AgentGuard</c>. Instruments: <c>agentguard.decisions</c> ({decision}), <c>agentguard.evaluation.duration</c> (s),
/// <c>agentguard.policy.reloads</c> ({reload}), <c>agentguard.result.findings</c> ({finding}),
/// <c>agentguard.audit.dropped</c> ({record}).
/// <c>agentguard.approvals</c> ({approval}).
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
        EvaluationDuration = _meter.CreateHistogram(
            "agentguard.evaluation.duration",
            "s",
            "Time to decide one tool call.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EvaluationBuckets });
        PolicyReloads = _meter.CreateCounter<long>("agentguard.policy.reloads", "{reload}", "Policy reloads, by result (success or failure).");
        ResultFindings = _meter.CreateCounter<long>("agentguard.result.findings", "{finding}", "Findings of the result hook (secrets, injected instructions).");
        AuditDropped = _meter.CreateCounter<long>("agentguard.audit.dropped", "{record}", "Audit records a sink could not keep (the queue stayed full past its wait bound).");
        Approvals = _meter.CreateCounter<long>("agentguard.approvals", "{approval}", "Answered approval requests, by outcome (approved, rejected, timed_out, failed, no_approver).");
    }

    /// <summary>
    /// The bucket boundaries advised for <c>agentguard.evaluation.duration</c>, in seconds: a decision takes
    /// microseconds, a code policy or a detector on a large argument a few milliseconds, so the default buckets
    /// (which start at 5 ms) would put every sample in the first one.
    /// </summary>
    public static IReadOnlyList<double> EvaluationBuckets { get; } =
    [
        0.000_001, 0.000_002_5, 0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5,
        0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
    ];

    /// <summary>The activity source for one span per evaluation.</summary>
    public ActivitySource ActivitySource { get; } = new(Name);

    internal Counter<long> Decisions { get; }

    internal Histogram<double> EvaluationDuration { get; }

    internal Counter<long> PolicyReloads { get; }

    internal Counter<long> ResultFindings { get; }

    internal Counter<long> AuditDropped { get; }
    internal Counter<long> Approvals { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }
}
