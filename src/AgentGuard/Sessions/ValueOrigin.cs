namespace AgentGuard.Policies;

/// <summary>Where a value the session saw came from, for provenance rules.</summary>
internal enum ValueOrigin
{
    Prompt,
    Trusted,
    Untrusted,
}
