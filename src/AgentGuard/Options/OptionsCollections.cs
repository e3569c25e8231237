namespace AgentGuard;

/// <summary>
/// Makes an options list or map on first read, so the settings a rule does not use cost nothing: a 10,000-rule policy
/// would otherwise carry some twenty empty collections per rule through its load. Each options object gets its own
/// collection (never a shared one, which an <c>Add</c> through one rule would change for every rule), and two threads
/// reading at once get the same one.
/// </summary>
internal static class OptionsCollections
{
    public static List<T> Get<T>(ref List<T>? field)
    {
        if (field is { } list)
        {
            return list;
        }

        Interlocked.CompareExchange(ref field, [], null);
        return field!;
    }

    /// <summary>A map whose keys ignore case, as the options' maps are.</summary>
    public static Dictionary<string, T> Get<T>(ref Dictionary<string, T>? field)
    {
        if (field is { } map)
        {
            return map;
        }

        Interlocked.CompareExchange(ref field, new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase), null);
        return field!;
    }
}
