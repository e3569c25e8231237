using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// One session's memory: a bounded ring of recent calls (structs, grown on demand so idle sessions stay small), the
/// labels it has accumulated, and the values it has seen by origin (bounded), for provenance rules. Thread-safe.
/// The in-memory <see cref="ISessionView"/>: reads are live, so nothing is fetched or allocated per decision.
/// </summary>
/// <remarks>
/// The session guards its state with a <see cref="SpinGate"/>, an int of its own: no lock object per session (what a
/// store of 100,000 sessions that each die old is made of), and a quarter of a monitor's cost on every recorded call.
/// Critical sections call nothing that takes the gate again.
/// </remarks>
internal sealed class SessionState : ISessionView
{
    private const int StackHashes = 64;

    private readonly SessionShared _shared;
    private Entry _first;
    private Entry[] _entries = [];
    private int _start;
    private int _count;
    private SessionMemory? _memory;
    private long _lastTouched;
    private int _touches;
    private int _evicted;
    private int _gate;

    /// <summary>The <see cref="SessionTable"/> slot holding this session (set when it is added; written under the table's lock).</summary>
    internal int TableSlot;

    /// <summary>A session of a store: bounds, hasher, rate-limit store and name pool come from <paramref name="shared"/>.</summary>
    public SessionState(string id, SessionShared shared, long now)
    {
        Id = id;
        IdHash = id.GetHashCode(StringComparison.Ordinal);
        _shared = shared;
        _lastTouched = now;
    }

    /// <summary>A session on its own (tests): keeping <paramref name="maxHistory"/> calls and <paramref name="maxSeenValues"/> seen-value slots per origin, with its own hasher and rate-limit store.</summary>
    public SessionState(string id, int maxHistory, long now, int maxSeenValues = SessionLimits.DefaultMaxSeenValues)
        : this(id, new SessionShared(maxHistory, maxSeenValues, SeenValueHasher.CreateRandom(), new RateLimiterStore(), names: null), now)
    {
    }

    public string Id { get; }

    /// <summary>The id's hash (randomised per process, so ids cannot be chosen to collide), for <see cref="SessionTable"/>.</summary>
    public int IdHash { get; }

    string? ISessionView.SessionId => Id;

    /// <summary>The time of the last use on the store's <see cref="IdleClock"/>, for idle expiry.</summary>
    public long LastTouched
    {
        get => Volatile.Read(ref _lastTouched);
        set => Volatile.Write(ref _lastTouched, value);
    }

    /// <summary>How many times the session was opened: an evictor compares it before and after choosing the session.</summary>
    public int Touches => Volatile.Read(ref _touches);

    /// <summary>True once the store evicted the session; a caller holding it opens the session again.</summary>
    public bool IsEvicted => Volatile.Read(ref _evicted) != 0;

    /// <summary>
    /// Marks a use at <paramref name="now"/>; false when the session was evicted (the caller must look it up again).
    /// Paired with <see cref="TryMarkEvicted"/>: each side writes with a full fence, then reads the other's field, so
    /// either the evictor sees this touch and keeps the session, or this call sees the eviction and retries.
    /// </summary>
    public bool Touch(long now)
    {
        Interlocked.Increment(ref _touches);
        Volatile.Write(ref _lastTouched, now);
        return Volatile.Read(ref _evicted) == 0;
    }

    /// <summary>Marks the session evicted unless it was opened since the evictor read <paramref name="touches"/>.</summary>
    public bool TryMarkEvicted(int touches)
    {
        if (Interlocked.CompareExchange(ref _evicted, 1, 0) != 0)
        {
            return false;
        }

        if (Volatile.Read(ref _touches) != touches)
        {
            Volatile.Write(ref _evicted, 0);
            return false;
        }

        return true;
    }

    /// <summary>The <see cref="Touches"/> the store's CLOCK hand saw when it last passed this session (only the hand uses it).</summary>
    public int ClockTouches { get; set; }

    /// <summary>
    /// Drops the history, labels and seen values of an evicted session (a stale reference then holds only the shell);
    /// returns the labels it had.
    /// </summary>
    public string[] Release()
    {
        using (SpinGate.Enter(ref _gate))
        {
            string[] labels = _memory?.Labels is { } kept ? [.. kept] : [];
            _first = default;
            _entries = [];
            _start = 0;
            _count = 0;
            _memory = null;
            return labels;
        }
    }

    /// <summary>Bytes the seen values hold now (all origins), for the documented bound.</summary>
    public long SeenBytes
    {
        get
        {
            using (SpinGate.Enter(ref _gate))
            {
                return _memory?.SeenBytes ?? 0;
            }
        }
    }

    public int HistoryCount
    {
        get
        {
            using (SpinGate.Enter(ref _gate))
            {
                return _count;
            }
        }
    }

    public void Record(string toolName, ToolKind kind, string? source, string[] tags, DecisionEffect effect, DateTimeOffset time, string? callId)
    {
        if (_shared.Names is not null)
        {
            toolName = _shared.Names.Share(toolName);
            source = source is null ? null : _shared.Names.Share(source);
        }

        using (SpinGate.Enter(ref _gate))
        {
            if (_count == Capacity && Capacity < _shared.MaxHistory)
            {
                Grow();
            }

            var index = (_start + _count) % Capacity;
            if (_count == Capacity)
            {
                _start = (_start + 1) % Capacity;
            }
            else
            {
                _count++;
            }

            Slot(index) = new Entry(toolName, source, tags, callId, [], time.UtcTicks, (byte)kind, (byte)effect);
        }
    }

    /// <summary>Attaches labels to the most recent record with <paramref name="callId"/> (or the most recent record of the tool).</summary>
    public void AttachResultLabels(string? callId, string toolName, string[] labels)
    {
        using (SpinGate.Enter(ref _gate))
        {
            for (var i = _count - 1; i >= 0; i--)
            {
                ref var entry = ref Slot((_start + i) % Capacity);
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
        using (SpinGate.Enter(ref _gate))
        {
            var found = 0;
            var limit = withinCalls > 0 ? Math.Min(withinCalls, _count) : _count;
            for (var i = 0; i < limit; i++)
            {
                ref readonly var entry = ref Slot((_start + _count - 1 - i) % Capacity);
                if (entry.UtcTicks < since.UtcTicks)
                {
                    break;
                }

                if (excludeDenied && entry.Effect == (byte)DecisionEffect.Deny)
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

    public long HitRateLimit(string ruleId, string key, DateTimeOffset now, TimeSpan window) => _shared.RateLimits.Hit(ruleId, key, now, window);

    public string[] AddResultLabels(string? callId, string toolName, string[] labels)
    {
        var added = AddLabels(labels);
        AttachResultLabels(callId, toolName, labels);
        return added;
    }

    /// <summary>
    /// True when a seen-value key (see <see cref="SeenTokens"/>) was seen from <paramref name="origin"/>. For the untrusted
    /// origin, also when it may have been in untrusted content the session has since forgotten (the safe side).
    /// </summary>
    public bool WasSeen(ValueOrigin origin, string normalizedToken)
    {
        var length = SeenValues.QueryLength(normalizedToken);
        var query = SeenValues.Query(_shared.Hasher, normalizedToken, length <= StackHashes ? stackalloc ulong[StackHashes] : new ulong[length]);
        using (SpinGate.Enter(ref _gate))
        {
            var seen = _memory?.Seen(origin);
            return seen is not null && (seen.First(query) >= 0 || seen.MaybeForgotten(query));
        }
    }

    public bool WasSeenInHeldText(ValueOrigin origin, string normalizedToken)
    {
        var length = SeenValues.QueryLength(normalizedToken);
        var query = SeenValues.Query(_shared.Hasher, normalizedToken, length <= StackHashes ? stackalloc ulong[StackHashes] : new ulong[length]);
        using (SpinGate.Enter(ref _gate))
        {
            return _memory?.Seen(origin) is { } seen && seen.First(query) >= 0;
        }
    }

    public string[] CurrentLabels()
    {
        using (SpinGate.Enter(ref _gate))
        {
            return _memory?.Labels is { } labels ? [.. labels] : [];
        }
    }

    public bool HasAnyLabel(string[] labels)
    {
        using (SpinGate.Enter(ref _gate))
        {
            if (_memory?.Labels is not { } kept)
            {
                return false;
            }

            foreach (var label in labels)
            {
                if (kept.Contains(label))
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
        using (SpinGate.Enter(ref _gate))
        {
            var kept = (_memory ??= new SessionMemory()).Labels ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            List<string>? added = null;
            foreach (var label in labels)
            {
                if (kept.Add(label))
                {
                    (added ??= []).Add(label);
                }
            }

            return added is null ? [] : [.. added];
        }
    }

    /// <summary>
    /// Remembers the values in text the session saw from <paramref name="origin"/>: tokenized and hashed outside the
    /// lock, kept bounded per origin (see <see cref="SeenValues"/>). The same prompt seen again is not read twice.
    /// </summary>
    public void Observe(ValueOrigin origin, string text) => Observe(origin, text, null);

    /// <summary>As <see cref="Observe(ValueOrigin, string)"/>; for untrusted content, remembers which tool returned it (per text, bounded with it).</summary>
    public void Observe(ValueOrigin origin, string text, string? source)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        using (SpinGate.Enter(ref _gate))
        {
            if (origin == ValueOrigin.Prompt && IsLastPrompt(text))
            {
                return;
            }
        }

        // Untrusted content is read whole (the result hook bounds it by the scan limit): a value in a head cut off here
        // would never count as untrusted, and a trusted tool's echo would then launder it. Elsewhere a cut head only
        // leaves values unseen, which provenance refuses.
        var tokens = ValueTokenizer.TokenizeSeen(origin != ValueOrigin.Untrusted && text.Length > SeenValues.MaxTextChars ? text[^SeenValues.MaxTextChars..] : text);
        if (tokens.Count == 0)
        {
            return;
        }

        // All of it is hashed: a head longer than the bound is forgotten at once, which for untrusted content still counts.
        // (On the stack for a prompt-sized text: the values copy them.)
        var hashes = tokens.Count <= StackHashes ? stackalloc ulong[tokens.Count] : new ulong[tokens.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = _shared.Hasher.Of(tokens[i]);
        }

        using (SpinGate.Enter(ref _gate))
        {
            var memory = _memory ??= new SessionMemory();
            var seen = memory.Seen(origin) ?? memory.SetSeen(origin, new SeenValues(_shared.MaxSeenValues, _shared.Hasher, keepsEvictedTaint: origin == ValueOrigin.Untrusted));
            seen.Add(hashes, ++memory.Observations, origin == ValueOrigin.Untrusted ? source : null, origin == ValueOrigin.Untrusted ? memory.Seen(ValueOrigin.Trusted) : null);
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> is the prompt seen last; else remembers it. The prompt is not kept (an idle
    /// session would hold the whole text): a keyed hash of equal-length text answers, and once a prompt has come again,
    /// a weak reference answers the usual case (the same string again) without hashing. Called with the gate held.
    /// </summary>
    private bool IsLastPrompt(string text)
    {
        var memory = _memory ??= new SessionMemory();
        if (memory.LastPrompt is not null && memory.LastPrompt.TryGetTarget(out var last) && ReferenceEquals(last, text))
        {
            return true;
        }

        var hash = _shared.Hasher.SipHash24(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
        if (text.Length == memory.LastPromptLength && hash == memory.LastPromptHash)
        {
            // The prompt came again: from now on the same string is recognised without hashing it. The weak reference
            // is made only here, at the first repeat: it has a finalizer and a GC handle, which a session that decides
            // one call (the churn at the session limit) would otherwise pay for, and the collector with it.
            if (memory.LastPrompt is null)
            {
                memory.LastPrompt = new WeakReference<string>(text);
            }
            else
            {
                memory.LastPrompt.SetTarget(text);
            }

            return true;
        }

        memory.LastPrompt?.SetTarget(text);
        memory.LastPromptLength = text.Length;
        memory.LastPromptHash = hash;
        return false;
    }

    /// <summary>The tool whose untrusted result first contained the seen-value key, while that result is remembered.</summary>
    public string? FirstSeenUntrustedIn(string normalizedToken)
    {
        var length = SeenValues.QueryLength(normalizedToken);
        var query = SeenValues.Query(_shared.Hasher, normalizedToken, length <= StackHashes ? stackalloc ulong[StackHashes] : new ulong[length]);
        using (SpinGate.Enter(ref _gate))
        {
            return _memory?.Seen(ValueOrigin.Untrusted)?.FirstSource(query);
        }
    }

    /// <summary>
    /// True when a seen-value key was seen in untrusted content before (or without) any trusted tool returning it — or
    /// may have been in untrusted content the session has since forgotten: forgetting never launders a value.
    /// </summary>
    public bool WasFirstSeenUntrusted(string normalizedToken)
    {
        var length = SeenValues.QueryLength(normalizedToken);
        var query = SeenValues.Query(_shared.Hasher, normalizedToken, length <= StackHashes ? stackalloc ulong[StackHashes] : new ulong[length]);
        using (SpinGate.Enter(ref _gate))
        {
            var untrusted = _memory?.Seen(ValueOrigin.Untrusted);
            if (untrusted is null)
            {
                return false;
            }

            if (untrusted.MaybeForgotten(query))
            {
                return true;
            }

            var first = untrusted.First(query);
            if (first < 0)
            {
                return false;
            }

            var trustedFirst = _memory!.Seen(ValueOrigin.Trusted)?.First(query) ?? -1;
            return trustedFirst < 0 || first < trustedFirst;
        }
    }

    /// <summary>True when a typed value (by its key, e.g. <c>e:bob@example.com</c>) was seen from <paramref name="origin"/>.</summary>
    public bool HasSeenTyped(ValueOrigin origin, string key) => WasSeen(origin, key);

    /// <summary>True when a word sequence (as <see cref="WordStream.Sequence"/> builds it) was seen whole from <paramref name="origin"/>.</summary>
    public bool HasSeenWords(ValueOrigin origin, string sequence) => WasSeen(origin, SeenTokens.WordsKey(sequence));

    public SessionSnapshot Snapshot()
    {
        using (SpinGate.Enter(ref _gate))
        {
            var history = new ToolCallRecord[_count];
            for (var i = 0; i < _count; i++)
            {
                var e = Slot((_start + i) % Capacity);
                history[i] = new ToolCallRecord
                {
                    ToolName = e.ToolName,
                    Kind = (ToolKind)e.Kind,
                    Source = e.Source,
                    Tags = e.Tags,
                    Effect = (DecisionEffect)e.Effect,
                    Timestamp = new DateTimeOffset(e.UtcTicks, TimeSpan.Zero),
                    CallId = e.CallId,
                    ResultLabels = e.ResultLabels,
                };
            }

            return new SessionSnapshot(Id, history, _memory?.Labels is { } labels ? [.. labels] : []);
        }
    }

    /// <summary>
    /// Calls the ring holds: the first call is kept in the session itself (<see cref="_first"/>), so a session that
    /// decides one call — the churn at the session limit — is one object fewer for the collector to promote; from the
    /// second call on the ring is an array, grown on demand up to the history bound.
    /// </summary>
    private int Capacity => Math.Max(1, _entries.Length);

    /// <summary>The ring's slot at <paramref name="index"/> (below <see cref="Capacity"/>). Called with the gate held.</summary>
    private ref Entry Slot(int index) => ref _entries.Length == 0 ? ref _first : ref _entries[index];

    private void Grow()
    {
        var size = Math.Min(_shared.MaxHistory, Capacity * 2);
        var grown = new Entry[size];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = Slot((_start + i) % Capacity);
        }

        _first = default;
        _entries = grown;
        _start = 0;
    }

    /// <summary>One kept call: 56 bytes (five references, the time as UTC ticks, kind and effect as bytes).</summary>
    private readonly record struct Entry(string ToolName, string? Source, string[] Tags, string? CallId, string[] ResultLabels, long UtcTicks, byte Kind, byte Effect);
}
