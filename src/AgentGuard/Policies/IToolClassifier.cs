namespace AgentGuard;

/// <summary>
/// Adds tags or raises risk for a call from what only the host knows, e.g. a document's sensitivity label looked up
/// from a file-id argument. Runs on every call, so keep it fast; it shares the evaluation time budget.
/// </summary>
public interface IToolClassifier
{
    /// <summary>Adds tags for <paramref name="toolCall"/> to <paramref name="tags"/>; returns the risk it assigns (or <see cref="RiskLevel.Unknown"/>).</summary>
    RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags);
}
