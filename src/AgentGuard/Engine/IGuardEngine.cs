namespace AgentGuard;

/// <summary>
/// The policy engine every adapter asks. It never throws into the agent for a well-formed call: a failing or slow
/// rule yields a fail-safe <see cref="Decision"/> instead.
/// </summary>
public interface IGuardEngine
{
    /// <summary>Decides whether <paramref name="toolCall"/> may run, records it in the session, and audits the decision.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    ValueTask<Decision> EvaluateAsync(ToolCallEvent toolCall, GuardContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decides a batch of calls that run together or not at all (the commands of one shell line) as one decision:
    /// each part is decided and recorded in the session in order (a sequence rule sees the earlier parts), and the
    /// whole is audited once, as <paramref name="whole"/>, with each part's contribution in its evidence.
    /// </summary>
    /// <param name="parts">The calls, in the order they run; an empty batch is allowed (nothing runs).</param>
    /// <param name="whole">The call as the host runs it (the shell line), which the audit record names.</param>
    /// <param name="context">The session context.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="ArgumentNullException">An argument or a part is null.</exception>
    ValueTask<BatchDecision> EvaluateBatchAsync(IReadOnlyList<ToolCallEvent> parts, ToolCallEvent whole, GuardContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// The result hook: inspects what a tool returned before the model sees it, adds labels to the session and
    /// redacts secrets where configured.
    /// </summary>
    ValueTask<ResultInspection> InspectResultAsync(ToolCallEvent toolCall, GuardContext context, ToolResult result, CancellationToken cancellationToken = default);
}
