namespace AgentGuard.Policies;

/// <summary>
/// One session's memory: a bounded ring of recent calls (structs, grown on demand so idle sessions stay small), the
/// labels it has accumulated, and a bounded set of tokens it has seen by origin, for provenance rules. Thread-safe.
/// The in-memory <see cref="ISessionView"/>: reads are live, so nothing is fetched or allocated per decision.
/// </summary>
internal sealed class SessionState : ISessionView
{
    /// <summary>The most tokens kept per origin; the oldest go first.</summary>
    internal const int MaxSeenTokens = 16 * 1024;

    private readonly object _gate = new();
    private readonly int _maxHistory;
    private Entry[] _entries = [];
    private int _start;
    private int _count;
    private HashSet<string>? _labels;
    private SeenSet?[]? _seen;
    private string? _lastPrompt;
    private readonly IRateLimitStore _rateLimits;

    public SessionState(string id, int maxHistory, long now, IRateLimitStore? rateLimits = null)
    {
        Id = id;
        _rateLimits = rateLimits ?? new RateLimiterStore();
        _maxHistory = Math.Max(1, maxHistory);
        LastTouched = now;
    }

    public string Id { get; }

    string? ISessionView.SessionId => Id;

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last use, for idle expiry.</summary>
    public long LastTouched { get; set; }

    public int HistoryCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
    {
        lock (_gate)
        {
            if (_count == _entries.Length && _entries.Length < _maxHistory)
            {
                Grow();
            }

            var index = (_start + _count) % _entries.Length;
            if (_count == _entries.Length)
            {
                _start = (_start + 1) % _entries.Length;
            }
            else
            {
                _count++;
            }

            _entries[index] = new Entry(toolName, kind, source, tags, effect, time, callId, []);
        }
    }

    /// <summary>Attaches labels to the most recent record with <paramref name="callId"/> (or the most recent record of the tool).</summary>
    public void AttachResultLabels(string? callId, string toolName, string[] labels)
    {
        lock (_gate)
        {
            for (var i = _count - 1; i >= 0; i--)
            {
                ref var entry = ref _entries[(_start + i) % _entries.Length];
                if (callId is not null ? entry.CallId == callId : string.Equals(entry.ToolName, toolName, StringComparison.OrdinalIgnoreCase))
                {
                    entry = entry with { ResultLabels = [.. entry.ResultLabels, .. labels] };
                    return;
                }
            }
        }
    }

    /// <summary>Counts recent calls the sequence matches, stopping once <paramref name="enough"/> are found.</summary>
    public int CountRecent(ICallPattern sequence, int withinCalls, DateTimeOffset since, bool excludeDenied, int enough)
    {
        lock (_gate)
        {
            var found = 0;
            var limit = withinCalls > 0 ? Math.Min(withinCalls, _count) : _count;
            for (var i = 0; i < limit; i++)
            {
                ref readonly var entry = ref _entries[(_start + _count - 1 - i) % _entries.Length];
                if (entry.Time < since)
                {
                    break;
                }

                if (excludeDenied && entry.Effect == DecisionEffect.Deny)
                {
                    continue;
                }

                if (sequence.Matches(entry.ToolName, entry.Tags) && ++found >= enough)
                {
                    return found;
                }
            }

            return found;
        }
    }

    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window) => _rateLimits.Hit(ruleId, key, now, window);

    public string[] AddResultLabels(string? callId, string toolName, string[] labels)
    {
        var added = AddLabels(labels);
        AttachResultLabels(callId, toolName, labels);
        return added;
    }

    public bool HasAnyLabel(string[] labels)
    {
        lock (_gate)
        {
            if (_labels is null)
            {
                return false;
            }

            foreach (var label in labels)
            {
                if (_labels.Contains(label))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Adds labels; returns the ones that were new.</summary>
    public string[] AddLabels(IEnumerable<string> labels)
    {
        lock (_gate)
        {
            _labels ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            List<string>? added = null;
            foreach (var label in labels)
            {
                if (_labels.Add(label))
                {
                    (added ??= []).Add(label);
                }
            }

            return added is null ? [] : [.. added];
        }
    }

    /// <summary>
    /// Remembers the tokens of text the session saw (<see cref="SeenTokens"/>), bounded to <see cref="MaxSeenTokens"/>
    /// per origin; the oldest go first. A prompt repeated on every call is tokenised once.
    /// </summary>
    public void Observe(ValueOrigin origin, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        lock (_gate)
        {
            if (origin == ValueOrigin.Prompt)
            {
                if (ReferenceEquals(text, _lastPrompt) || text == _lastPrompt)
                {
                    return;
                }

                _lastPrompt = text;
            }
        }

        var tokens = SeenTokens.Extract(text);
        if (tokens.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _seen ??= new SeenSet?[3];
            var set = _seen[(int)origin] ??= new SeenSet();
            foreach (var token in tokens)
            {
                set.Add(token);
            }
        }
    }

    public bool WasSeen(ValueOrigin origin, string normalizedToken)
    {
        lock (_gate)
        {
            return _seen?[(int)origin]?.Contains(normalizedToken) == true;
        }
    }

    public SessionSnapshot Snapshot()
    {
        lock (_gate)
        {
            var history = new ToolCallRecord[_count];
            for (var i = 0; i < _count; i++)
            {
                var e = _entries[(_start + i) % _entries.Length];
                history[i] = new ToolCallRecord
                {
                    ToolName = e.ToolName,
                    Kind = e.Kind,
                    Source = e.Source,
                    Tags = e.Tags,
                    Effect = e.Effect,
                    Timestamp = e.Time,
                    CallId = e.CallId,
                    ResultLabels = e.ResultLabels,
                };
            }

            return new SessionSnapshot(Id, history, _labels is null ? [] : [.. _labels]);
        }
    }

    private void Grow()
    {
        var size = Math.Min(_maxHistory, Math.Max(4, _entries.Length * 2));
        var grown = new Entry[size];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _entries[(_start + i) % _entries.Length];
        }

        _entries = grown;
        _start = 0;
    }

    private readonly record struct Entry(string ToolName, ToolKind Kind, string? Source, string[] Tags, DecisionEffect Effect, DateTimeOffset Time, string? CallId, string[] ResultLabels);

    /// <summary>Tokens of one origin, oldest first, at most <see cref="MaxSeenTokens"/>.</summary>
    private sealed class SeenSet
    {
        private readonly Queue<string> _order = new();
        private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);

        public void Add(string token)
        {
            if (!_tokens.Add(token))
            {
                return;
            }

            _order.Enqueue(token);
            while (_order.Count > MaxSeenTokens)
            {
                _tokens.Remove(_order.Dequeue());
            }
        }

        public bool Contains(string token) => _tokens.Contains(token);
    }
}
