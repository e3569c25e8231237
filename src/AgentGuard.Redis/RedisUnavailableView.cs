namespace AgentGuard.Redis;

/// <summary>
/// The view while Redis is unavailable for a read: reads throw <see cref="SessionStoreUnavailableException"/> (the
/// engine applies the configured fail-safe to each rule that needed state). Writes are still tried (a slow Redis takes
/// them; a dead one fails them at once); the decision is audited locally either way.
/// </summary>
internal sealed class RedisUnavailableView(RedisSessionStore store, SessionRequest request, FailureMode? mode, string why) : ISessionView
{
    private readonly RedisSessionView _writes = new(store, request, HistoryWindow.Empty, labels: [], seen: null, rates: null);

    public string? SessionId => request.SessionId;

    public int CountRecent(ICallPattern pattern, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough) => throw Unavailable();

    public bool HasAnyLabel(string[] labels) => throw Unavailable();

    public bool WasSeen(ValueOrigin origin, string normalizedToken) => throw Unavailable();

    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window) => throw Unavailable();

    public SessionSnapshot Snapshot() => throw Unavailable();

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
        => _writes.Record(toolName, kind, source, tags, effect, time, callId);

    public void Observe(ValueOrigin origin, string text) => _writes.Observe(origin, text);

    public string[] AddResultLabels(string? callId, string toolName, string[] labels)
    {
        _writes.AddResultLabels(callId, toolName, labels);
        return labels;
    }

    private SessionStoreUnavailableException Unavailable() => new("Redis session store unavailable: " + why, mode);
}
