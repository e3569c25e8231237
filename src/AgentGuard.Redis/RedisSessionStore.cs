using System.Diagnostics;
using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The shared <see cref="ISessionStore"/>: one round trip per decision reads what the candidate rules declared
/// (history, labels, seen-value hashes) and hits their rate-limit counters; the call is then recorded without waiting,
/// by a thread-pool work item (<see cref="PendingRecords"/>), and counted by this replica's reads until its record is sent. A decision whose rules read nothing does not wait for Redis at all.
/// </summary>
internal sealed class RedisSessionStore : ISessionStore, IDisposable
{
    private static readonly RedisValue[] NoValues = [];

    private readonly RedisConnection _connection;
    private readonly RateMembers _members = new();
    private readonly HistoryCache _histories;
    private readonly ExpiryRefreshes _expiries;
    private readonly TimeProvider _time;
    private readonly PendingRecords _records;
    private readonly WritesInFlight _inFlight;

    public RedisSessionStore(RedisConnection connection, RedisStoreSettings settings, RedisCircuit circuit, RedisStoreDiagnostics diagnostics, TimeProvider time, RecordScheduler? scheduler = null)
    {
        _connection = connection;
        Settings = settings;
        Circuit = circuit;
        Diagnostics = diagnostics;
        _time = time;
        _histories = new HistoryCache(time);
        _expiries = new ExpiryRefreshes(time);
        Keys = new RedisKeys(settings.KeyPrefix);
        Hasher = new ValueHasher(settings.HmacKey);
        _records = new PendingRecords(SendRecord, scheduler ?? RecordScheduler.ThreadPool);
        _inFlight = new WritesInFlight(circuit, settings.OperationTimeout, time);
        RecordWrites = new WriteOperation(diagnostics, "record");
        ResultWrites = new WriteOperation(diagnostics, "result");
        ReleaseWrites = new WriteOperation(diagnostics, "release");
    }

    /// <summary>Writes of call records.</summary>
    internal WriteOperation RecordWrites { get; }

    /// <summary>Writes of results (labels, seen values).</summary>
    internal WriteOperation ResultWrites { get; }

    /// <summary>Releases of unused rate-limit reservations.</summary>
    internal WriteOperation ReleaseWrites { get; }

    /// <summary>Names and tag lists read back from history, decoded once per replica.</summary>
    internal NamePool Names { get; } = new();

    public bool ReadsAhead => true;

    internal RedisStoreSettings Settings { get; }

    internal RedisKeys Keys { get; }

    internal ValueHasher Hasher { get; }

    internal RedisCircuit Circuit { get; }

    internal RedisStoreDiagnostics Diagnostics { get; }

    public ValueTask<ISessionView> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        // Past the bound on writes in flight, Redis catches up before this decision adds more (WritesInFlight).
        var room = _inFlight.RoomAsync(cancellationToken);
        return room.IsCompletedSuccessfully ? Open(request, cancellationToken) : OpenWhenRoomAsync(room, request, cancellationToken);
    }

    private async ValueTask<ISessionView> OpenWhenRoomAsync(ValueTask room, SessionRequest request, CancellationToken cancellationToken)
    {
        await room.ConfigureAwait(false);
        return await Open(request, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<ISessionView> Open(SessionRequest request, CancellationToken cancellationToken)
    {
        var reads = request.Reads;
        var hasSession = request.SessionId is not null;
        var needsRead = reads is not null && ((hasSession && !reads.IsEmpty) || reads.RateLimits.Count > 0);
        var promptTokens = hasSession && request.Prompt is { Length: > 0 } prompt ? HashTokens(ValueOrigin.Prompt, prompt) : null;
        if (!needsRead)
        {
            var view = new RedisSessionView(this, request, HistoryWindow.Empty, labels: [], seen: null, rates: null);
            if (promptTokens is { Length: > 0 })
            {
                WriteResult(request.SessionId!, request.Limits, callId: null, toolName: string.Empty, labels: [], promptTokens);
            }

            return new ValueTask<ISessionView>(view);
        }

        return ReadAsync(request, reads!, promptTokens, cancellationToken);
    }

    /// <summary>Hashes the tokens of <paramref name="text"/> for <paramref name="origin"/>.</summary>
    internal RedisValue[] HashTokens(ValueOrigin origin, string text) => HashTokens(origin, text, out _);

    /// <summary>
    /// Hashes the tokens of <paramref name="text"/> for <paramref name="origin"/>: untrusted text whole (the result hook
    /// bounds it), other text its tail. <paramref name="lost"/> is the marker (<see cref="SeenLoss"/>) of untrusted
    /// values the bound on keys per text left out, or an empty value.
    /// </summary>
    internal RedisValue[] HashTokens(ValueOrigin origin, string text, out RedisValue lost)
    {
        var untrusted = origin == ValueOrigin.Untrusted;
        var taken = SeenTokens.Take(text, whole: untrusted);
        lost = untrusted ? SeenLoss.Marker(in taken) : RedisValue.EmptyString;
        var hashed = new RedisValue[taken.Keys.Count];
        var i = 0;
        foreach (var token in taken.Keys)
        {
            hashed[i++] = Hasher.Hash(origin, token);
        }

        return hashed;
    }

    /// <summary>Records decided on this replica and not yet handed to the connection.</summary>
    internal int UnsentRecords => _records.Unsent;

    /// <summary>The calls of <paramref name="sessionId"/> decided here whose records are not on the connection yet, oldest first.</summary>
    internal RecordedCall[] Queued(string sessionId) => _records.Queued(sessionId);

    /// <summary>Hands every queued record to the connection now (as a result write does first; tests, before they look into Redis).</summary>
    internal void SendRecords() => _records.SendAll();

    /// <summary>Sends what is still queued, so that a host that stops loses no record it decided.</summary>
    public void Dispose() => _records.SendAll();

    /// <summary>Sends a write without waiting for it; a failure is logged and counted, never thrown.</summary>
    /// <remarks>
    /// Writes are tried even while the circuit is open (it protects the latency of reads): with no connection they fail
    /// at once, and a slow Redis still gets the record. Before the first connection they wait for it. Each is tracked by
    /// the bound on writes in flight (<see cref="WritesInFlight"/>), which the next decision awaits when it is reached.
    /// </remarks>
    /// <param name="operation">The kind of write, for the log and the failure count.</param>
    /// <param name="state">What the write sends (passed on, so the write can be a static lambda that captures nothing).</param>
    /// <param name="write">Sends the write.</param>
    internal void Send<TState>(WriteOperation operation, TState state, Func<IDatabase, TState, Task> write)
    {
        if (_connection.Database is not { } database)
        {
            _ = SendWhenConnectedAsync(operation, state, write);
            return;
        }

        Task pending;
        try
        {
            pending = write(database, state);
        }
#pragma warning disable CA1031 // A write that cannot be sent is logged; the decision stands and is audited locally.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            operation.Failed(ex);
            return;
        }

        _inFlight.Sent(pending);
        if (!pending.IsCompletedSuccessfully)
        {
            // A continuation that runs only on failure: a write that succeeds — nearly every one — completes without
            // queueing any work (SE.Redis runs continuations on the thread pool, and awaiting each record there cost
            // every decision a thread-pool dispatch).
            _ = pending.ContinueWith(
                static (failed, state) => ((WriteOperation)state!).Failed(failed.Exception?.InnerException ?? new TaskCanceledException(failed)),
                operation,
                CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    internal void WriteResult(string sessionId, SessionLimits limits, string? callId, string toolName, string[] labels, RedisValue[] tokens, RedisValue lost = default)
    {
        if (callId is not null)
        {
            // Labels attach to the call's entry: its record goes first.
            _records.SendAll();
        }

        var values = new RedisValue[7 + labels.Length + tokens.Length];
        values[0] = TtlMs(limits);
        values[1] = Settings.MaxSeenValues;
        values[2] = lost.IsNull ? RedisValue.EmptyString : lost;
        values[3] = callId ?? string.Empty;
        values[4] = toolName;
        values[5] = labels.Length;
        var i = 6;
        foreach (var label in labels)
        {
            values[i++] = label;
        }

        values[i++] = tokens.Length;
        tokens.CopyTo(values, i);
        RedisKey[] keys = [Keys.History(sessionId), Keys.Labels(sessionId), Keys.Seen(sessionId)];
        Send(ResultWrites, (keys, values), static (database, write) => database.ScriptEvaluateAsync(RedisScripts.Result, write.keys, write.values));
    }

    /// <summary>A history entry's id: random, so a replica finds the newest entry it holds in Redis's list (and only there).</summary>
    internal static ulong NextEntryId() => unchecked((ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue));

    /// <summary>Queues a decided call for <see cref="SendRecord"/>; the decision does not wait for it.</summary>
    internal void Record(string sessionId, SessionLimits limits, RecordedCall call)
    {
        var history = _histories.Recorded(sessionId);
        _records.Add(new PendingRecord(sessionId, limits, call, history));
    }

    /// <summary>
    /// Appends a decided call (<c>RPUSH</c>) and trims the history to the calls kept (<c>LTRIM</c>), refreshing the
    /// session's idle expiry when it is due (<see cref="ExpiryRefreshes"/>): plain commands sent back to back without
    /// waiting. The append's answer is observed, so a refused write is counted and logged; the trim's is not read (one
    /// that fails leaves one call too many at the head, which the next trim removes and no read reaches).
    /// </summary>
    /// <remarks>
    /// Not a script: Redis spends about 8 µs setting up any Lua call, several times what the two commands cost it, and on
    /// a host that shares its cores with Redis that time is taken from the decisions. Nothing needs the two to be atomic:
    /// reads take the newest calls (<c>LRANGE -n -1</c>), which one call too many at the head does not change, and the
    /// history near-cache (<see cref="HistoryCache"/>) models each trim from the length the entry's stamp names, not from
    /// the list. This replica's next read need not wait for it: until its record is on the connection, the read adds the
    /// call itself (<see cref="PendingRecords.Queued"/>); a result write sends the queued records first, so its labels find the call.
    /// </remarks>
    private void SendRecord(PendingRecord record)
    {
        // Runs on a thread-pool work item: an exception here would end the process, so none may leave.
        try
        {
            SendRecordCommands(record);
        }
#pragma warning disable CA1031 // A record that cannot be sent is logged; the decision stands and is audited locally.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RecordWrites.Failed(ex);
        }
    }

    private void SendRecordCommands(PendingRecord record)
    {
        var (sessionId, limits, call, known) = record;
        var entry = call.Encode();
        var history = known ?? Keys.History(sessionId);

        Send(RecordWrites, (history, entry), static (database, write) => database.ListRightPushAsync(write.history, write.entry));
        Send(RecordWrites, (history, -Keeps(limits)), static (database, write) => database.ListTrimAsync(write.history, write.Item2, -1, CommandFlags.FireAndForget));
        if (_expiries.Due(sessionId, limits.IdleTimeout))
        {
            // Three writes, not one Task.WhenAll: the client completes its tasks on the thread pool, so a continuation
            // on each of them (WhenAll's) would queue three work items per refresh — under a flood of new sessions,
            // thousands, ahead of the client's own writer, until writes time out.
            var expiry = TimeSpan.FromMilliseconds(TtlMs(limits));
            Send(RecordWrites, (history, expiry), static (database, write) => database.KeyExpireAsync(write.history, write.expiry));
            Send(RecordWrites, (Keys.Labels(sessionId), expiry), static (database, write) => database.KeyExpireAsync(write.Item1, write.expiry));
            Send(RecordWrites, (Keys.Seen(sessionId), expiry), static (database, write) => database.KeyExpireAsync(write.Item1, write.expiry));
        }
    }

    /// <summary>The history length a record trims to (written into the entry's stamp too).</summary>
    internal static int Keeps(SessionLimits limits) => Math.Max(1, limits.MaxHistory);

    /// <summary>
    /// The expiry every write gives a session's keys: 1.5 × the idle timeout, so a record may skip the refresh for half an
    /// idle timeout (<see cref="ExpiryRefreshes"/>) and the keys still outlive the session's last call by the idle timeout.
    /// </summary>
    internal static long TtlMs(SessionLimits limits) => Math.Max(1500, (long)(limits.IdleTimeout.TotalMilliseconds * 1.5));

    internal static int Depth(SessionReads reads, SessionLimits limits)
        => reads.Snapshot ? limits.MaxHistory : Math.Min(reads.HistoryDepth, limits.MaxHistory);

    // The state of this method (every local across its awaits) is boxed on its first await, once per decision: pooled,
    // the box is reused. The engine awaits the returned task once, as any ValueTask must be.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ISessionView> ReadAsync(SessionRequest request, SessionReads reads, RedisValue[]? promptTokens, CancellationToken cancellationToken)
    {
        if (!Circuit.TryEnter())
        {
            Diagnostics.Unavailable("decide", null);
            return Unavailable(request, "the circuit is open");
        }

        if (await _connection.GetDatabaseAsync(Settings.OperationTimeout, _time, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            Circuit.Failed();
            Diagnostics.Unavailable("decide", null);
            return Unavailable(request, "not connected");
        }

        // History and labels are plain LRANGE / SMEMBERS (Lua costs Redis more than the commands it runs). A read of
        // every kept call (an unbounded sequence rule) that this replica has made before fetches only the newest few
        // calls and extends what it holds. Seen values and rate-limit hits need the script. All go out back to back on
        // the connection and come back in one round trip.
        var sessionId = request.SessionId;
        var limits = request.Limits;
        var depth = sessionId is null ? 0 : Depth(reads, limits);
        var cacheable = depth > 0 && depth == limits.MaxHistory && !reads.Snapshot;
        var held = cacheable ? _histories.Find(sessionId!, limits) : null;
        var historyKey = held is { } known ? known.Entry.Key : depth > 0 ? Keys.History(sessionId!) : default;
        var wantLabels = sessionId is not null && (reads.Labels || reads.Snapshot);
        var scripted = reads.RateLimits.Count > 0 || (sessionId is not null && reads.Seen.Count > 0);
        if (promptTokens is { Length: > 0 } && !scripted)
        {
            // Sent first on the same connection, so Redis applies it before this and any later read.
            WriteResult(sessionId!, limits, callId: null, toolName: string.Empty, labels: [], promptTokens);
            promptTokens = null;
        }

        // This replica's calls of the session whose records have not gone out: the read does not wait for them (it would
        // queue behind their commands and answers); they are added to what Redis sends, unless it holds them already.
        var queued = depth > 0 ? _records.Queued(sessionId!) : [];
        try
        {
            var started = Stopwatch.GetTimestamp();
            var history = depth > 0 && held is null ? database.ListRangeAsync(historyKey, -depth, -1) : null;
            var tail = held is { } fresh ? database.ListRangeAsync(historyKey, -HistoryCache.TailLength(in fresh), -1) : null;

            var labels = wantLabels ? database.SetMembersAsync(Keys.Labels(sessionId!)) : null;
            byte[][]? members = null;
            var script = scripted ? Script(database, request, reads, promptTokens, out members) : null;
            Task? last = (Task?)script ?? labels ?? tail ?? history;
            if (last is null)
            {
                Circuit.Succeeded();
                return new RedisSessionView(this, request, HistoryWindow.Empty, labels: [], seen: null, rates: null);
            }

            // Replies come back in the order sent: once the last is in, the others are too.
            await last.WaitAsync(Settings.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            var window = HistoryWindow.Empty;
            RedisValue[] answer = [];
            if (history is not null)
            {
                answer = await Settled(history, cancellationToken).ConfigureAwait(false);
                window = cacheable ? _histories.Replace(sessionId!, historyKey, limits, answer) : new HistoryWindow(null, 0, answer, 0, answer.Length);
            }
            else if (held is { } holding)
            {
                answer = await Settled(tail!, cancellationToken).ConfigureAwait(false);
                if (_histories.TryExtend(sessionId!, limits, in holding, answer) is { } extended)
                {
                    window = extended;
                }
                else
                {
                    // The newest call held is not in the tail (more calls since, or not the history held): read it all.
                    answer = await database.ListRangeAsync(historyKey, -depth, -1).WaitAsync(Settings.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
                    window = _histories.Replace(sessionId!, historyKey, limits, answer);
                }
            }

            if (queued.Length > 0)
            {
                window = WithQueued(sessionId!, window, queued, answer, cacheable);
            }

            var labelsAnswer = labels is null ? [] : Strings(await Settled(labels, cancellationToken).ConfigureAwait(false));
            Dictionary<(ValueOrigin, string), bool>? seen = null;
            RedisSessionView.RateSlot[]? rates = null;
            if (script is not null)
            {
                var parts = (RedisResult[])(await script.ConfigureAwait(false))!;
                (seen, rates) = ScriptAnswer(request, reads, parts, members!);
            }

            var view = new RedisSessionView(this, request, window, labelsAnswer, seen, rates);
            Diagnostics.RoundTrip(Stopwatch.GetElapsedTime(started));
            Circuit.Succeeded();
            return view;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Circuit.Failed();
            Diagnostics.Unavailable("decide", ex);
            return Unavailable(request, ex is TimeoutException ? $"no answer within {Settings.OperationTimeout.TotalMilliseconds:0} ms" : ex.GetType().Name);
        }
    }

    /// <summary>
    /// <paramref name="window"/> followed by the calls of <paramref name="queued"/> that Redis did not send in
    /// <paramref name="answer"/>. A queued record may still have gone out ahead of the read (the work item handing it
    /// over meanwhile): the newest queued call found in the answer by its id was, and so was every call queued before
    /// it (records go out in order); the calls after it are added, in order, each trimming as its record will.
    /// </summary>
    private HistoryWindow WithQueued(string sessionId, HistoryWindow window, RecordedCall[] queued, RedisValue[] answer, bool cached)
    {
        var from = 0;
        for (var i = answer.Length - 1; i >= 0 && from < queued.Length; i--)
        {
            if (!HistoryEntry.TryStamp(((ReadOnlyMemory<byte>)answer[i]).Span, out var id, out _))
            {
                continue;
            }

            for (var q = queued.Length - 1; q >= from; q--)
            {
                if (queued[q].Id == id)
                {
                    from = q + 1;
                    break;
                }
            }
        }

        if (from == queued.Length)
        {
            return window;
        }

        var count = window.Count;
        for (var q = from; q < queued.Length; q++)
        {
            count = Math.Min(count + 1, queued[q].Keeps);
        }

        if (cached)
        {
            // Their records come after this read: the next tail read must reach past them to the newest call held.
            _histories.Unread(sessionId, queued.Length - from);
        }

        return window.WithQueued(from == 0 ? queued : queued[from..], count);
    }

    /// <summary>Sends the decide script: prompt tokens, seen values asked about, rate-limit counters hit ahead.</summary>
    private Task<RedisResult> Script(IDatabase database, SessionRequest request, SessionReads reads, RedisValue[]? promptTokens, out byte[][] members)
    {
        var sessionId = request.SessionId;
        var hasSession = sessionId is not null;
        var seenCount = hasSession ? reads.Seen.Count : 0;
        var keys = new RedisKey[(hasSession ? 1 : 0) + reads.RateLimits.Count];
        var values = new RedisValue[7 + (promptTokens?.Length ?? 0) + seenCount + (2 * reads.RateLimits.Count)];
        var k = 0;
        if (hasSession)
        {
            keys[k++] = Keys.Seen(sessionId!);
        }

        values[0] = request.Now.ToUnixTimeMilliseconds();
        values[1] = TtlMs(request.Limits);
        values[2] = hasSession ? "1" : "0";
        values[3] = Settings.MaxSeenValues;
        var i = 4;
        values[i++] = promptTokens?.Length ?? 0;
        if (promptTokens is not null)
        {
            promptTokens.CopyTo(values, i);
            i += promptTokens.Length;
        }

        values[i++] = seenCount;
        for (var s = 0; s < seenCount; s++)
        {
            var (origin, token) = reads.Seen[s];
            values[i++] = Hasher.Hash(origin, token);
        }

        values[i++] = reads.RateLimits.Count;
        members = new byte[reads.RateLimits.Count][];
        for (var r = 0; r < reads.RateLimits.Count; r++)
        {
            var read = reads.RateLimits[r];
            keys[k++] = Keys.RateLimit(read.RuleId, read.Key);
            members[r] = _members.Next();
            values[i++] = Math.Max(1, (long)read.Window.TotalMilliseconds);
            values[i++] = members[r];
        }

        return database.ScriptEvaluateAsync(RedisScripts.Decide, keys, values);
    }

    private static (Dictionary<(ValueOrigin, string), bool>? Seen, RedisSessionView.RateSlot[]? Rates) ScriptAnswer(SessionRequest request, SessionReads reads, RedisResult[] parts, byte[][] members)
    {
        Dictionary<(ValueOrigin, string), bool>? seen = null;
        if (request.SessionId is not null && reads.Seen.Count > 0)
        {
            var flags = (long[])parts[0]!;
            var loss = SeenLoss.Read(flags, reads.Seen.Count);
            seen = new Dictionary<(ValueOrigin, string), bool>(reads.Seen.Count);
            for (var s = 0; s < reads.Seen.Count; s++)
            {
                var key = reads.Seen[s];

                // An untrusted value the set may have lost counts as seen untrusted (SeenLoss): forgetting never launders.
                seen[key] = (seen.TryGetValue(key, out var already) && already) || flags[s] == 1 || (key.Origin == ValueOrigin.Untrusted && loss.Covers(key.Token));
            }
        }

        RedisSessionView.RateSlot[]? rates = null;
        if (reads.RateLimits.Count > 0)
        {
            var counts = (long[])parts[1]!;
            rates = new RedisSessionView.RateSlot[reads.RateLimits.Count];
            for (var r = 0; r < rates.Length; r++)
            {
                rates[r] = new RedisSessionView.RateSlot(reads.RateLimits[r], counts[r], members[r]);
            }
        }

        return (seen, rates);
    }

    /// <summary>The answer of a read sent before the last one (already in when the last is; waited for only if not).</summary>
    private async ValueTask<T> Settled<T>(Task<T> read, CancellationToken cancellationToken)
        => read.IsCompletedSuccessfully ? read.Result : await read.WaitAsync(Settings.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);


    private static string[] Strings(RedisValue[] values)
    {
        if (values.Length == 0)
        {
            return [];
        }

        var strings = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            strings[i] = (string)values[i]!;
        }

        return strings;
    }

    private RedisUnavailableView Unavailable(SessionRequest request, string why) => new(this, request, Settings.OnUnavailable, why);

    private async Task SendWhenConnectedAsync<TState>(WriteOperation operation, TState state, Func<IDatabase, TState, Task> write)
    {
        try
        {
            var multiplexer = await _connection.Multiplexer.ConfigureAwait(false);
            await write(multiplexer.GetDatabase(), state).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // See Send.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            operation.Failed(ex);
        }
    }

    internal static RedisValue[] Values(params RedisValue[] values) => values.Length == 0 ? NoValues : values;
}
