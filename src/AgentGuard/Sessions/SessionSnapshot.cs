namespace AgentGuard;

/// <summary>A read-only copy of a session's state: its bounded history of calls and the labels it has accumulated.</summary>
public sealed class SessionSnapshot
{
    /// <summary>A session with no history and no labels.</summary>
    public static SessionSnapshot Empty { get; } = new(null, [], []);

    /// <summary>Creates a snapshot.</summary>
    public SessionSnapshot(string? sessionId, IReadOnlyList<ToolCallRecord> history, IReadOnlyCollection<string> labels)
    {
        SessionId = sessionId;
        History = history ?? throw new ArgumentNullException(nameof(history));
        Labels = labels ?? throw new ArgumentNullException(nameof(labels));
    }

    /// <summary>The session id, or <see langword="null"/> for a call without a session.</summary>
    public string? SessionId { get; }

    /// <summary>Earlier calls, oldest first, at most <c>Sessions:MaxHistory</c> of them.</summary>
    public IReadOnlyList<ToolCallRecord> History { get; }

    /// <summary>Labels accumulated by the session (e.g. <c>untrusted</c>, <c>secret-seen</c>). Labels never go away within a session.</summary>
    public IReadOnlyCollection<string> Labels { get; }
}
