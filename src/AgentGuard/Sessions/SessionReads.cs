namespace AgentGuard;

/// <summary>
/// What the candidate rules of one decision will read, declared before they run so that a remote store can fetch it
/// all in one round trip. Only built for stores whose <see cref="ISessionStore.ReadsAhead"/> is true.
/// </summary>
public sealed class SessionReads
{
    /// <summary>How many of the most recent calls sequence rules look at (0: none).</summary>
    public int HistoryDepth { get; set; }

    /// <summary>True when a rule tests the session's labels.</summary>
    public bool Labels { get; set; }

    /// <summary>True when code policies need the whole session (history and labels).</summary>
    public bool Snapshot { get; set; }

    /// <summary>Normalised values provenance rules ask about, with the origin they must have been seen in.</summary>
    public List<(ValueOrigin Origin, string Token)> Seen { get; } = [];

    /// <summary>Rate-limit counters the candidate rules may hit.</summary>
    public List<RateLimitRead> RateLimits { get; } = [];

    /// <summary>True when nothing is read.</summary>
    public bool IsEmpty => HistoryDepth == 0 && !Labels && !Snapshot && Seen.Count == 0 && RateLimits.Count == 0;
}

/// <summary>One rate-limit counter a decision may hit.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Key">The counted key (session, user, tool or global).</param>
/// <param name="Window">The sliding window.</param>
public readonly record struct RateLimitRead(string RuleId, string Key, TimeSpan Window);
