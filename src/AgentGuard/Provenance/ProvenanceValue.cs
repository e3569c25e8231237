namespace AgentGuard.Provenance;

/// <summary>
/// An argument value as provenance compares it. A value holding typed values (an address, an IBAN, a URL, a long
/// number) came from an origin when every one of them was seen there whole; a value of words only, when the same words
/// appeared there in the same order as whole words. Values of fewer than <see cref="MinimumWordChars"/> letters and
/// digits carry no signal and are accepted.
/// </summary>
internal sealed class ProvenanceValue
{
    /// <summary>Word-only values with fewer letters and digits than this are accepted without a check.</summary>
    internal const int MinimumWordChars = 4;

    private ProvenanceValue(string[] typedKeys, string? words, bool hasSignal)
    {
        TypedKeys = typedKeys;
        Words = words;
        HasSignal = hasSignal;
    }

    /// <summary>The keys of the typed values in the value, e.g. <c>i:DE89370400440532013000</c>.</summary>
    public string[] TypedKeys { get; }

    /// <summary>The word sequence to search for when the value has no typed value.</summary>
    public string? Words { get; }

    /// <summary>False when the value is too short to say anything about where it came from.</summary>
    public bool HasSignal { get; }

    /// <summary>Reads <paramref name="raw"/>.</summary>
    public static ProvenanceValue Parse(string raw)
    {
        var tokens = ValueTokenizer.Tokenize(raw);
        var typed = new List<string>();
        var letters = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == ValueTokenKind.Word)
            {
                letters += token.Canonical.Length;
            }
            else
            {
                typed.Add(token.Key);
            }
        }

        if (typed.Count > 0)
        {
            return new ProvenanceValue([.. typed], null, true);
        }

        return letters < MinimumWordChars
            ? new ProvenanceValue([], null, false)
            : new ProvenanceValue([], WordStream.Sequence(tokens), true);
    }

    /// <summary>True when the value is the same value as <paramref name="other"/> (allowlists compare whole values).</summary>
    public bool SameAs(ProvenanceValue other)
        => Words is not null
            ? Words == other.Words
            : other.Words is null && TypedKeys.AsSpan().SequenceEqual(other.TypedKeys);
}
