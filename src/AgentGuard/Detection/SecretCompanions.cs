namespace AgentGuard;

/// <summary>
/// Secrets found through a secret already found. The secret half of an access-key pair given as the next argument of
/// the same call (<c>AcsClient("LTAI…", "…", "cn-hangzhou")</c>, <c>Creds('AKIA…', '…')</c>): the id says what the next
/// argument is. And every other place where the text repeats a found value of eight or more characters (a password equal
/// to the user name, a token echoed later without its name): redacting one place while the same characters stand in
/// another leaks the secret all the same. Runs only when something was found, so a clean text costs nothing here.
/// The search for repeats is bounded for text an attacker writes: each distinct value is searched once (at most
/// <see cref="MaxSearchedValues"/> values), a place already covered by a finding is passed over to that finding's end,
/// and whether it is covered is a binary search (2,000 findings of one value in 72 KB took seconds when every finding
/// searched every place and compared it with every finding).
/// </summary>
internal static class SecretCompanions
{
    private const int MinRepeatedLength = 8;
    private const int MaxRepeats = 16;
    private const int MaxPairedLength = 256;

    /// <summary>Distinct found values whose repeats are searched for.</summary>
    internal const int MaxSearchedValues = 256;

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

        count = found.Count;
        var covered = new Coverage(found);
        var searched = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count && searched.Count < MaxSearchedValues; i++)
        {
            if (found[i].Length >= MinRepeatedLength && searched.Add(text.Substring(found[i].Start, found[i].Length)))
            {
                Repeats(text, found[i], found, covered);
            }
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

    /// <summary>Every other place the text holds the value of <paramref name="finding"/> (eight characters or more; at most sixteen places).</summary>
    private static void Repeats(string text, SecretFinding finding, List<SecretFinding> found, Coverage covered)
    {
        var value = text.AsSpan(finding.Start, finding.Length);
        var from = 0;
        for (var repeats = 0; repeats < MaxRepeats && from < text.Length;)
        {
            var next = text.AsSpan(from).IndexOf(value, StringComparison.Ordinal);
            if (next < 0)
            {
                return;
            }

            var at = from + next;
            var coveredTo = covered.End(at, finding.Length);
            if (coveredTo < 0)
            {
                found.Add(finding with { Start = at });
                repeats++;
            }

            // Every place that starts before the covering finding's end less the value's length lies inside it.
            from = Math.Max(at + 1, coveredTo - finding.Length + 1);
        }
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

        /// <summary>The end of a finding that covers <paramref name="start"/>..+<paramref name="length"/>, or -1.</summary>
        public int End(int start, int length)
        {
            var i = Array.BinarySearch(_starts, start);
            var last = i >= 0 ? LastOf(i) : ~i - 1;
            return last >= 0 && _farthestEnds[last] >= start + length ? _farthestEnds[last] : -1;
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
