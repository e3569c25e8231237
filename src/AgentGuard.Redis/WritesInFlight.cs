namespace AgentGuard.Redis;

/// <summary>
/// A bound on the writes this replica has handed to the connection and Redis has not yet answered. Writes are sent
/// without waiting; without a bound, a flood of decisions (thousands a second that read nothing) queues commands in the
/// client faster than Redis answers them, and the oldest outlive the operation budget and are dropped as timed out —
/// records lost. Past the bound, the next decision first awaits (at most the operation budget) the oldest tracked
/// write, so a flood is slowed to what Redis takes instead.
/// </summary>
/// <remarks>
/// <para>
/// Cheap on the hot path: one in <see cref="Stride"/> unanswered writes is kept as a checkpoint in a ring of
/// <see cref="Checkpoints"/>; the others cost an interlocked increment, and a decision within the bound reads one slot.
/// Commands of one connection are answered in the order sent, so a checkpoint answered means every write before it was
/// answered too: past the bound, about <see cref="Stride"/> × <see cref="Checkpoints"/> writes are in flight.
/// </para>
/// <para>
/// Awaited, never blocked on: the client completes its tasks on the thread pool, and a thread blocked waiting for one
/// would hold a thread the completion needs. No wait while the circuit is open: Redis is known to be failing, and
/// waiting would add the budget to decisions that the fail-safe is there to keep fast.
/// </para>
/// </remarks>
/// <param name="circuit">The store's circuit; no wait while it is open.</param>
/// <param name="budget">The longest a decision waits for the oldest checkpoint (the operation budget).</param>
/// <param name="time">The clock the wait's budget runs on.</param>
internal sealed class WritesInFlight(RedisCircuit circuit, TimeSpan budget, TimeProvider time)
{
    /// <summary>One in this many unanswered writes is kept as a checkpoint (a power of two).</summary>
    public const int Stride = 16;

    /// <summary>Checkpoints kept: past about <see cref="Stride"/> × this many writes in flight, decisions wait.</summary>
    public const int Checkpoints = 8;

    private readonly Task?[] _ring = new Task?[Checkpoints];
    private readonly Lock _gate = new();
    private long _unanswered;
    private int _next;

    /// <summary>Tracks <paramref name="write"/>, just sent.</summary>
    public void Sent(Task write)
    {
        if (write.IsCompleted || (Interlocked.Increment(ref _unanswered) & (Stride - 1)) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _ring[_next] = write;
            _next = (_next + 1) % Checkpoints;
        }
    }

    /// <summary>
    /// Completes at once within the bound; past it, when Redis has answered the oldest checkpoint or the budget is
    /// spent, whichever comes first. Never faults.
    /// </summary>
    public ValueTask RoomAsync(CancellationToken cancellationToken)
    {
        // The slot the next checkpoint replaces holds the oldest one; unanswered, the ring is full of unanswered writes.
        var oldest = Volatile.Read(ref _ring[Volatile.Read(ref _next)]);
        return oldest is null || oldest.IsCompleted || circuit.IsOpen ? ValueTask.CompletedTask : new ValueTask(WaitAsync(oldest, cancellationToken));
    }

    private async Task WaitAsync(Task oldest, CancellationToken cancellationToken)
    {
        try
        {
            await oldest.WaitAsync(budget, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Answered with a failure (counted where it was sent), or not within the budget: the decision goes on.
        }
    }
}
