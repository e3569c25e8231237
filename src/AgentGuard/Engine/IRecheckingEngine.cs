namespace AgentGuard;

/// <summary>
/// An engine that can decide a call again after an in-process approval, as the session is by then, without recording
/// the call a second time (see <see cref="ToolGuard.ResolveApprovalAsync(ToolCallEvent, GuardContext, Decision, CancellationToken)"/>). A host's own <see cref="IGuardEngine"/>
/// that does not implement it is not asked again.
/// </summary>
internal interface IRecheckingEngine
{
    /// <summary>
    /// Decides <paramref name="toolCall"/> again. Nothing is recorded in the session and no rate limit is counted again
    /// (its first decision did both); a refusal is audited, as every refusal is.
    /// </summary>
    ValueTask<Decision> RecheckAsync(ToolCallEvent toolCall, GuardContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Decides a batch again (<see cref="IGuardEngine.EvaluateBatchAsync"/>), each part as <see cref="RecheckAsync"/>
    /// does, combined into one decision about <paramref name="whole"/>; a refusal is audited once, as the batch.
    /// </summary>
    ValueTask<Decision> RecheckBatchAsync(IReadOnlyList<ToolCallEvent> parts, ToolCallEvent whole, GuardContext context, CancellationToken cancellationToken);
}
