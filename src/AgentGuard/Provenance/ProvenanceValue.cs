namespace AgentGuard.Provenance;

/// <summary>
/// An argument value as provenance compares it. A value holding typed values (an address, an IBAN, a URL, a long
/// number) came from an origin when every one of them was seen there whole; a value of words only, when the same words
/// appeared there in the same order as whole words. Values of fewer than <see cref="MinimumWordChars"/> letters and
/// digits carry no signal and are accepted. Next to typed values, a number of <see cref="MinimumWordChars"/> or more digits
/// too short to be typed (a short code, a short account number) is a value too and must have been seen as a word:
/// <c>+49 151 2345 6789, 88222</c> is not the user's number when only the number was theirs. A property name of an
/// object the path selects counts when it holds such values (a map keyed by payee); other names are the schema's.
/// </summary>
internal sealed class ProvenanceValue
{
    /// <summary>Word-only values with fewer letters and digits than this are accepted without a check.</summary>
    internal const int MinimumWordChars = 4;

    private static readonly string[] None = [];

    private ProvenanceValue(string[] typedKeys, string? words, bool hasSignal, string[]? numberWords = null)
    {
        TypedKeys = typedKeys;
        Words = words;
        HasSignal = hasSignal;
        NumberWords = numberWords ?? None;
    }

    /// <summary>The keys of the typed values in the value, e.g. <c>i:DE89370400440532013000</c>.</summary>
    public string[] TypedKeys { get; }

    /// <summary>The word sequence to search for when the value has no typed value.</summary>
    public string? Words { get; }

    /// <summary>
    /// Numbers of at least <see cref="MinimumWordChars"/> digits standing as words beside typed values, each as a word
    /// sequence of one (<c>" 88222 "</c>): each must have been seen whole, as a word.
    /// </summary>
    public string[] NumberWords { get; }

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
            return new ProvenanceValue([.. typed], null, true, NumbersBeside(tokens));
        }

        return letters < MinimumWordChars
            ? new ProvenanceValue([], null, false)
            : new ProvenanceValue([], WordStream.Sequence(tokens), true);
    }

    /// <summary>
    /// Reads a property name of an object the path selects: only its typed values and numbers count (a map keyed by
    /// IBAN, address or number); a name of words only (<c>iban</c>, <c>reference</c>) is the schema's and carries no signal.
    /// </summary>
    public static ProvenanceValue ParseName(string name)
    {
        var tokens = ValueTokenizer.Tokenize(name);
        var typed = new List<string>();
        foreach (var token in tokens)
        {
            if (token.Kind != ValueTokenKind.Word)
            {
                typed.Add(token.Key);
            }
        }

        var numbers = NumbersBeside(tokens);
        return typed.Count == 0 && numbers.Length == 0
            ? new ProvenanceValue([], null, false)
            : new ProvenanceValue([.. typed], null, true, numbers);
    }

    /// <summary>The words of <paramref name="tokens"/> made only of <see cref="MinimumWordChars"/> or more digits, each as a sequence of one.</summary>
    private static string[] NumbersBeside(List<ValueToken> tokens)
    {
        List<string>? numbers = null;
        foreach (var token in tokens)
        {
            if (token.Kind == ValueTokenKind.Word && token.Canonical.Length >= MinimumWordChars && IsDigits(token.Canonical))
            {
                (numbers ??= []).Add(WordStream.Sequence([token]));
            }
        }

        return numbers is null ? None : [.. numbers];
    }

    private static bool IsDigits(string word)
    {
        // Any script's digits: a gateway may read ٨٨٢٢٢ as 88222.
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the value is the same value as <paramref name="other"/> (allowlists compare whole values).</summary>
    public bool SameAs(ProvenanceValue other)
        => Words is not null
            ? Words == other.Words
            : other.Words is null && TypedKeys.AsSpan().SequenceEqual(other.TypedKeys) && NumberWords.AsSpan().SequenceEqual(other.NumberWords);
}
