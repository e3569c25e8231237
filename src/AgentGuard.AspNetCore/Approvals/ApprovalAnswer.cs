namespace AgentGuard.AspNetCore;

/// <summary>A person's answer, as posted to the approve and reject endpoints.</summary>
/// <param name="Fingerprint">The fingerprint of the call the person was shown; the answer applies to that call only.</param>
/// <param name="Reason">Why; required to reject.</param>
public sealed record ApprovalAnswer(string? Fingerprint, string? Reason);
