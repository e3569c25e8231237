namespace AgentGuard.Policies;

/// <summary>The in-memory view of a call without a session: no history, labels or seen values; rate limits still count.</summary>
internal sealed class SessionlessView(IRateLimitStore rateLimits) : ISessionView
{
    public string? SessionId => null;

    public int CountRecent(ICallPattern pattern, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough) => 0;

    public bool HasAnyLabel(string[] labels) => false;

    public bool WasSeen(ValueOrigin origin, string normalizedToken) => false;

    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window) => rateLimits.Hit(ruleId, key, now, window);

    public SessionSnapshot Snapshot() => SessionSnapshot.Empty;

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
    {
    }

    public void Observe(ValueOrigin origin, string text)
    {
    }

    public string[] AddResultLabels(string? callId, string toolName, string[] labels) => [];
}
