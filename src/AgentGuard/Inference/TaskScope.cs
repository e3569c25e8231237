namespace AgentGuard;

/// <summary>
/// The tools and argument values a user's request implies (e.g. from an LLM-generated plan). It can only narrow: a call
/// outside it is not allowed by it, it only makes rules with <c>When.OutsideTaskScope</c> apply.
/// </summary>
/// <param name="Tools">Tool-name globs the task needs.</param>
/// <param name="Values">Recipient-like values the task needs (addresses, accounts, URLs); empty: any value the other rules accept.</param>
public sealed record TaskScope(IReadOnlyList<string> Tools, IReadOnlyList<string> Values);

/// <summary>Derives a task scope for a session (e.g. from the user's prompt with a planner model); registered by the host.</summary>
public interface ITaskScopeProvider
{
    /// <summary>The scope of <paramref name="context"/>'s task, or null when it cannot tell. Called once per decision; cache per prompt.</summary>
    TaskScope? GetScope(GuardContext context);
}
