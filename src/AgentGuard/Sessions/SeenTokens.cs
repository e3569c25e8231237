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

    /// <summary>The distinct keys of <paramref name="text"/>, for stores that keep keys rather than text.</summary>
    public static IReadOnlyCollection<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > SeenValues.MaxTextChars)
        {
            text = text[^SeenValues.MaxTextChars..];
        }

        var tokens = ValueTokenizer.Tokenize(text);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var runs = new List<List<ValueToken>>();
        List<ValueToken>? run = null;
        foreach (var token in tokens)
        {
            if (token.Kind == ValueTokenKind.Word)
            {
                (run ??= []).Add(token);
                continue;
            }

            keys.Add(token.Key);
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

        for (var length = 1; length <= MaxWords && keys.Count < MaxPerText; length++)
        {
            foreach (var words in runs)
            {
                for (var start = 0; start + length <= words.Count && keys.Count < MaxPerText; start++)
                {
                    var sequence = words.GetRange(start, length);
                    if (sequence.Sum(w => w.Canonical.Length) >= ProvenanceValue.MinimumWordChars)
                    {
                        keys.Add(WordsKey(WordStream.Sequence(sequence)));
                    }
                }
            }
        }

        return keys;
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
