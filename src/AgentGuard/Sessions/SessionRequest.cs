namespace AgentGuard;

/// <summary>What the engine asks a session store for one decision or one result.</summary>
/// <param name="SessionId">The session, or <see langword="null"/> for a call without one.</param>
/// <param name="Prompt">The user's prompt, recorded as seen from <see cref="ValueOrigin.Prompt"/> before any rule reads.</param>
/// <param name="Limits">Session bounds from configuration.</param>
/// <param name="Now">The decision time.</param>
/// <param name="Reads">What the rules will read; <see langword="null"/> for stores that answer in process.</param>
public readonly record struct SessionRequest(string? SessionId, string? Prompt, SessionLimits Limits, DateTimeOffset Now, SessionReads? Reads)
{
    /// <summary>The session, or <see langword="null"/> for a call without one; an id longer than 256 characters is given as its SHA-256 (<c>sha256:</c> and 32 hex digits), so a store never keeps a huge id.</summary>
    public string? SessionId { get; init; } = Policies.SessionKeys.Bound(SessionId);
}
