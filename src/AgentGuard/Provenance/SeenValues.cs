namespace AgentGuard.Provenance;

/// <summary>
/// The values one origin (the user's prompts, trusted results, untrusted results) showed a session, as 64-bit keyed
/// hashes (<see cref="SeenValueHasher"/>) in the order they were seen: each text is its values' hashes followed by a
/// boundary, so a word sequence is found only whole, inside one text, never across a typed value or two texts. Bounded
/// by a number of slots (8 bytes each; a text also takes one slot for its boundary): when full, the oldest texts go
/// first, and a text longer than the whole bound keeps its tail. Untrusted values that are forgotten this way go into an
/// <see cref="EvictedTaint"/> filter, so forgetting never makes a value look trusted. Not thread-safe: the session
/// guards it.
/// </summary>
internal sealed class SeenValues
{
    /// <summary>The most characters of a prompt or trusted text that are read (a longer one keeps its tail); untrusted text is read whole.</summary>
    internal const int MaxTextChars = 256 * 1024;

    /// <summary>The fewest slots an origin may keep.</summary>
    internal const int MinSlots = 16;

    /// <summary>Slots per remembered text: an origin keeps at most its slots / 16 texts (at least 4), 24 bytes each.</summary>
    internal const int TextsPerSlot = 16;

    private const ulong Boundary = 0;
    private const int StackHashes = 64;

    private readonly SeenValueHasher _hasher;
    private readonly int _maxSlots;
    private readonly int _maxTexts;
    private readonly bool _keepsEvictedTaint;
    private ulong[] _values = [];
    private int _count;
    private Text[] _texts = [];
    private int _textCount;
    private EvictedTaint? _evicted;

    /// <summary>An origin's memory of at most <paramref name="maxSlots"/> values (and text boundaries).</summary>
    /// <param name="maxSlots">The bound, in 8-byte slots.</param>
    /// <param name="hasher">The session store's keyed hasher.</param>
    /// <param name="keepsEvictedTaint">True for the untrusted origin: what it forgets still counts as maybe seen.</param>
    public SeenValues(int maxSlots, SeenValueHasher hasher, bool keepsEvictedTaint = false)
    {
        _maxSlots = Math.Max(MinSlots, maxSlots);
        _maxTexts = Math.Max(4, _maxSlots / TextsPerSlot);
        _hasher = hasher;
        _keepsEvictedTaint = keepsEvictedTaint;
    }

    /// <summary>Slots in use.</summary>
    public int Count => _count;

    /// <summary>Bytes held now by the arrays (values, texts, evicted-taint filter), for the documented bound.</summary>
    public long RetainedBytes => (_values.Length * 8L) + (_texts.Length * 24L) + (_evicted?.Bytes ?? 0);

    /// <summary>The filter of forgotten untrusted values, once anything was forgotten (untrusted origin only).</summary>
    internal EvictedTaint? Evicted => _evicted;

    /// <summary>Remembers all the values of <paramref name="text"/> (a sessionless prompt: sized to hold it whole).</summary>
    public static SeenValues Of(string text, SeenValueHasher hasher)
    {
        var tokens = ValueTokenizer.TokenizeSeen(text.Length > MaxTextChars ? text[^MaxTextChars..] : text);
        var seen = new SeenValues(tokens.Count + 1, hasher);
        seen.AddTokens(tokens, 0, null, null);
        return seen;
    }

    /// <summary>Hashes <paramref name="tokens"/> and remembers them as one text seen at <paramref name="sequence"/>.</summary>
    public void AddTokens(List<ValueToken> tokens, long sequence, string? source, SeenValues? trustedPeer)
    {
        var hashes = new ulong[tokens.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = _hasher.Of(tokens[i]);
        }

        Add(hashes, sequence, source, trustedPeer);
    }

    /// <summary>
    /// Remembers one text's value hashes (from <see cref="SeenValueHasher"/>), seen at <paramref name="sequence"/> (the
    /// session's observation counter), returned by <paramref name="source"/>. <paramref name="trustedPeer"/> (for the
    /// untrusted origin) lets forgetting skip values a trusted result showed first, which were never tainted.
    /// </summary>
    public void Add(ReadOnlySpan<ulong> hashes, long sequence, string? source, SeenValues? trustedPeer)
    {
        if (hashes.IsEmpty)
        {
            return;
        }

        if (hashes.Length + 1 > _maxSlots)
        {
            var cut = hashes.Length + 1 - _maxSlots;
            Forget(hashes[..cut], sequence, trustedPeer);
            hashes = hashes[cut..];
        }

        MakeRoom(hashes.Length + 1, trustedPeer);
        if (_values.Length < _count + hashes.Length + 1)
        {
            Array.Resize(ref _values, Math.Min(_maxSlots, Math.Max(_count + hashes.Length + 1, Math.Max(16, _values.Length * 2))));
        }

        hashes.CopyTo(_values.AsSpan(_count));
        _count += hashes.Length;
        _values[_count++] = Boundary;
        if (_texts.Length == _textCount)
        {
            Array.Resize(ref _texts, Math.Min(_maxTexts, Math.Max(4, _texts.Length * 2)));
        }

        _texts[_textCount++] = new Text(_count, sequence, source);
    }

    /// <summary>True when the typed value with <paramref name="key"/> (e.g. <c>e:bob@example.com</c>) was seen.</summary>
    public bool ContainsTyped(string key) => FirstTyped(key) >= 0;

    /// <summary>When the typed value with <paramref name="key"/> was first seen (its observation number), or -1.</summary>
    public long FirstTyped(string key)
    {
        ReadOnlySpan<ulong> one = [_hasher.OfTypedKey(key)];
        return First(one);
    }

    /// <summary>True when the word sequence <paramref name="sequence"/> (as built by <see cref="WordStream.Sequence"/>) was seen whole.</summary>
    public bool ContainsWords(string sequence) => FirstWords(sequence) >= 0;

    /// <summary>When the word sequence was first seen whole (the observation number of the oldest text holding it), or -1.</summary>
    public long FirstWords(string sequence)
    {
        var buffer = WordCount(sequence) <= StackHashes ? stackalloc ulong[StackHashes] : new ulong[WordCount(sequence)];
        return First(HashWords(sequence, buffer));
    }

    /// <summary>When the hashes (one typed value, or a word sequence) were first seen together in one text, or -1.</summary>
    public long First(ReadOnlySpan<ulong> query) => TextAt(IndexOf(query)) is { } text ? text.Sequence : -1;

    /// <summary>The tool whose text holds the oldest sighting of <paramref name="query"/>, when it was named.</summary>
    public string? FirstSource(ReadOnlySpan<ulong> query) => TextAt(IndexOf(query))?.Source;

    /// <summary>
    /// True when <paramref name="query"/> may have been in forgotten untrusted content (see <see cref="EvictedTaint"/>):
    /// one value whose hash is in the filter, or a word sequence one of whose adjacent pairs is.
    /// </summary>
    public bool MaybeForgotten(ReadOnlySpan<ulong> query)
    {
        if (_evicted is null || query.IsEmpty)
        {
            return false;
        }

        if (query.Length == 1)
        {
            return _evicted.MayContain(EvictedTaint.Single(query[0]));
        }

        for (var i = 1; i < query.Length; i++)
        {
            if (_evicted.MayContain(EvictedTaint.Pair(query[i - 1], query[i])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The hashes of a seen-value key's words or typed value, into <paramref name="buffer"/> (see <see cref="QueryLength"/>).</summary>
    public static ReadOnlySpan<ulong> Query(SeenValueHasher hasher, string normalizedToken, Span<ulong> buffer)
    {
        if (SeenTokens.IsWordsKey(normalizedToken))
        {
            return HashWords(hasher, normalizedToken.AsSpan(2), buffer);
        }

        buffer[0] = hasher.OfTypedKey(normalizedToken);
        return buffer[..1];
    }

    /// <summary>How many hashes <see cref="Query"/> writes for <paramref name="normalizedToken"/>.</summary>
    public static int QueryLength(string normalizedToken) => SeenTokens.IsWordsKey(normalizedToken) ? WordCount(normalizedToken.AsSpan(2)) : 1;

    private ReadOnlySpan<ulong> HashWords(string sequence, Span<ulong> buffer) => HashWords(_hasher, sequence, buffer);

    private static ReadOnlySpan<ulong> HashWords(SeenValueHasher hasher, ReadOnlySpan<char> sequence, Span<ulong> buffer)
    {
        var n = 0;
        foreach (var range in sequence.Split(' '))
        {
            var word = sequence[range];
            if (!word.IsEmpty)
            {
                buffer[n++] = hasher.OfWord(word);
            }
        }

        return buffer[..n];
    }

    private static int WordCount(ReadOnlySpan<char> sequence)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in sequence)
        {
            if (c != ' ' && !inWord)
            {
                n++;
            }

            inWord = c != ' ';
        }

        return n;
    }

    private int IndexOf(ReadOnlySpan<ulong> query) => query.IsEmpty ? -1 : _values.AsSpan(0, _count).IndexOf(query);

    private Text? TextAt(int index)
    {
        if (index < 0)
        {
            return null;
        }

        for (var i = 0; i < _textCount; i++)
        {
            if (_texts[i].End > index)
            {
                return _texts[i];
            }
        }

        return null;
    }

    /// <summary>Drops the oldest texts until <paramref name="slots"/> more fit and a text record is free.</summary>
    private void MakeRoom(int slots, SeenValues? trustedPeer)
    {
        var dropped = 0;
        var freed = 0;
        while (dropped < _textCount && (_count - freed + slots > _maxSlots || _textCount - dropped >= _maxTexts))
        {
            var text = _texts[dropped];
            Forget(_values.AsSpan(freed, text.End - freed), text.Sequence, trustedPeer);
            freed = text.End;
            dropped++;
        }

        if (dropped == 0)
        {
            return;
        }

        Array.Copy(_values, freed, _values, 0, _count - freed);
        _count -= freed;
        Array.Copy(_texts, dropped, _texts, 0, _textCount - dropped);
        _textCount -= dropped;
        Array.Clear(_texts, _textCount, dropped);
        for (var i = 0; i < _textCount; i++)
        {
            _texts[i] = _texts[i] with { End = _texts[i].End - freed };
        }
    }

    /// <summary>
    /// Forgets values seen at <paramref name="sequence"/>. For the untrusted origin, each typed value goes into the
    /// evicted-taint filter unless a trusted result showed it earlier; of each run of words, each word and each adjacent
    /// pair not inside a stretch a trusted result showed earlier go in. So a value seen whole in the forgotten run is still
    /// answered "maybe untrusted" unless a trusted result showed it first: one word by itself, several by a pair.
    /// </summary>
    private void Forget(ReadOnlySpan<ulong> values, long sequence, SeenValues? trustedPeer)
    {
        if (!_keepsEvictedTaint)
        {
            return;
        }

        var start = 0;
        while (start < values.Length)
        {
            if (values[start] == Boundary)
            {
                start++;
                continue;
            }

            if ((values[start] & SeenValueHasher.TypedBit) != 0)
            {
                if (!TrustedBefore(values.Slice(start, 1), sequence, trustedPeer))
                {
                    Taint(EvictedTaint.Single(values[start]));
                }

                start++;
                continue;
            }

            var end = start + 1;
            while (end < values.Length && values[end] != Boundary && (values[end] & SeenValueHasher.TypedBit) == 0)
            {
                end++;
            }

            ForgetWords(values[start..end], sequence, trustedPeer);
            start = end;
        }
    }

    private void ForgetWords(ReadOnlySpan<ulong> run, long sequence, SeenValues? trustedPeer)
    {
        // Greedy stretches a trusted result showed earlier; a word outside them is a stretch of its own, not trusted.
        var segmentEnd = 0;
        var trustedSegment = false;
        for (var i = 0; i < run.Length; i++)
        {
            if (i == segmentEnd)
            {
                var j = i;
                while (j < run.Length && TrustedBefore(run[i..(j + 1)], sequence, trustedPeer))
                {
                    j++;
                }

                trustedSegment = j > i;
                segmentEnd = Math.Max(j, i + 1);
                if (i > 0)
                {
                    Taint(EvictedTaint.Pair(run[i - 1], run[i]));
                }
            }
            else if (!trustedSegment)
            {
                Taint(EvictedTaint.Pair(run[i - 1], run[i]));
            }

            if (!trustedSegment)
            {
                Taint(EvictedTaint.Single(run[i]));
            }
        }
    }

    private static bool TrustedBefore(ReadOnlySpan<ulong> run, long sequence, SeenValues? trustedPeer)
    {
        var first = trustedPeer?.First(run) ?? -1;
        return first >= 0 && first < sequence;
    }

    private void Taint(ulong key) => (_evicted ??= new EvictedTaint(_maxSlots * EvictedTaint.BytesPerSlot)).Add(key);

    private readonly record struct Text(int End, long Sequence, string? Source);
}
