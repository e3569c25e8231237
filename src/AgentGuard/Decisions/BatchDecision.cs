namespace AgentGuard;

/// <summary>
/// The engine's answer for a batch of calls that run together or not at all (the commands of one shell line): one
/// audited <see cref="Decision"/> for the whole, and each part's own decision, which the whole's evidence summarises.
/// </summary>
/// <param name="Decision">The decision for the whole batch: deny beats require-approval beats allow.</param>
/// <param name="Parts">Each part's decision, in the order of the parts; these are not audited on their own.</param>
public sealed record BatchDecision(Decision Decision, IReadOnlyList<Decision> Parts);
