namespace AgentGuard.Policies;

/// <summary>The view of a store that failed to open: every read throws <see cref="SessionStoreUnavailableException"/>, writes are dropped.</summary>
internal sealed class SessionStoreFailure(string? sessionId, Exception? cause) : ISessionView
{
    /// <summary>A placeholder while candidate rules declare their reads; nothing may read it.</summary>
    public static readonly ISessionView NoSession = new SessionStoreFailure(null, null);

    public string? SessionId => sessionId;

    public int CountRecent(ICallPattern pattern, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough) => throw Unavailable();

    public bool HasAnyLabel(string[] labels) => throw Unavailable();

    public bool WasSeen(ValueOrigin origin, string normalizedToken) => throw Unavailable();

    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window) => throw Unavailable();

    public SessionSnapshot Snapshot() => throw Unavailable();

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
    {
    }

    public void Observe(ValueOrigin origin, string text)
    {
    }

    public string[] AddResultLabels(string? callId, string toolName, string[] labels) => [];

    private SessionStoreUnavailableException Unavailable()
        => cause is null ? new SessionStoreUnavailableException() : new SessionStoreUnavailableException("the session store failed: " + cause.Message, cause);
}
