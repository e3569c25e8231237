namespace AgentGuard;

/// <summary>
/// PuTTY private key files (<c>.ppk</c>, formats 2 and 3): a <c>PuTTY-User-Key-File-n:</c> header, the public lines, then
/// <c>Private-Lines: n</c>, n lines of base64 and a <c>Private-MAC:</c> line. Reported from the header to the end of the
/// MAC line (or of the last private line), as a PEM block is from BEGIN to END; the lines may be broken by real line
/// breaks or by escaped ones (<c>\n</c> inside a JSON string). Found from the header, looked for once with an ordinal search.
/// </summary>
internal static class SecretPuttyKeys
{
    private const string Header = "PuTTY-User-Key-File-";
    private const string PrivateLines = "Private-Lines:";
    private const string PrivateMac = "Private-MAC:";

    /// <summary>How far after the header the private lines may start (the public lines of a 16 K-bit RSA key fit).</summary>
    private const int MaxPublicPart = 8192;

    /// <summary>At most this many private lines are read (an RSA key of 16 K bits has fewer).</summary>
    private const int MaxPrivateLines = 256;

    /// <summary>A line of base64 is read up to this length.</summary>
    private const int MaxLine = 512;

    /// <summary>Reports each PuTTY private key file of <paramref name="text"/>.</summary>
    public static void Scan(string text, List<SecretFinding> found)
    {
        for (var at = text.IndexOf(Header, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Header, at + Header.Length, StringComparison.Ordinal))
        {
            var window = Math.Min(MaxPublicPart, text.Length - at);
            var lines = text.IndexOf(PrivateLines, at, window, StringComparison.Ordinal);
            if (lines < 0 || Body(text, lines + PrivateLines.Length) is not int end)
            {
                continue;
            }

            found.Add(new SecretFinding("putty-private-key", at, end - at));
            at = end - Header.Length;
        }
    }

    /// <summary>
    /// Where the file's secret part ends: after the count at <paramref name="at"/>, that many lines of base64 and the MAC
    /// line if one follows. Null when the count or a line is not what a key file holds.
    /// </summary>
    private static int? Body(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        var count = 0;
        while (at < text.Length && char.IsAsciiDigit(text[at]) && count <= MaxPrivateLines)
        {
            count = (count * 10) + text[at++] - '0';
        }

        if (count is 0 or > MaxPrivateLines)
        {
            return null;
        }

        var end = at;
        var body = 0;
        for (var line = 0; line < count; line++)
        {
            if (NextLine(text, end) is not int start)
            {
                return null;
            }

            end = start;
            while (end < text.Length && end - start < MaxLine && IsBase64(text[end]))
            {
                end++;
            }

            if (end - start < 4)
            {
                return null;
            }

            body += end - start;
        }

        if (body < 16 || !SecretText.HasLettersAndDigits(text.AsSpan(end - Math.Min(body, 64), Math.Min(body, 64))))
        {
            return null;
        }

        if (NextLine(text, end) is int mac && text.AsSpan(mac).StartsWith(PrivateMac, StringComparison.Ordinal))
        {
            end = mac + PrivateMac.Length;
            while (end < text.Length && end - mac < MaxLine && text[end] is not ('\n' or '\r' or '\\' or '"'))
            {
                end++;
            }
        }

        return end;
    }

    /// <summary>The start of the line after the break at <paramref name="at"/> (real, or escaped as <c>\n</c> / <c>\r\n</c>), or null.</summary>
    private static int? NextLine(string text, int at)
    {
        var span = text.AsSpan(at);
        return span.StartsWith("\r\n", StringComparison.Ordinal) ? at + 2
            : span.StartsWith("\n", StringComparison.Ordinal) ? at + 1
            : span.StartsWith("\\r\\n", StringComparison.Ordinal) ? at + 4
            : span.StartsWith("\\n", StringComparison.Ordinal) ? at + 2
            : null;
    }

    private static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';
}
