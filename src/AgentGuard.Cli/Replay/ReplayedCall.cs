namespace AgentGuard.Cli.Replay;

/// <summary>One recorded call decided again.</summary>
/// <param name="Entry">The record.</param>
/// <param name="Effect">The policy's effect now.</param>
/// <param name="Rules">The deciding rules now.</param>
/// <param name="Caveat">Why this decision may differ from what the live engine would decide (redacted arguments, provenance); null when it is exact.</param>
internal sealed record ReplayedCall(AuditEntry Entry, DecisionEffect Effect, IReadOnlyList<string> Rules, string? Caveat);
