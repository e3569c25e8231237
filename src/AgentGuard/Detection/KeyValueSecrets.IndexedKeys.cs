namespace AgentGuard;

/// <content>
/// Keys named with an index (<c>KEY1</c>, <c>subscriptionKey2</c>, <c>TRANSLATOR_KEY_2</c>): services hand out two keys
/// so one can be rotated while the other is in use, and configurations keep both. The anchor <c>key</c> counts when one
/// or two digits (after an optional '_' or '-') and then a separator follow it; the name is a key name when it ends in
/// "key" before its index, and the value is judged as any key's.
/// </content>
internal static partial class KeyValueSecrets
{
    /// <summary>At most this many digits make an index.</summary>
    private const int MaxIndexDigits = 2;

    /// <summary>
    /// Where the index after "key" at the start of <paramref name="rest"/> ends (<c>key1</c>, <c>KEY_2</c>, <c>key-12</c>),
    /// or -1 when no index follows.
    /// </summary>
    internal static int KeyIndexEnd(ReadOnlySpan<char> rest)
    {
        var i = 3;
        if (i < rest.Length && rest[i] is '_' or '-')
        {
            i++;
        }

        var digits = i;
        while (i < rest.Length && i - digits < MaxIndexDigits && char.IsAsciiDigit(rest[i]))
        {
            i++;
        }

        return i == digits || (i < rest.Length && char.IsAsciiDigit(rest[i])) ? -1 : i;
    }

    /// <summary>The separators that may follow an index (<c>KEY1=</c>, <c>Key2 :</c>, <c>"key1":</c>).</summary>
    internal static bool EndsIndexedKey(char c) => c is '=' or ':' or '"' or '\'' or ' ' or '\t';

    /// <summary>The normalized name ends in "key" and an index of one or two digits (<c>visionkey2</c>, <c>key1</c>).</summary>
    private static bool IsIndexedKeyName(ReadOnlySpan<char> key)
    {
        var digits = 0;
        while (digits < key.Length && digits <= MaxIndexDigits && char.IsAsciiDigit(key[key.Length - 1 - digits]))
        {
            digits++;
        }

        return digits is > 0 and <= MaxIndexDigits && key[..^digits].EndsWith("key", StringComparison.Ordinal);
    }
}
