namespace AgentGuard;

/// <summary>The bounds on session memory from <c>Sessions</c> configuration.</summary>
/// <param name="MaxHistory">Calls kept per session.</param>
/// <param name="IdleTimeout">How long an unused session is kept.</param>
/// <param name="MaxSessions">Sessions kept in one process (in-memory store only).</param>
public readonly record struct SessionLimits(int MaxHistory, TimeSpan IdleTimeout, int MaxSessions)
{
    /// <summary>The default of <see cref="MaxSeenValues"/>.</summary>
    public const int DefaultMaxSeenValues = 192;

    /// <summary>The default of <see cref="MaxRateLimitCounters"/>.</summary>
    public const int DefaultMaxRateLimitCounters = 100_000;

    /// <summary>
    /// Seen values kept per origin (prompt, trusted, untrusted) per session, in 8-byte slots (one per value, one per
    /// text); the oldest texts go first. 0 means <see cref="DefaultMaxSeenValues"/>.
    /// </summary>
    public int MaxSeenValues { get; init; }

    /// <summary>Rate-limit counters kept in one process (in-memory store only). 0 means <see cref="DefaultMaxRateLimitCounters"/>.</summary>
    public int MaxRateLimitCounters { get; init; }

    /// <summary>
    /// The most hits one rate-limit counter keeps: one more than the largest <c>When.RateLimit.Max</c> of the policy,
    /// which decides every rule exactly. 0 means no rule limits rates (a counter then keeps what its window holds).
    /// </summary>
    public int RateLimitHitsKept { get; init; }

    /// <summary><see cref="MaxSeenValues"/> with its default applied.</summary>
    internal int SeenSlots => MaxSeenValues > 0 ? MaxSeenValues : DefaultMaxSeenValues;

    /// <summary><see cref="MaxRateLimitCounters"/> with its default applied.</summary>
    internal int RateLimitCounters => MaxRateLimitCounters > 0 ? MaxRateLimitCounters : DefaultMaxRateLimitCounters;
}
