namespace AgentGuard.Testing.Cases;

/// <summary>The result of one case.</summary>
/// <param name="Case">The case name.</param>
/// <param name="Passed">True when every expectation held.</param>
/// <param name="Message">Why it failed (the call, the expectation, the decision and every rule's checks); null when it passed.</param>
public sealed record PolicyTestResult(string Case, bool Passed, string? Message);
