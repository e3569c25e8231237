namespace AgentGuard;

/// <summary>
/// A few reusable scratch lists for classifiers to add tags to, so that classifying a call that gets no extra tags —
/// nearly every call — allocates nothing. Lock-free: a fixed array of slots taken and given back with
/// <see cref="Interlocked.Exchange{T}(ref T, T)"/>; when every slot is busy a new list is made and later dropped.
/// </summary>
internal sealed class TagListPool
{
    private readonly List<string>?[] _slots = new List<string>?[Math.Max(4, Environment.ProcessorCount * 2)];

    public List<string> Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.Exchange(ref _slots[i], null) is { } list)
            {
                return list;
            }
        }

        return new List<string>(4);
    }

    public void Return(List<string> list)
    {
        list.Clear();
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], list, null) is null)
            {
                return;
            }
        }
    }
}
