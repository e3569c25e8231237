using System.Collections.Concurrent;

namespace AgentGuard.Redis;

/// <summary>
/// Decided calls on their way to Redis, sent by a thread-pool work item rather than by the deciding thread: a decision
/// returns as soon as it is made, and handing two commands to the connection (about 4–8 µs of the deciding thread on a
/// small host, and a write system call) happens beside the agent's next step instead of before it.
/// </summary>
/// <remarks>
/// <para>
/// Nothing this replica reads afterwards may overtake a record: the read would miss the call it follows (and a result's
/// labels, written after the inspection's read, would find no entry to attach to). So every read calls
/// <see cref="SendAll"/> first. It sends what is still queued itself, and waits for a record the work item has taken but
/// not yet handed over, so that when it returns every record added before it is on the connection ahead of the read
/// (the commands of one connection run in the order sent).
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

    private readonly ConcurrentQueue<PendingRecord> _queue = new();
    private readonly Lock _sending = new();

    // Records added and not yet handed to the connection (queued, or taken and being sent).
    private int _unsent;

    // 1 while a work item is scheduled or running: there is never more than one.
    private int _scheduled;

    /// <summary>Records added and not yet handed to the connection.</summary>
    public int Unsent => Volatile.Read(ref _unsent);

    /// <summary>Queues <paramref name="record"/> and makes sure a work item will send it (or sends the queue when it is full).</summary>
    public void Add(PendingRecord record)
    {
        var unsent = Interlocked.Increment(ref _unsent);
        _queue.Enqueue(record);
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
    /// Hands every record added before this call to the connection, in the order added, before returning; returns at
    /// once when there is none.
    /// </summary>
    public void SendAll()
    {
        if (Volatile.Read(ref _unsent) == 0)
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
                if (!_queue.TryDequeue(out var record))
                {
                    return true;
                }

                try
                {
                    send(record);
                }
                finally
                {
                    Interlocked.Decrement(ref _unsent);
                }
            }

            return _queue.IsEmpty;
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
            if (Volatile.Read(ref _unsent) == 0 || Interlocked.Exchange(ref _scheduled, 1) != 0)
            {
                return;
            }
        }
    }
}
