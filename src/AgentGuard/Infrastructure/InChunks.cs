namespace AgentGuard.Infrastructure;

/// <summary>
/// Runs one job per chunk of a long list on the thread pool (the calling thread takes part), for the once-per-policy
/// work of loading it. A failure surfaces as the exception itself, as running the chunks in one pass would, not as an
/// <see cref="AggregateException"/>.
/// </summary>
internal static class InChunks
{
    /// <summary>Calls <paramref name="chunk"/> with each chunk's start and end (exclusive) of a list of <paramref name="count"/> items, <paramref name="size"/> per chunk.</summary>
    public static void Run(int count, int size, Action<int, int> chunk)
    {
        try
        {
            Parallel.For(0, (count + size - 1) / size, c => chunk(c * size, Math.Min(count, (c + 1) * size)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
