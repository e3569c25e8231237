namespace AgentGuard.Redis;

/// <summary>Where the sending of queued records runs: the thread pool (tests hold it, to show that nothing depends on it running).</summary>
/// <param name="schedule">Starts the work item.</param>
internal sealed class RecordScheduler(Action<IThreadPoolWorkItem> schedule)
{
    /// <summary>
    /// The deciding thread's own queue of the thread pool: the work item runs when that thread goes idle — typically
    /// awaiting the next decision's read, which has then gone out ahead of the record instead of queueing behind it — or
    /// sooner on any idle thread of the pool, which takes work from the others' queues (a deciding thread that blocks
    /// does not hold the record back). A thread outside the pool queues it on the global queue.
    /// </summary>
    public static RecordScheduler ThreadPool { get; } = new(static item => System.Threading.ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: true));

    /// <summary>The thread pool's global queue (before 2026-11-30 the default; kept for comparison by the benchmarks).</summary>
    public static RecordScheduler GlobalQueue { get; } = new(static item => System.Threading.ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false));

    /// <summary>Starts <paramref name="item"/>.</summary>
    public void Schedule(IThreadPoolWorkItem item) => schedule(item);
}
