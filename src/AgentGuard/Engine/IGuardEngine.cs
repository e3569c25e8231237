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
    /// The result hook: inspects what a tool returned before the model sees it, adds labels to the session and
    /// redacts secrets where configured.
    /// </summary>
    ValueTask<ResultInspection> InspectResultAsync(ToolCallEvent toolCall, GuardContext context, ToolResult result, CancellationToken cancellationToken = default);
}
