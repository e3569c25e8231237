using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// What every session of one store shares — its bounds, the seen-value hasher, the rate-limit store and the name pool —
/// held once and referenced by each <see cref="SessionState"/>, so a session carries one reference instead of five fields.
/// </summary>
internal sealed class SessionShared(int maxHistory, int maxSeenValues, SeenValueHasher hasher, IRateLimitStore rateLimits, SharedNames? names)
{
    /// <summary>Calls kept per session (at least one).</summary>
    public int MaxHistory { get; } = Math.Max(1, maxHistory);

    /// <summary>Seen-value slots per origin.</summary>
    public int MaxSeenValues { get; } = maxSeenValues > 0 ? maxSeenValues : SessionLimits.DefaultMaxSeenValues;

    public SeenValueHasher Hasher { get; } = hasher;

    public IRateLimitStore RateLimits { get; } = rateLimits;

    /// <summary>The store's pool of tool and source names, or null to keep each name as given.</summary>
    public SharedNames? Names { get; } = names;
}
