using System.Collections.Concurrent;

namespace AgentGuard;

/// <summary>
/// The approvals people asked to be remembered (<see cref="ApprovalResponse.Remember"/>), per session: each covers one
/// call (tool and arguments, by fingerprint) or one tool, and only the rules whose questions it answered. Held in this
/// process and forgotten with the session's idle timeout; another replica asks again (it never allows more).
/// </summary>
internal sealed class RememberedApprovals
{
    /// <summary>Answers kept per session; the oldest goes first.</summary>
    private const int MaxPerSession = 64;

    private readonly ConcurrentDictionary<string, SessionApprovals> _sessions = new(StringComparer.Ordinal);

    /// <summary>The approver of a remembered answer that covers every rule of <paramref name="ruleIds"/> for this call; null when none does.</summary>
    public string? Covering(string? sessionId, string toolName, string fingerprint, IReadOnlyList<string> ruleIds, DateTimeOffset now, TimeSpan idleTimeout)
    {
        if (sessionId is null || ruleIds.Count == 0 || !_sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        lock (session)
        {
            if (now - session.LastUsed > idleTimeout)
            {
                _sessions.TryRemove(new KeyValuePair<string, SessionApprovals>(sessionId, session));
                return null;
            }

            foreach (var answer in session.Answers)
            {
                if (answer.Covers(toolName, fingerprint, ruleIds))
                {
                    session.LastUsed = now;
                    return answer.Approver ?? "(unnamed)";
                }
            }
        }

        return null;
    }

    /// <summary>Remembers an approval of the call for <paramref name="scope"/>, covering <paramref name="ruleIds"/>.</summary>
    public void Remember(string? sessionId, string toolName, string fingerprint, ApprovalMemory scope, IReadOnlyList<string> ruleIds, string? approver, DateTimeOffset now, int maxSessions)
    {
        if (sessionId is null || scope == ApprovalMemory.Once || ruleIds.Count == 0)
        {
            return;
        }

        if (_sessions.Count >= maxSessions && !_sessions.ContainsKey(sessionId))
        {
            ForgetOldest();
        }

        var session = _sessions.GetOrAdd(sessionId, static _ => new SessionApprovals());
        lock (session)
        {
            if (session.Answers.Count == MaxPerSession)
            {
                session.Answers.RemoveAt(0);
            }

            session.Answers.Add(new Answer(scope, toolName, scope == ApprovalMemory.SameCall ? fingerprint : null, new HashSet<string>(ruleIds, StringComparer.OrdinalIgnoreCase), approver));
            session.LastUsed = now;
        }
    }

    /// <summary>At the session limit, the session used least recently goes (a scan; only sessions with remembered answers are here).</summary>
    private void ForgetOldest()
    {
        KeyValuePair<string, SessionApprovals>? oldest = null;
        foreach (var entry in _sessions)
        {
            if (oldest is null || entry.Value.LastUsed < oldest.Value.Value.LastUsed)
            {
                oldest = entry;
            }
        }

        if (oldest is { } found)
        {
            _sessions.TryRemove(found);
        }
    }

    private sealed class SessionApprovals
    {
        public List<Answer> Answers { get; } = [];

        public DateTimeOffset LastUsed { get; set; }
    }

    /// <summary>One remembered answer: the tool, the call's fingerprint (for <see cref="ApprovalMemory.SameCall"/>), the rules it answered.</summary>
    private sealed record Answer(ApprovalMemory Scope, string ToolName, string? Fingerprint, HashSet<string> Rules, string? Approver)
    {
        public bool Covers(string toolName, string fingerprint, IReadOnlyList<string> ruleIds)
        {
            if (!string.Equals(ToolName, toolName, StringComparison.OrdinalIgnoreCase) || (Fingerprint is not null && !string.Equals(Fingerprint, fingerprint, StringComparison.Ordinal)))
            {
                return false;
            }

            foreach (var rule in ruleIds)
            {
                if (!Rules.Contains(rule))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
