namespace AgentGuard;

/// <summary>
/// Records approval answers as first-class audit events — who answered, when, the call fingerprint and the outcome —
/// through the log (event 1009), the <c>agentguard.approvals{agentguard.approval.outcome}</c> metric, an event on the
/// current span and every <see cref="IAuditSink"/>. <see cref="ToolGuard"/> records the answers of in-process
/// <see cref="IApprovalHandler"/>s itself; adapters with a native approval flow call <see cref="Record"/>.
/// </summary>
public sealed class ApprovalAuditor
{
    private readonly DecisionAuditor _auditor;
    private readonly PolicyProvider _policies;

    internal ApprovalAuditor(DecisionAuditor auditor, PolicyProvider policies)
    {
        _auditor = auditor;
        _policies = policies;
    }

    /// <summary>Records how one approval request ended.</summary>
    /// <param name="request">The request (call, context, deciding rules, fingerprint).</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="approver">Who answered, when a person did.</param>
    /// <param name="reason">The approver's reason, or why nobody answered.</param>
    /// <returns>The audit entry that was recorded.</returns>
    public ApprovalAuditEntry Record(ApprovalRequest request, ApprovalOutcome outcome, string? approver = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new ApprovalAuditEntry(outcome, request.Fingerprint, approver, reason);
        _auditor.AuditApproval(_policies.Current, request, entry);
        return entry;
    }
}
