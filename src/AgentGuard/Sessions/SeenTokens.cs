using AgentGuard.Provenance;

namespace AgentGuard;

/// <summary>
/// The keys under which a session store remembers the values a session saw, and under which provenance asks for them:
/// typed values by their canonical key (<c>e:bob@example.com</c>, <c>i:DE89370400440532013000</c>, <c>u:…</c>,
/// <c>d:…</c>) and word-only values as <see cref="WordsKey"/> of their word sequence. Stores that cannot search text
/// (Redis keeps only keyed hashes) remember every run of up to <see cref="MaxWords"/> consecutive words that does not
/// span a typed value; a word-only argument longer than that is then never found (the rule applies).
/// </summary>
public static class SeenTokens
{
    /// <summary>The most words one remembered word sequence spans.</summary>
    public const int MaxWords = 6;

    /// <summary>The most keys taken from one text: typed values first, then word sequences shortest first.</summary>
    public const int MaxPerText = 8192;

    private const string WordsPrefix = "w:";

    /// <summary>The distinct keys of <paramref name="text"/> (its last 256 KB), for stores that keep keys rather than text.</summary>
    public static IReadOnlyCollection<string> Extract(string text) => Take(text, whole: false).Keys;

    /// <summary>
    /// The distinct keys of <paramref name="text"/>, at most <see cref="MaxPerText"/>, and what the bound left out.
    /// <paramref name="whole"/> reads all of the text (untrusted content: a value in a head cut off would never count as
    /// untrusted); otherwise the last 256 KB, which can only leave values unseen.
    /// </summary>
    internal static SeenTokenSet Take(string text, bool whole)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!whole && text.Length > SeenValues.MaxTextChars)
        {
            text = text[^SeenValues.MaxTextChars..];
        }

        var tokens = ValueTokenizer.TokenizeSeen(text);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var typedLeftOut = false;
        var runs = new List<List<ValueToken>>();
        List<ValueToken>? run = null;
        foreach (var token in tokens)
        {
            if (token.Kind == ValueTokenKind.Word)
            {
                (run ??= []).Add(token);
                continue;
            }

            if (keys.Count < MaxPerText)
            {
                keys.Add(token.Key);
            }
            else
            {
                typedLeftOut |= !keys.Contains(token.Key);
            }

            if (run is not null)
            {
                runs.Add(run);
                run = null;
            }
        }

        if (run is not null)
        {
            runs.Add(run);
        }

        return new SeenTokenSet(keys, typedLeftOut, WordsLeftOutFrom(runs, keys));
    }

    /// <summary>Adds the word sequences of <paramref name="runs"/>, shortest first, up to the bound; returns the fewest words of one left out, or 0.</summary>
    private static int WordsLeftOutFrom(List<List<ValueToken>> runs, HashSet<string> keys)
    {
        // Words as numbers, so a sequence met again (a long page repeats most of its own) is recognised without building
        // its key: a sequence of numbers not met before is a key not taken before.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbered = new int[runs.Count][];
        for (var r = 0; r < runs.Count; r++)
        {
            var words = runs[r];
            numbered[r] = new int[words.Count];
            for (var w = 0; w < words.Count; w++)
            {
                ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, words[w].Canonical, out var known);
                if (!known)
                {
                    id = ids.Count;
                }

                numbered[r][w] = id;
            }
        }

        var met = new HashSet<WordIds>();
        for (var length = 1; length <= MaxWords; length++)
        {
            for (var r = 0; r < runs.Count; r++)
            {
                var words = runs[r];
                for (var start = 0; start + length <= words.Count; start++)
                {
                    var chars = 0;
                    for (var w = start; w < start + length; w++)
                    {
                        chars += words[w].Canonical.Length;
                    }

                    if (chars < ProvenanceValue.MinimumWordChars || !met.Add(WordIds.Of(numbered[r].AsSpan(start, length))))
                    {
                        continue;
                    }

                    if (keys.Count >= MaxPerText)
                    {
                        return length;
                    }

                    keys.Add(WordsKey(WordStream.Sequence(words.GetRange(start, length))));
                }
            }
        }

        return 0;
    }

    /// <summary>A sequence of up to <see cref="MaxWords"/> word numbers.</summary>
    private readonly record struct WordIds(int Length, int A, int B, int C, int D, int E, int F)
    {
        public static WordIds Of(ReadOnlySpan<int> ids) => new(
            ids.Length,
            ids[0],
            ids.Length > 1 ? ids[1] : -1,
            ids.Length > 2 ? ids[2] : -1,
            ids.Length > 3 ? ids[3] : -1,
            ids.Length > 4 ? ids[4] : -1,
            ids.Length > 5 ? ids[5] : -1);
    }

    /// <summary>The key of a word sequence as provenance builds it (e.g. <c>" bob smith "</c>).</summary>
    public static string WordsKey(string sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return WordsPrefix + sequence;
    }

    internal static bool IsWordsKey(string key) => key.StartsWith(WordsPrefix, StringComparison.Ordinal) && key.Length > WordsPrefix.Length && key[WordsPrefix.Length] == ' ';

    internal static string WordsOf(string key) => key[WordsPrefix.Length..];
}
