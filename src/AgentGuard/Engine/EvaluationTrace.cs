using System.Diagnostics;

namespace AgentGuard;

/// <summary>
/// How one evaluation is traced: when it started, its span, and — for one part of a batch — the batch that audits it
/// instead (the part is decided and recorded in the session, but not audited on its own). A re-check after an
/// approval (<see cref="IRecheckingEngine"/>) records nothing and audits only a refusal.
/// </summary>
internal readonly record struct EvaluationTrace(long Started, Activity? Activity, BatchTrace? Batch, bool Recheck = false);

/// <summary>What the parts of one batch leave for its single audit record: the session they were recorded in.</summary>
internal sealed class BatchTrace
{
    public ISessionView? Session { get; set; }
}
