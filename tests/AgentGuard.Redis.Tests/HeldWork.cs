using System.Collections.Concurrent;

namespace AgentGuard.Redis.Tests;

/// <summary>A scheduler that keeps work items until the test runs them (a replica's records then stay queued).</summary>
internal sealed class HeldWork
{
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _items = new();

    public IReadOnlyCollection<IThreadPoolWorkItem> Items => _items;

    public void Add(IThreadPoolWorkItem item) => _items.Enqueue(item);

    public void RunOne()
    {
        _items.TryDequeue(out var item).Should().BeTrue();
        item!.Execute();
    }

    public void RunAll()
    {
        while (_items.TryDequeue(out var item))
        {
            item.Execute();
        }
    }
}
