namespace AgentGuard;

/// <summary>
/// Asks a human to approve one exact call, in-process (a console prompt, a Teams card, a ticket). Register one in DI
/// for hosts without an approval UI loop. An unanswered request times out to deny (<c>Approval:Timeout</c>).
/// </summary>
public interface IApprovalHandler
{
    /// <summary>Asks for approval of <see cref="ApprovalRequest.ToolCall"/> with exactly its arguments.</summary>
    ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken);
}

/// <summary>One approval question.</summary>
/// <param name="ToolCall">The exact call, arguments included.</param>
/// <param name="Context">The session it belongs to.</param>
/// <param name="Decision">The decision that asked for approval (reason, rules).</param>
/// <param name="Fingerprint">A hash of the tool name and canonical arguments; an approval applies to this fingerprint only.</param>
public sealed record ApprovalRequest(ToolCallEvent ToolCall, GuardContext Context, Decision Decision, string Fingerprint);

/// <summary>A human's answer.</summary>
/// <param name="Approved">True to let the call run.</param>
/// <param name="Approver">Who answered, for the audit trail.</param>
/// <param name="Reason">Why, for the audit trail and (on rejection) the model.</param>
public sealed record ApprovalResponse(bool Approved, string? Approver = null, string? Reason = null)
{
    /// <summary>
    /// How long an approval holds in its session: <see cref="ApprovalMemory.Once"/> (the default), the same call, or the
    /// same tool; never beyond the policy's <c>Approval:Remember</c>, and only for the questions this answer answered.
    /// </summary>
    public ApprovalMemory Remember { get; init; }
}
