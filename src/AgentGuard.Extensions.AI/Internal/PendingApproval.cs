namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// The placeholder result of a call that waits for a person's approval. It never reaches the model: the approval flow
/// turns the call into a <c>ToolApprovalRequestContent</c> and drops this result. The pending request (with the call's
/// fingerprint) is already in the approval store when this is returned.
/// </summary>
/// <param name="Message">The neutral text shown if the placeholder escapes the flow.</param>
/// <param name="RequestId">The approval request issued for the call (a nonce, never the model's call id).</param>
internal sealed record PendingApproval(string Message, string RequestId)
{
    public override string ToString() => Message;
}
