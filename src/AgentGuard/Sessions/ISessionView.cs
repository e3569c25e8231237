namespace AgentGuard;

/// <summary>
/// One decision's view of its session and rate limits, answered synchronously (from live memory or from what the store
/// fetched ahead). Reads of a view whose store is unreachable throw <see cref="SessionStoreUnavailableException"/>.
/// </summary>
public interface ISessionView
{
    /// <summary>The session id, or <see langword="null"/> for a call without a session.</summary>
    string? SessionId { get; }

    /// <summary>Counts recent calls that match, newest first, stopping at <paramref name="enough"/>.</summary>
    int CountRecent(ICallPattern pattern, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough);

    /// <summary>True when the session carries any of <paramref name="labels"/>.</summary>
    bool HasAnyLabel(string[] labels);

    /// <summary>True when the session saw <paramref name="normalizedToken"/> (see <see cref="SeenTokens"/>) from <paramref name="origin"/>.</summary>
    bool WasSeen(ValueOrigin origin, string normalizedToken);

    /// <summary>
    /// As <see cref="WasSeen"/>, but only for text the session still holds: a store that also remembers, inexactly, what
    /// it forgot (so forgetting cannot launder a value) answers here without that memory. For rules where a false "seen"
    /// asks for nothing but noise (a tool named by a result); provenance keeps <see cref="WasSeen"/>.
    /// </summary>
    bool WasSeenInHeldText(ValueOrigin origin, string normalizedToken) => WasSeen(origin, normalizedToken);

    /// <summary>
    /// True when <paramref name="normalizedToken"/> was seen in untrusted content before any trusted tool returned it:
    /// value-level taint, so a trusted tool echoing an attacker's value does not launder it. Stores that do not keep the
    /// order answer whether it was seen in untrusted content at all (the safe side).
    /// </summary>
    bool WasFirstSeenUntrusted(string normalizedToken) => WasSeen(ValueOrigin.Untrusted, normalizedToken);

    /// <summary>Records a hit on a rate-limit counter and returns how many hits fall within the window, including it.</summary>
    long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window);

    /// <summary>The session's labels now (for the audit record), without copying its history as <see cref="Snapshot"/> does.</summary>
    string[] CurrentLabels() => [.. Snapshot().Labels];

    /// <summary>A read-only copy of the session, for code policies.</summary>
    SessionSnapshot Snapshot();

    /// <summary>Records the decided call. Never throws; a remote store writes without waiting.</summary>
    void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId);

    /// <summary>Remembers the values a tool result contained, as seen from <paramref name="origin"/>.</summary>
    void Observe(ValueOrigin origin, string text);

    /// <summary>
    /// As <see cref="Observe(ValueOrigin, string)"/>, naming the tool whose result it was, so a decision's evidence can
    /// say where a value was first seen. Stores that keep no sources record the values only.
    /// </summary>
    void Observe(ValueOrigin origin, string text, string? source) => Observe(origin, text);

    /// <summary>
    /// The tool whose untrusted result first contained <paramref name="normalizedToken"/>, when the store keeps sources;
    /// <see langword="null"/> otherwise.
    /// </summary>
    string? FirstSeenUntrustedIn(string normalizedToken) => null;

    /// <summary>Adds labels from a result, attaches them to the call's record, and returns the labels that were new.</summary>
    string[] AddResultLabels(string? callId, string toolName, string[] labels);
}
