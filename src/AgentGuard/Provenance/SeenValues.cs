namespace AgentGuard.Provenance;

/// <summary>
/// The values one origin (the user's prompts, trusted results, untrusted results) showed a session: typed values
/// (e-mail addresses, IBANs, URLs, long numbers) as a bounded set of canonical keys, and everything else as bounded
/// streams of words in which a typed value is a break, so a word sequence can never be assembled across one.
/// Not thread-safe: the session guards it.
/// </summary>
internal sealed class SeenValues
{
    /// <summary>The most typed values kept per origin; the oldest go first.</summary>
    internal const int MaxTypedValues = 4096;

    /// <summary>The most characters of word streams kept per origin; the oldest streams go first.</summary>
    internal const int MaxWordChars = 64 * 1024;

    /// <summary>The most characters of one text that are read; a longer text keeps its tail.</summary>
    internal const int MaxTextChars = 256 * 1024;

    private readonly Dictionary<string, long> _typed = new(StringComparer.Ordinal);
    private readonly Queue<string> _typedOrder = new();
    private readonly Queue<(string Stream, long Sequence)> _streams = new();
    private int _streamChars;

    /// <summary>Reads <paramref name="text"/> and remembers its values.</summary>
    public void Add(string text)
    {
        if (text.Length > MaxTextChars)
        {
            text = text[^MaxTextChars..];
        }

        var tokens = ValueTokenizer.Tokenize(text);
        AddTokens(tokens);
    }

    /// <summary>Remembers already tokenized values (one text's worth).</summary>
    public void AddTokens(List<ValueToken> tokens) => AddTokens(tokens, 0);

    /// <summary>Remembers already tokenized values, seen at <paramref name="sequence"/> (the session's observation counter).</summary>
    public void AddTokens(List<ValueToken> tokens, long sequence)
    {
        var stream = WordStream.Build(tokens);
        foreach (var token in tokens)
        {
            if (token.Kind != ValueTokenKind.Word && _typed.TryAdd(token.Key, sequence))
            {
                _typedOrder.Enqueue(token.Key);
                if (_typedOrder.Count > MaxTypedValues)
                {
                    _typed.Remove(_typedOrder.Dequeue());
                }
            }
        }

        if (stream.Length > 2)
        {
            if (stream.Length > MaxWordChars)
            {
                stream = stream[^MaxWordChars..];
            }

            _streams.Enqueue((stream, sequence));
            _streamChars += stream.Length;
            while (_streamChars > MaxWordChars && _streams.Count > 1)
            {
                _streamChars -= _streams.Dequeue().Stream.Length;
            }
        }
    }

    /// <summary>True when the typed value with <paramref name="key"/> was seen.</summary>
    public bool ContainsTyped(string key) => _typed.ContainsKey(key);

    /// <summary>When the typed value with <paramref name="key"/> was first seen (its observation number), or -1.</summary>
    public long FirstTyped(string key) => _typed.TryGetValue(key, out var sequence) ? sequence : -1;

    /// <summary>When the word sequence was first seen whole (the observation number of the oldest text holding it), or -1.</summary>
    public long FirstWords(string sequence)
    {
        foreach (var (stream, seen) in _streams)
        {
            if (stream.Contains(sequence, StringComparison.Ordinal))
            {
                return seen;
            }
        }

        return -1;
    }

    /// <summary>True when the word sequence <paramref name="sequence"/> (as built by <see cref="WordStream.Sequence"/>) was seen whole.</summary>
    public bool ContainsWords(string sequence)
    {
        return FirstWords(sequence) >= 0;
    }
}
