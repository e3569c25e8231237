using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// One decision's view of a Redis-backed session: what the read round trip returned, answered in process. History
/// entries stay as Redis sent them (oldest first) and are decoded newest first only as far as a rule reads. Writes
/// (the call record, result labels, seen values, releasing unused rate-limit reservations) go out without waiting.
/// </summary>
internal sealed class RedisSessionView(
    RedisSessionStore store,
    SessionRequest request,
    HistoryWindow history,
    string[] labels,
    Dictionary<(ValueOrigin, string), bool>? seen,
    RedisSessionView.RateSlot[]? rates) : ISessionView
{
    /// <summary>Up to this many labels are searched in place; more get a set.</summary>
    private const int ScannedLabels = 8;

    private HashSet<string>? _labelSet;

    public string? SessionId => request.SessionId;

    public int CountRecent(ICallPattern pattern, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough)
    {
        var found = 0;
        var read = 0;
        var sinceMs = since == DateTimeOffset.MinValue ? long.MinValue : since.ToUnixTimeMilliseconds();
        var count = history.Count;
        for (var i = 0; i < count && (withinCalls <= 0 || read < withinCalls); i++)
        {
            // An entry not in this format (written by someone else) is skipped and not counted as a call.
            if (!history.TryReadHeader(i, store.Names, out var entry))
            {
                continue;
            }

            read++;
            if (entry.TimeMs < sinceMs)
            {
                break;
            }

            if (excludeDenied && entry.Effect == DecisionEffect.Deny)
            {
                continue;
            }

            if (pattern.Matches(entry.ToolName, entry.Tags) && ++found >= enough)
            {
                return found;
            }
        }

        return found;
    }

    public bool HasAnyLabel(string[] wanted)
    {
        foreach (var label in wanted)
        {
            if (HasLabel(label))
            {
                return true;
            }
        }

        return false;
    }

    public bool WasSeen(ValueOrigin origin, string normalizedToken)
    {
        if (request.SessionId is null)
        {
            return false;
        }

        if (seen is null || !seen.TryGetValue((origin, normalizedToken), out var found))
        {
            throw new InvalidOperationException($"The provenance of a value was asked about without being declared (origin {origin}); the rule takes its fail-safe outcome.");
        }

        return found;
    }

    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window)
    {
        if (rates is not null)
        {
            foreach (var slot in rates)
            {
                if (!slot.Used && slot.Read.RuleId == ruleId && slot.Read.Key == key)
                {
                    slot.Used = true;
                    return slot.Count;
                }
            }
        }

        throw new InvalidOperationException($"Rate limit '{ruleId}' was hit without being declared; the rule takes its fail-safe outcome.");
    }

    /// <summary>The labels this decision read (as <see cref="Snapshot"/> gives them), without decoding the history.</summary>
    public string[] CurrentLabels() => request.SessionId is null || labels.Length == 0 ? [] : [.. new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase)];

    public SessionSnapshot Snapshot()
    {
        if (request.SessionId is null)
        {
            return SessionSnapshot.Empty;
        }

        var records = new List<ToolCallRecord>(history.Count);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history.Decode(i) is { } entry)
            {
                records.Add(entry.ToRecord());
            }
        }

        return new SessionSnapshot(request.SessionId, [.. records], [.. new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase)]);
    }

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
    {
        ReleaseUnusedReservations();
        if (request.SessionId is not { } sessionId)
        {
            return;
        }

        store.Record(sessionId, request.Limits, new RecordedCall(toolName, kind, source, tags, effect, time, callId, RedisSessionStore.NextEntryId(), RedisSessionStore.Keeps(request.Limits)));
    }

    public void Observe(ValueOrigin origin, string text)
    {
        if (request.SessionId is not { } sessionId || string.IsNullOrEmpty(text))
        {
            return;
        }

        var tokens = store.HashTokens(origin, text, out var lost);
        if (tokens.Length > 0 || !lost.IsNullOrEmpty)
        {
            store.WriteResult(sessionId, request.Limits, callId: null, toolName: string.Empty, labels: [], tokens, lost);
        }
    }

    public string[] AddResultLabels(string? callId, string toolName, string[] added)
    {
        if (request.SessionId is not { } sessionId || added.Length == 0)
        {
            return [];
        }

        var fresh = new List<string>(added.Length);
        foreach (var label in added)
        {
            if (!HasLabel(label))
            {
                fresh.Add(label);
            }
        }

        store.WriteResult(sessionId, request.Limits, callId, toolName, added, []);
        return [.. fresh];
    }

    private bool HasLabel(string label)
    {
        if (labels.Length <= ScannedLabels)
        {
            foreach (var known in labels)
            {
                if (string.Equals(known, label, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        return (_labelSet ??= new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase)).Contains(label);
    }

    /// <summary>Counters hit ahead for rules whose rate-limit condition was never reached are given back.</summary>
    private void ReleaseUnusedReservations()
    {
        if (rates is null)
        {
            return;
        }

        foreach (var slot in rates)
        {
            if (!slot.Used)
            {
                var key = store.Keys.RateLimit(slot.Read.RuleId, slot.Read.Key);
                var member = slot.Member;
                store.Send(store.ReleaseWrites, (key, member), static (database, release) => database.SortedSetRemoveAsync(release.key, release.member));
            }
        }
    }

    /// <summary>A rate-limit counter hit ahead: its count including this call, and the member to remove if unused.</summary>
    internal sealed class RateSlot(RateLimitRead read, long count, byte[] member)
    {
        public RateLimitRead Read { get; } = read;

        public long Count { get; } = count;

        public byte[] Member { get; } = member;

        public bool Used { get; set; }
    }
}
