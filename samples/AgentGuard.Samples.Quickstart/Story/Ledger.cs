namespace AgentGuard.Samples.Quickstart.Story;

/// <summary>What the tools really did: the proof that a denied call had no effect.</summary>
internal sealed class Ledger
{
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries => _entries;

    public void Record(string entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}
