namespace AgentGuard;

/// <summary>
/// Turns text a session saw into the normalised tokens provenance compares whole: every run of up to
/// <see cref="MaxWords"/> consecutive words, each word in <see cref="ValueNormalizer.Normalize"/> form, joined — so
/// <c>DE89 3704 0044 0532 0130 00</c> typed with spaces and <c>&lt;carol@corp.test&gt;</c> in a signature both yield the
/// token an argument normalises to. Stores keep tokens (or keyed hashes of them), never the text.
/// </summary>
public static class SeenTokens
{
    /// <summary>The most words one token spans.</summary>
    public const int MaxWords = 6;

    /// <summary>Tokens shorter than this carry no provenance signal (values this short are never checked).</summary>
    public const int MinLength = 4;

    /// <summary>Tokens longer than this are not kept (no value of interest is that long).</summary>
    public const int MaxLength = 128;

    /// <summary>The most tokens taken from one text; later text of a huge result is not remembered.</summary>
    public const int MaxPerText = 8192;

    /// <summary>The distinct tokens of <paramref name="text"/>.</summary>
    public static IReadOnlyCollection<string> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n\f\v"))
        {
            var word = text[range];
            if (word.Length == 0)
            {
                continue;
            }

            var normalized = ValueNormalizer.Normalize(word);
            if (normalized.Length > 0)
            {
                words.Add(normalized);
            }
        }

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var builder = new System.Text.StringBuilder();
        for (var start = 0; start < words.Count && tokens.Count < MaxPerText; start++)
        {
            builder.Clear();
            for (var end = start; end < words.Count && end < start + MaxWords; end++)
            {
                builder.Append(words[end]);
                if (builder.Length > MaxLength)
                {
                    break;
                }

                if (builder.Length >= MinLength)
                {
                    tokens.Add(builder.ToString());
                }
            }
        }

        return tokens;
    }
}
