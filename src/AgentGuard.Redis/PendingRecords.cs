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
/// What it changes for other replicas: a call becomes visible there a thread-pool dispatch later than before, typically
/// microseconds; two replicas deciding calls of one session in the same instant could already each miss the other's.
/// Rate-limit hits are not records (they are counted by the read), so a burst across replicas is counted as before.
/// </para>
/// </remarks>
/// <param name="send">Hands one record to the connection (never throws: a failure is logged and counted).</param>
/// <param name="scheduler">Runs the sending work item.</param>
internal sealed class PendingRecords(Action<PendingRecord> send, RecordScheduler scheduler) : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<PendingRecord> _queue = new();
    private readonly Lock _sending = new();

    // Records added and not yet handed to the connection (queued, or taken and being sent).
    private int _unsent;
    private int _scheduled;

    /// <summary>Records added and not yet handed to the connection.</summary>
    public int Unsent => Volatile.Read(ref _unsent);

    /// <summary>Queues <paramref name="record"/> and makes sure a work item will send it.</summary>
    public void Add(PendingRecord record)
    {
        Interlocked.Increment(ref _unsent);
        _queue.Enqueue(record);
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
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

        lock (_sending)
        {
            while (_queue.TryDequeue(out var record))
            {
                try
                {
                    send(record);
                }
                finally
                {
                    Interlocked.Decrement(ref _unsent);
                }
            }
        }
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        // Cleared first: a record added from here on schedules another run, one added before is sent by this one.
        Volatile.Write(ref _scheduled, 0);
        SendAll();
    }
}
