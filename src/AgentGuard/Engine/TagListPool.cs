namespace AgentGuard;

/// <summary>
/// A few reusable scratch lists for classifiers to add tags to, so that classifying a call that gets no extra tags —
/// nearly every call — allocates nothing. Lock-free, and striped by processor: each processor takes and gives back the
/// list in a slot of its own, on a cache line of its own (<see cref="Stride"/>), so calls decided at once on different
/// cores never write the same memory. When a slot is empty (a thread moved between processors, or two threads of one
/// processor interleave) a new list is made and later dropped or kept.
/// </summary>
internal sealed class TagListPool
{
    /// <summary>Slots between two stripes' slots: 16 references are 128 bytes, two cache lines on any current processor.</summary>
    private const int Stride = 16;

    private readonly List<string>?[] _slots;
    private readonly int _stripes;

    public TagListPool()
    {
        _stripes = Math.Max(1, Environment.ProcessorCount);
        _slots = new List<string>?[(_stripes + 1) * Stride];
    }

    public List<string> Rent()
        => Interlocked.Exchange(ref _slots[Slot()], null) ?? new List<string>(4);

    public void Return(List<string> list)
    {
        if (list.Count > 0)
        {
            // Only when a classifier added something: Clear writes the list even when it is empty (its version), and
            // two stripes' lists, made one after the other, can share a cache line.
            list.Clear();
        }

        Interlocked.CompareExchange(ref _slots[Slot()], list, null);
    }

    /// <summary>This processor's slot; the first stride stays empty, so no slot shares a line with the array's header.</summary>
    private int Slot() => ((Thread.GetCurrentProcessorId() % _stripes) + 1) * Stride;
}
