namespace AgentGuard.Policies;

/// <summary>A key of a <see cref="KeyedList{TKey, TValue}"/>: hashed cheaply and compared in place (not copied).</summary>
/// <typeparam name="TKey">The key type itself.</typeparam>
internal interface IInlineKey<TKey>
    where TKey : struct
{
    /// <summary>A hash consistent with <see cref="SameAs"/> (equal keys, equal hashes).</summary>
    int Hash();

    /// <summary>True when this key equals <paramref name="other"/>.</summary>
    bool SameAs(in TKey other);
}
