using AgentGuard.Provenance;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// What a session's seen-value set may have lost of untrusted content, kept as marker members beside the hashes (see
/// <c>result.lua</c>): <c>!a</c> when any value may be missing (a typed value of an untrusted text left out by
/// <see cref="SeenTokens.MaxPerText"/>, or an untrusted hash dropped by <c>MaxSeenValues</c>), <c>!wN</c> when word
/// sequences of N or more words of an untrusted text were left out. A value a marker covers counts as seen untrusted,
/// so forgetting never makes an untrusted value look trusted (as the in-memory store's evicted-taint filter).
/// </summary>
internal readonly struct SeenLoss
{
    /// <summary>How many marker flags the decide script appends to the seen flags.</summary>
    public const int Markers = 1 + SeenTokens.MaxWords;

    private const string Any = "!a";

    private readonly bool _any;
    private readonly int _wordsFrom;

    private SeenLoss(bool any, int wordsFrom)
    {
        _any = any;
        _wordsFrom = wordsFrom;
    }

    /// <summary>The marker an untrusted text's keys leave, or an empty value when they were all taken.</summary>
    public static RedisValue Marker(in SeenTokenSet taken)
        => taken.TypedLeftOut ? Any
            : taken.WordsLeftOutFrom > 0 ? "!w" + taken.WordsLeftOutFrom.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : RedisValue.EmptyString;

    /// <summary>Reads the marker flags the decide script returns after the <paramref name="asked"/> seen flags.</summary>
    public static SeenLoss Read(long[] flags, int asked)
    {
        var any = flags.Length > asked && flags[asked] == 1;
        var wordsFrom = 0;
        for (var words = 1; words <= SeenTokens.MaxWords && asked + words < flags.Length; words++)
        {
            if (flags[asked + words] == 1)
            {
                wordsFrom = words;
                break;
            }
        }

        return new SeenLoss(any, wordsFrom);
    }

    /// <summary>True when <paramref name="normalizedToken"/> may have been in untrusted content the set lost.</summary>
    public bool Covers(string normalizedToken)
        => _any || (_wordsFrom > 0 && SeenTokens.IsWordsKey(normalizedToken) && SeenValues.QueryLength(normalizedToken) >= _wordsFrom);
}
