namespace AgentGuard;

/// <summary>
/// The session as a re-check after an approval sees it (<see cref="IRecheckingEngine"/>): everything it has seen and
/// recorded is read through, nothing is written, and a rate limit counts nothing more — the call's first decision
/// counted it, and the re-check is not a call of its own.
/// </summary>
internal sealed class RecheckView(ISessionView inner) : ISessionView
{
    public string? SessionId => inner.SessionId;

    public int CountRecent(ICallPattern pattern, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough)
        => inner.CountRecent(pattern, withinCalls, since, excludeDenied, enough);

    public bool HasAnyLabel(string[] labels) => inner.HasAnyLabel(labels);

    public bool WasSeen(ValueOrigin origin, string normalizedToken) => inner.WasSeen(origin, normalizedToken);

    public bool WasSeenInHeldText(ValueOrigin origin, string normalizedToken) => inner.WasSeenInHeldText(origin, normalizedToken);

    public bool WasFirstSeenUntrusted(string normalizedToken) => inner.WasFirstSeenUntrusted(normalizedToken);

    public string? FirstSeenUntrustedIn(string normalizedToken) => inner.FirstSeenUntrustedIn(normalizedToken);

    /// <summary>Nothing over the limit: the first decision was judged on this call's hit.</summary>
    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window) => 0;

    public string[] CurrentLabels() => inner.CurrentLabels();

    public SessionSnapshot Snapshot() => inner.Snapshot();

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
    {
    }

    public void Observe(ValueOrigin origin, string text)
    {
    }

    public void Observe(ValueOrigin origin, string text, string? source)
    {
    }

    public string[] AddResultLabels(string? callId, string toolName, string[] labels) => [];
}
