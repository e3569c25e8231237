namespace AgentGuard.Redis;

/// <summary>
/// Decided calls on their way to Redis, sent by a thread-pool work item rather than by the deciding thread: a decision
/// returns as soon as it is made, and handing two commands to the connection (about 4–8 µs of the deciding thread on a
/// small host, and a write system call) happens beside the agent's next step instead of before it.
/// </summary>
/// <remarks>
/// <para>
/// A read of this replica may overtake a record, and does not wait for it: waiting put the read behind the record's
/// commands and their answers, about 20 µs for a decision straight after one that read nothing. Instead a read takes
/// <see cref="Queued"/> — the session's records not yet on the connection, the one being handed over included — and the
/// decision counts those calls after what Redis sent (<see cref="RedisSessionStore"/>), so a call decided here is seen
/// by this replica's next decision all the same. A result's labels attach to the call's entry in Redis, so a result
/// write calls <see cref="SendAll"/> first: it sends what is still queued itself, and waits for a record the work item
/// has taken but not yet handed over, so that when it returns every record added before it is on the connection ahead
/// of the write (the commands of one connection run in the order sent).
/// </para>
/// <para>
/// Bounded: one work item runs at a time, and when more than <see cref="MaxQueued"/> records wait (decisions made
/// faster than the connection takes their records), the deciding thread sends them itself, as it did before records
/// were queued. So a flood of decisions is slowed to what the connection takes rather than piling up records in memory
/// or commands in the client until they time out.
/// </para>
/// <para>
/// What it changes for other replicas: a call becomes visible there a thread-pool dispatch later than before, typically
/// microseconds; two replicas deciding calls of one session in the same instant could already each miss the other's.
/// Rate-limit hits are not records (they are counted by the read), so a burst across replicas is counted as before.
/// </para>
/// </remarks>
/// <param name="send">Hands one record to the connection (never throws: a failure is logged and counted).</param>
/// <param name="scheduler">Runs the sending work item.</param>
internal sealed class PendingRecords(Action<PendingRecord> send, RecordScheduler scheduler) : IThreadPoolWorkItem
{
    /// <summary>Records that may wait for the work item; past this the deciding thread sends them.</summary>
    public const int MaxQueued = 256;

    /// <summary>Records one work item sends before it makes way for other work of the thread pool.</summary>
    public const int MaxPerTurn = 64;

    // The queue, oldest first: a ring of _count records from _head. A record stays in it until it is on the connection,
    // so a read can count it (Queued) until then. Guarded by _gate; _sending keeps one sender at a time, in order.
    private readonly Lock _gate = new();
    private readonly Lock _sending = new();
    private PendingRecord[] _ring = new PendingRecord[16];
    private int _head;
    private int _count;

    // 1 while a work item is scheduled or running: there is never more than one.
    private int _scheduled;

    /// <summary>Records added and not yet handed to the connection (queued, or taken and being sent).</summary>
    public int Unsent => Volatile.Read(ref _count);

    /// <summary>Queues <paramref name="record"/> and makes sure a work item will send it (or sends the queue when it is full).</summary>
    public void Add(PendingRecord record)
    {
        int unsent;
        lock (_gate)
        {
            if (_count == _ring.Length)
            {
                var larger = new PendingRecord[_ring.Length * 2];
                for (var i = 0; i < _count; i++)
                {
                    larger[i] = _ring[(_head + i) & (_ring.Length - 1)];
                }

                _ring = larger;
                _head = 0;
            }

            _ring[(_head + _count) & (_ring.Length - 1)] = record;
            unsent = ++_count;
        }

        if (unsent > MaxQueued)
        {
            SendAll();
        }
        else if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            scheduler.Schedule(this);
        }
    }

    /// <summary>
    /// The calls of <paramref name="sessionId"/> not yet on the connection, oldest first (empty when there are none): a
    /// read sent now will not find them in Redis — except the one being handed over at this moment, or any sent before
    /// the read itself goes out, which the reader tells apart by their ids. Not encoded here: the read goes out without
    /// waiting for an encoding, and counts the calls from their fields (<see cref="HistoryEntry.TryReadHeader(in RecordedCall, NamePool, out HistoryEntry.Header)"/>).
    /// </summary>
    public RecordedCall[] Queued(string sessionId)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return [];
        }

        lock (_gate)
        {
            var mask = _ring.Length - 1;
            var found = 0;
            for (var i = 0; i < _count; i++)
            {
                if (string.Equals(_ring[(_head + i) & mask].SessionId, sessionId, StringComparison.Ordinal))
                {
                    found++;
                }
            }

            if (found == 0)
            {
                return [];
            }

            var calls = new RecordedCall[found];
            var at = 0;
            for (var i = 0; i < _count && at < found; i++)
            {
                ref readonly var record = ref _ring[(_head + i) & mask];
                if (string.Equals(record.SessionId, sessionId, StringComparison.Ordinal))
                {
                    calls[at++] = record.Call;
                }
            }

            return calls;
        }
    }

    /// <summary>
    /// Hands every record added before this call to the connection, in the order added, before returning; returns at
    /// once when there is none.
    /// </summary>
    public void SendAll()
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return;
        }

        Send(int.MaxValue);
    }

    /// <summary>Sends up to <paramref name="max"/> queued records in order; true when the queue was emptied.</summary>
    private bool Send(int max)
    {
        lock (_sending)
        {
            for (var sent = 0; sent < max; sent++)
            {
                PendingRecord record;
                lock (_gate)
                {
                    if (_count == 0)
                    {
                        return true;
                    }

                    record = _ring[_head];
                }

                try
                {
                    send(record);
                }
                finally
                {
                    lock (_gate)
                    {
                        _ring[_head] = default;
                        _head = (_head + 1) & (_ring.Length - 1);
                        _count--;
                    }
                }
            }

            return Volatile.Read(ref _count) == 0;
        }
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        while (true)
        {
            if (!Send(MaxPerTurn))
            {
                // More are queued: a fresh work item at the back of the pool's queue sends them, after the connection's
                // own socket work queued meanwhile (on a small host a work item that drains a flood in one turn holds a
                // thread the client's reads and writes are waiting for, until its commands time out).
                scheduler.Schedule(this);
                return;
            }

            // Cleared with a full fence before the count is read: a record added before this line is counted (and sent
            // by another turn of this loop); one added after it schedules a new work item.
            Interlocked.Exchange(ref _scheduled, 0);
            if (Volatile.Read(ref _count) == 0 || Interlocked.Exchange(ref _scheduled, 1) != 0)
            {
                return;
            }
        }
    }
}
