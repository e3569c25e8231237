namespace AgentGuard;

/// <summary>
/// Secrets found through a secret already found. The secret half of an access-key pair given as the next argument of
/// the same call (<c>AcsClient("LTAI…", "…", "cn-hangzhou")</c>, <c>Creds('AKIA…', '…')</c>): the id says what the next
/// argument is. And every other place where the text repeats a found value of eight or more characters (a password equal
/// to the user name, a token echoed later without its name): redacting one place while the same characters stand in
/// another leaks the secret all the same. Runs only when something was found, so a clean text costs nothing here.
/// The search for repeats is bounded for text an attacker writes: every distinct value is looked for in one pass over
/// the text (one search for all of them: 256 decoy secrets before the real one no longer leave its echo unsearched), a
/// place already covered by a finding is passed over to that finding's end, and whether it is covered is a binary
/// search (2,000 findings of one value in 72 KB took seconds when every finding searched every place and compared it
/// with every finding).
/// </summary>
internal static class SecretCompanions
{
    private const int MinRepeatedLength = 8;
    private const int MaxRepeats = 16;
    private const int MaxPairedLength = 256;

    public static void Add(string text, List<SecretFinding> found)
    {
        var count = found.Count;
        for (var i = 0; i < count; i++)
        {
            if (found[i].Kind is "aws-access-key" or "alibaba-access-key")
            {
                PairedSecret(text, found[i], found);
            }
        }

        // Each distinct value of eight characters or more, with the first finding that holds it (its repeats are
        // reported as that finding).
        var firsts = new Dictionary<string, SecretFinding>(StringComparer.Ordinal);
        foreach (var finding in found)
        {
            if (finding.Length >= MinRepeatedLength)
            {
                firsts.TryAdd(text.Substring(finding.Start, finding.Length), finding);
            }
        }

        if (firsts.Count > 0)
        {
            Repeats(text, firsts, found, new Coverage(found));
        }
    }

    /// <summary>
    /// The quoted argument right after a quoted access key id (a comma and white space between them) when it has a
    /// generated credential's shape: 16 to 256 characters of letters, digits and <c>+/=_-</c>, not a placeholder, a mask
    /// or an identifier (<c>getSecretFromVault</c>), varied.
    /// </summary>
    private static void PairedSecret(string text, SecretFinding id, List<SecretFinding> found)
    {
        var open = id.Start - 1;
        var close = id.Start + id.Length;
        if (open < 0 || close >= text.Length || text[open] is not ('"' or '\'') || text[close] != text[open])
        {
            return;
        }

        var i = close + 1;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= text.Length || text[i] != ',')
        {
            return;
        }

        i++;
        while (i < text.Length && i - close < 64 && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] is not ('"' or '\''))
        {
            return;
        }

        var quote = text[i];
        var start = i + 1;
        var end = start;
        while (end < text.Length && end - start <= MaxPairedLength && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '+' or '/' or '=' or '_' or '-'))
        {
            end++;
        }

        var value = text.AsSpan(start, end - start);
        if (end >= text.Length || text[end] != quote || value.Length is < 16 or > MaxPairedLength || SecretText.IsPlaceholder(value)
            || SecretText.IsPlaceholderWord(value) || SecretText.LooksLikeIdentifier(value) || SecretText.Entropy(value) < 3.0)
        {
            return;
        }

        found.Add(new SecretFinding(id.Kind == "aws-access-key" ? "aws-secret-key" : "alibaba-secret-key", start, value.Length));
    }

    /// <summary>
    /// Every other place the text holds one of the found values (at most sixteen places a value), in one pass: a search
    /// for all the values stops where one starts, and the values there are looked up in their sorted list (see
    /// <see cref="Next"/>); each that is not covered is reported. The values that start there and are covered are not
    /// looked up: a place is covered for every value no longer than the covering findings' farthest end less the place.
    /// </summary>
    private static void Repeats(string text, Dictionary<string, SecretFinding> firsts, List<SecretFinding> found, Coverage covered)
    {
        var values = firsts.Keys.ToArray();
        Array.Sort(values, StringComparer.Ordinal);
        var search = System.Buffers.SearchValues.Create(values, StringComparison.Ordinal);
        var longest = values.Max(value => value.Length);
        var repeats = new int[values.Length];
        for (var from = 0; from < text.Length;)
        {
            var next = text.AsSpan(from).IndexOfAny(search);
            if (next < 0)
            {
                return;
            }

            var at = from + next;
            var farthest = covered.FarthestEnd(at);
            var place = text.AsSpan(at, Math.Min(longest, text.Length - at));
            var coveredLength = farthest - at;
            var length = place.Length;
            while (length > coveredLength && Next(values, place, ref length) is >= 0 and var k && values[k].Length > coveredLength)
            {
                if (repeats[k] < MaxRepeats)
                {
                    found.Add(firsts[values[k]] with { Start = at });
                    repeats[k]++;
                }
            }

            // Every place that starts before the covering findings' farthest end less the longest value's length is
            // covered for every value.
            from = Math.Max(at + 1, farthest - longest + 1);
        }
    }

    /// <summary>
    /// The longest of the sorted <paramref name="values"/> that starts <paramref name="place"/> and is at most
    /// <paramref name="length"/> long, or -1; <paramref name="length"/> is then one less than its length, for the next
    /// shorter one. The greatest value not after the place's first <paramref name="length"/> characters is that value
    /// when the place starts with it; otherwise every value the place starts with is no longer than what the two share,
    /// and the search goes on there (each step shortens the length).
    /// </summary>
    private static int Next(string[] values, ReadOnlySpan<char> place, ref int length)
    {
        while (length >= MinRepeatedLength)
        {
            var probe = place[..length];
            var k = LastNotAfter(values, probe);
            if (k < 0)
            {
                break;
            }

            var shared = probe.CommonPrefixLength(values[k].AsSpan());
            if (shared == values[k].Length)
            {
                length = shared - 1;
                return k;
            }

            length = shared;
        }

        length = 0;
        return -1;
    }

    /// <summary>The index of the greatest of the sorted <paramref name="values"/> not after <paramref name="probe"/> (ordinal), or -1.</summary>
    private static int LastNotAfter(string[] values, ReadOnlySpan<char> probe)
    {
        int low = 0, high = values.Length - 1, last = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (values[middle].AsSpan().SequenceCompareTo(probe) <= 0)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return last;
    }

    /// <summary>
    /// The spans the findings cover when the search for repeats starts, sorted by start with the farthest end reached
    /// so far: a place is covered when some finding starting at or before it ends at or after its end. (The finding a
    /// value was read from covers its own place.)
    /// </summary>
    private sealed class Coverage
    {
        private readonly int[] _starts;
        private readonly int[] _farthestEnds;

        public Coverage(List<SecretFinding> found)
        {
            var spans = found.Select(f => (f.Start, End: f.Start + f.Length)).Order().ToArray();
            _starts = new int[spans.Length];
            _farthestEnds = new int[spans.Length];
            var farthest = int.MinValue;
            for (var i = 0; i < spans.Length; i++)
            {
                farthest = Math.Max(farthest, spans[i].End);
                _starts[i] = spans[i].Start;
                _farthestEnds[i] = farthest;
            }
        }

        /// <summary>
        /// The farthest end of the findings that start at or before <paramref name="start"/>, or -1: a place of a
        /// value's length starting there is covered when it ends at or before it.
        /// </summary>
        public int FarthestEnd(int start)
        {
            var i = Array.BinarySearch(_starts, start);
            var last = i >= 0 ? LastOf(i) : ~i - 1;
            return last >= 0 ? _farthestEnds[last] : -1;
        }

        /// <summary>The last of the equal starts around <paramref name="i"/>.</summary>
        private int LastOf(int i)
        {
            while (i + 1 < _starts.Length && _starts[i + 1] == _starts[i])
            {
                i++;
            }

            return i;
        }
    }
}
