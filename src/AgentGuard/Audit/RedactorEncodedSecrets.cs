using System.Buffers;

namespace AgentGuard;

/// <summary>
/// Finds secrets hidden by one layer of encoding before text is audited: percent-encoding (<c>token%3Dghp_…</c>),
/// base64 (<c>Z2hwX…</c>) and hex (<c>676870…</c>). The encoded text is decoded and scanned; a secret found inside is
/// reported over the encoded characters it came from (the whole run), so the audit file never holds it in either form.
/// </summary>
internal static class RedactorEncodedSecrets
{
    private const int MinBase64 = 20;

    /// <summary>Sixteen bytes: the shortest run of hex digits that can spell a credential.</summary>
    private const int MinHex = 32;
    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    public static void Find(ISecretDetector detector, string text, List<SecretFinding> findings)
    {
        if (text.Contains('%'))
        {
            RedactorPercentEncodedSecrets.Find(detector, text, findings);
        }

        Base64(detector, text, findings);
    }

    private static void Base64(ISecretDetector detector, string text, List<SecretFinding> findings)
    {
        var at = 0;
        while (at < text.Length)
        {
            var start = text.AsSpan(at).IndexOfAny(Base64Chars);
            if (start < 0)
            {
                return;
            }

            start += at;
            var length = text.AsSpan(start).IndexOfAnyExcept(Base64Chars);
            length = length < 0 ? text.Length - start : length;
            if (length >= MinBase64 && !FindIn(detector, text, start, length, findings))
            {
                // The run may open with a name or a path that the separators did not cut off (d=WXdz… in a URL's query,
                // /c/WXdz… in its path): '=' can only close base64, and a path's last segment is the value.
                FindInParts(detector, text, start, length, findings);
            }

            at = start + length + 1;
        }
    }

    private static void FindInParts(ISecretDetector detector, string text, int start, int length, List<SecretFinding> findings)
    {
        var end = start + length;
        var part = start;
        while (part < end)
        {
            var equals = text.AsSpan(part, end - part).IndexOf('=');
            var partEnd = equals < 0 ? end : part + equals;
            while (partEnd < end && text[partEnd] == '=')
            {
                partEnd++;
            }

            if (part > start || partEnd < end)
            {
                var slash = text.AsSpan(part, partEnd - part).LastIndexOf('/');
                if (!FindIn(detector, text, part, partEnd - part, findings) && slash >= 0)
                {
                    FindIn(detector, text, part + slash + 1, partEnd - part - slash - 1, findings);
                }
            }
            else if (text.AsSpan(part, partEnd - part).LastIndexOf('/') is var slash and >= 0)
            {
                FindIn(detector, text, part + slash + 1, partEnd - part - slash - 1, findings);
            }

            part = partEnd;
        }
    }

    /// <summary>
    /// Decodes <paramref name="length"/> characters at <paramref name="start"/> as hex (when they are all hex digits) or
    /// base64 and reports a secret inside over them; true when one was found.
    /// </summary>
    private static bool FindIn(ISecretDetector detector, string text, int start, int length, List<SecretFinding> findings)
    {
        var run = text.AsSpan(start, length);
        string? decoded;
        string encoding;
        if (length >= MinHex && length % 2 == 0 && IsHex(run))
        {
            encoding = "hex-";
            if (!HexText.TryDecode(run, out decoded))
            {
                return false;
            }
        }
        else if (length >= MinBase64 && TryDecode(run, out var base64))
        {
            encoding = "base64-";
            decoded = base64;
        }
        else
        {
            return false;
        }

        var inner = new List<SecretFinding>();
        detector.Find(decoded, inner);
        if (inner.Count == 0)
        {
            return false;
        }

        findings.Add(new SecretFinding(encoding + inner[0].Kind, start, length));
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> run) => !run.ContainsAnyExcept(HexText.Digits);

    /// <summary>Decodes standard or URL-safe base64 into text when the result is printable UTF-8.</summary>
    private static bool TryDecode(ReadOnlySpan<char> run, out string decoded)
    {
        decoded = string.Empty;
        var trimmed = run.TrimEnd('=');
        if (trimmed.Length < MinBase64 || trimmed.Length % 4 == 1)
        {
            return false;
        }

        // Runs that are not base64 (paths, identifiers) are common in arguments: they are rejected without allocating.
        var paddedLength = (trimmed.Length + 3) / 4 * 4;
        char[]? rentedChars = null;
        byte[]? rentedBytes = null;
        var padded = paddedLength <= 512 ? stackalloc char[paddedLength] : (rentedChars = ArrayPool<char>.Shared.Rent(paddedLength)).AsSpan(0, paddedLength);
        var bytes = paddedLength <= 512 ? stackalloc byte[paddedLength / 4 * 3] : (rentedBytes = ArrayPool<byte>.Shared.Rent(paddedLength / 4 * 3)).AsSpan(0, paddedLength / 4 * 3);
        try
        {
            for (var i = 0; i < padded.Length; i++)
            {
                padded[i] = i < trimmed.Length ? trimmed[i] switch { '-' => '+', '_' => '/', var c => c } : '=';
            }

            return Convert.TryFromBase64Chars(padded, bytes, out var written) && DecodedText.TryRead(bytes[..written], out decoded);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }
}
