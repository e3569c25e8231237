namespace AgentGuard.Redis;

/// <summary>Where the sending of queued records runs: the thread pool (tests hold it, to show that nothing depends on it running).</summary>
/// <param name="schedule">Starts the work item.</param>
internal sealed class RecordScheduler(Action<IThreadPoolWorkItem> schedule)
{
    /// <summary>The thread pool's global queue (not the deciding thread's own, which it may block before getting back to).</summary>
    public static RecordScheduler ThreadPool { get; } = new(static item => System.Threading.ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false));

    /// <summary>Starts <paramref name="item"/>.</summary>
    public void Schedule(IThreadPoolWorkItem item) => schedule(item);
}
