namespace AgentGuard;

/// <summary>The approval part of an <see cref="AuditRecord"/>: who answered, how, and the exact call it was bound to.</summary>
/// <param name="Outcome">How the request ended.</param>
/// <param name="Fingerprint">The call fingerprint (<see cref="CallFingerprint"/>) the answer applies to.</param>
/// <param name="Approver">Who answered, when a person did.</param>
/// <param name="Reason">The approver's reason, or why no person answered.</param>
public sealed record ApprovalAuditEntry(ApprovalOutcome Outcome, string Fingerprint, string? Approver = null, string? Reason = null);
