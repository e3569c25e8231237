namespace AgentGuard.Policies;

/// <summary>
/// The top-level <c>Rules</c> list as <see cref="RuleEntryReader"/> read it, in list order: each entry either bound
/// already (its keys were all found by name and every value has the form its setting takes) or copied as a
/// <see cref="ConfigurationSnapshot"/> for the key checker and the configuration binder: from the live configuration
/// when its keys were not all found by name (a map such as <c>When.Attributes</c>, a key nothing reads), else from the
/// keys found (a value of the wrong form, a section given a value).
/// </summary>
internal sealed class RuleEntries
{
    private readonly List<(int Index, RuleOptions? Bound, ConfigurationSnapshot? Copied)> _entries = [];

    /// <summary>The entries, in list order.</summary>
    public IReadOnlyList<(int Index, RuleOptions? Bound, ConfigurationSnapshot? Copied)> Entries => _entries;

    /// <summary>True when the list was read without listing its keys (<see cref="RuleEntryReader.ReadUnlisted"/>).</summary>
    public bool ReadUnlisted { get; set; }

    /// <summary>How many entries were copied from the live configuration (the slow way).</summary>
    public int CopiedLive { get; private set; }

    public void Add(int index, RuleOptions bound) => _entries.Add((index, bound, null));

    public void Add(int index, ConfigurationSnapshot copied, bool live)
    {
        _entries.Add((index, null, copied));
        CopiedLive += live ? 1 : 0;
    }
}
