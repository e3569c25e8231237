namespace AgentGuard;

/// <summary>
/// Secrets found through a secret already found. The secret half of an access-key pair given as the next argument of
/// the same call (<c>AcsClient("LTAI…", "…", "cn-hangzhou")</c>, <c>Creds('AKIA…', '…')</c>): the id says what the next
/// argument is. And every other place where the text repeats a found value of eight or more characters (a password equal
/// to the user name, a token echoed later without its name): redacting one place while the same characters stand in
/// another leaks the secret all the same. Runs only when something was found, so a clean text costs nothing here.
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

        count = found.Count;
        for (var i = 0; i < count; i++)
        {
            Repeats(text, found[i], found);
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
    private static void Repeats(string text, SecretFinding finding, List<SecretFinding> found)
    {
        if (finding.Length < MinRepeatedLength)
        {
            return;
        }

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
            from = at + 1;
            if (at != finding.Start && !Covered(found, at, finding.Length))
            {
                found.Add(finding with { Start = at });
                repeats++;
            }
        }
    }

    private static bool Covered(List<SecretFinding> found, int start, int length)
    {
        foreach (var f in found)
        {
            if (f.Start <= start && start + length <= f.Start + f.Length)
            {
                return true;
            }
        }

        return false;
    }
}
