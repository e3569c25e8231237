using System.Buffers;

namespace AgentGuard;

/// <summary>
/// Credentials recognised by their documented structure rather than a plain prefix: crypt(3) password hashes
/// (<c>$1$salt$hash</c>, Apache <c>$apr1$…</c>, <c>$2b$10$…</c>, <c>$6$…</c>, Cisco <c>$8$</c>/<c>$9$</c>), Kerberos roastable hashes
/// (<c>$krb5asrep$…</c>, <c>$krb5tgs$…</c>), Twitch stream keys (<c>live_&lt;digits&gt;_&lt;30 characters&gt;</c>) and
/// Salesforce session ids (<c>00D&lt;org id&gt;!&lt;token&gt;</c>) and Microsoft Entra (Azure AD) client secrets
/// (three characters, <c>8Q~</c>, 31 to 34 more) and Terraform Cloud / Enterprise API tokens (14 letters and digits,
/// <c>.atlasv1.</c>, 60 to 70 more) and Dropbox long-lived tokens (11 letters and digits, ten <c>A</c>s, 43 more) and
/// Azure's identifiable keys (52 letters and digits, the signature <c>JQQJ9</c>, 27 more, optionally two and <c>==</c>)
/// and Twitter (X) app-only bearer tokens (twenty or more <c>A</c>s opening the token, then letters, digits and
/// percent-escapes).
/// </summary>
internal static class SecretStructuredTokens
{
    /// <summary>Anchors handled here (case-sensitive).</summary>
    internal static readonly string[] Anchors = ["$1$", "$apr1$", "$2a$", "$2b$", "$2y$", "$5$", "$6$", "$8$", "$9$", "$krb5", "live_", "00D", "8Q~", ".atlasv1.", DropboxInfix, AzureSignature];

    private const string DropboxInfix = "AAAAAAAAAA";
    private const string AzureSignature = "JQQJ9";

    private static readonly SearchValues<char> CryptChars = SearchValues.Create("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$=");
    private static readonly SearchValues<char> KerberosChars = SearchValues.Create("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$@:_-*");
    private static readonly SearchValues<char> Alphanumeric = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> EntraChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_~.-");
    private static readonly SearchValues<char> TerraformChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_=-");
    private static readonly SearchValues<char> SalesforceChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._");

    /// <summary>True when the anchor at <paramref name="at"/> is one of these formats' anchors.</summary>
    public static bool Handles(string text, int at) => text[at] is '$' || text.AsSpan(at).StartsWith(AzureSignature, StringComparison.Ordinal) || text.AsSpan(at).StartsWith("8Q~", StringComparison.Ordinal) || text.AsSpan(at).StartsWith(".atlasv1.", StringComparison.Ordinal) || text.AsSpan(at).StartsWith(DropboxInfix, StringComparison.Ordinal) || (text[at] is 'l' or '0' && (text.AsSpan(at).StartsWith("live_", StringComparison.Ordinal) || text.AsSpan(at).StartsWith("00D", StringComparison.Ordinal)));

    /// <summary>Examines the anchor at <paramref name="at"/>; returns where scanning may resume.</summary>
    public static int Match(string text, int at, List<SecretFinding> found)
    {
        if (text[at] == '8')
        {
            return EntraSecret(text, at, found);
        }

        if (text[at] == '.')
        {
            return TerraformToken(text, at, found);
        }

        if (text.AsSpan(at).StartsWith(DropboxInfix, StringComparison.Ordinal))
        {
            return TwitterBearer(text, at, found) is > 0 and var end ? end : DropboxToken(text, at, found);
        }

        if (text[at] == 'J')
        {
            return AzureIdentifiableKey(text, at, found);
        }

        if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '$') && !SecretEscapes.Before(text, at))
        {
            return at + 1;
        }

        return text[at] switch
        {
            '$' when text.AsSpan(at).StartsWith("$krb5", StringComparison.Ordinal) => Kerberos(text, at, found),
            '$' => Crypt(text, at, found),
            'l' => Twitch(text, at, found),
            _ => Salesforce(text, at, found),
        };
    }

    /// <summary><c>$id$[rounds=n$]salt$hash</c>: the hash segment has at least 22 characters of the crypt alphabet.</summary>
    private static int Crypt(string text, int at, List<SecretFinding> found)
    {
        var length = Run(text, at, CryptChars, 512);
        var hash = text.AsSpan(at, length);
        var last = hash.LastIndexOf('$');
        if (length < 30 || hash.Length - last - 1 < 22 || hash.Count('$') < 3 || !SecretText.HasLettersAndDigits(hash[(last + 1)..]))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("password-hash", at, length));
        return at + length;
    }

    private static int Kerberos(string text, int at, List<SecretFinding> found)
    {
        var length = Run(text, at, KerberosChars, 8192);
        if (length < 60 || !text.AsSpan(at).StartsWith("$krb5asrep$", StringComparison.Ordinal) && !text.AsSpan(at).StartsWith("$krb5tgs$", StringComparison.Ordinal))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("kerberos-hash", at, length));
        return at + length;
    }

    /// <summary><c>live_&lt;channel id&gt;_&lt;30 letters and digits&gt;</c>.</summary>
    private static int Twitch(string text, int at, List<SecretFinding> found)
    {
        var i = at + 5;
        var digits = i;
        while (i < text.Length && i - digits < 12 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i - digits < 6 || i >= text.Length || text[i] != '_')
        {
            return at + 1;
        }

        var key = Run(text, i + 1, Alphanumeric, 64);
        if (key != 30 || !SecretText.HasLettersAndDigits(text.AsSpan(i + 1, key)) || SecretText.IsPlaceholder(text.AsSpan(i + 1, key)))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("twitch-stream-key", at, i + 1 + key - at));
        return i + 1 + key;
    }

    /// <summary><c>00D</c> + the rest of a 15- or 18-character org id, <c>!</c>, then the session token (80 or more).</summary>
    private static int Salesforce(string text, int at, List<SecretFinding> found)
    {
        var org = Run(text, at, Alphanumeric, 20);
        if (org is not (15 or 18) || at + org >= text.Length || text[at + org] != '!')
        {
            return at + 1;
        }

        var token = Run(text, at + org + 1, SalesforceChars, 512);
        if (token < 80 || !SecretText.HasLettersAndDigits(text.AsSpan(at + org + 1, token)) || SecretText.IsPlaceholder(text.AsSpan(at + org + 1, token)))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("salesforce-session", at, org + 1 + token));
        return at + org + 1 + token;
    }

    /// <summary>An Entra client secret: the "8Q~" marker sits after its first three characters.</summary>
    private static int EntraSecret(string text, int at, List<SecretFinding> found)
    {
        var start = at - 3;
        if (start < 0 || Run(text, start, EntraChars, 3) != 3 || (start > 0 && EntraChars.Contains(text[start - 1]) && !SecretEscapes.Before(text, start)))
        {
            return at + 1;
        }

        var tail = Run(text, at + 3, EntraChars, 40);

        // A full stop after the secret ends the sentence it stands in.
        while (tail > 34 && text[at + 3 + tail - 1] == '.')
        {
            tail--;
        }

        if (tail is < 31 or > 34 || !SecretText.HasLettersAndDigits(text.AsSpan(at + 3, tail)))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("entra-client-secret", start, at + 3 + tail - start));
        return at + 3 + tail;
    }

    /// <summary><c>&lt;14 letters and digits&gt;.atlasv1.&lt;60 to 70 of [A-Za-z0-9_=-]&gt;</c>, HashiCorp's documented token shape.</summary>
    private static int TerraformToken(string text, int at, List<SecretFinding> found)
    {
        const string Infix = ".atlasv1.";
        var start = at - 14;
        if (start < 0 || Run(text, start, Alphanumeric, 14) != 14 || (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '-') && !SecretEscapes.Before(text, start)))
        {
            return at + 1;
        }

        var tail = Run(text, at + Infix.Length, TerraformChars, 80);
        if (tail is < 60 or > 70 || !SecretText.HasLettersAndDigits(text.AsSpan(at + Infix.Length, tail)))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("terraform-token", start, at + Infix.Length + tail - start));
        return at + Infix.Length + tail;
    }

    /// <summary>
    /// <c>&lt;11 letters and digits&gt;AAAAAAAAAA&lt;43 of [A-Za-z0-9_=-]&gt;</c>, 64 characters standing alone: a run of
    /// <c>A</c>s inside a base64 blob has base64 characters on both sides and is not this.
    /// </summary>
    private static int DropboxToken(string text, int at, List<SecretFinding> found)
    {
        var start = at - 11;
        if (start < 0 || Run(text, start, Alphanumeric, 11) != 11 || (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '-' or '+' or '/' or '=') && !SecretEscapes.Before(text, start)))
        {
            return at + 1;
        }

        var tail = Run(text, at + DropboxInfix.Length, TerraformChars, 48);
        var end = at + DropboxInfix.Length + tail;
        if (tail != 43 || (end < text.Length && text[end] is '+' or '/') || !SecretText.HasLettersAndDigits(text.AsSpan(at + DropboxInfix.Length, tail)))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("dropbox-token", start, end - start));
        return end;
    }

    /// <summary>
    /// A Twitter (X) app-only bearer token: it opens with twenty or more <c>A</c>s, then 60 to 140 letters, digits and
    /// percent-escapes (its '+', '/' and '=' are written <c>%2B</c>, <c>%2F</c>, <c>%3D</c>), standing alone. A run of
    /// <c>A</c>s inside a base64 blob has base64 characters before it and is not this; one standing alone with nothing
    /// mixed after it is a mask. Returns where the token ends, or -1.
    /// </summary>
    private static int TwitterBearer(string text, int at, List<SecretFinding> found)
    {
        if (at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '-' or '+' or '/' or '=' or '%') && !SecretEscapes.Before(text, at))
        {
            return -1; // inside a run: every place of a long run of As is an anchor hit, and each is turned away here
        }

        var opening = Run(text, at, OnlyA, int.MaxValue);
        var body = Run(text, at + opening, TwitterChars, 141);
        var end = at + opening + body;
        if (opening < 20 || body is < 60 or > 140 || (end < text.Length && text[end] is '+' or '/' or '=' or '_' or '-')
            || !SecretText.HasLettersAndDigits(text.AsSpan(at + opening, body)) || SecretText.IsPlaceholder(text.AsSpan(at + opening, body)))
        {
            return -1;
        }

        found.Add(new SecretFinding("twitter-bearer-token", at, end - at));
        return end;
    }

    private static readonly SearchValues<char> OnlyA = SearchValues.Create("A");
    private static readonly SearchValues<char> TwitterChars = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%");

    /// <summary>
    /// Azure's identifiable ("common annotated") keys, the shape Microsoft's security-utilities documents:
    /// <c>[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{26}</c>, optionally <c>[A-Za-z0-9]{2}==</c>, standing alone.
    /// </summary>
    private static int AzureIdentifiableKey(string text, int at, List<SecretFinding> found)
    {
        var start = at - 52;
        var signatureEnd = at + AzureSignature.Length;
        if (start < 0 || Run(text, start, Alphanumeric, 52) != 52 || (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]) && !SecretEscapes.Before(text, start))
            || signatureEnd >= text.Length || text[signatureEnd] is not ('9' or 'D' or 'H'))
        {
            return at + 1;
        }

        var tail = Run(text, signatureEnd + 1, Alphanumeric, 30);
        var end = signatureEnd + 1 + tail;
        if (tail == 28 && end + 1 < text.Length && text[end] == '=' && text[end + 1] == '=')
        {
            end += 2;
        }
        else if (tail != 26)
        {
            return at + 1;
        }

        found.Add(new SecretFinding("azure-identifiable-key", start, end - start));
        return end;
    }

    private static int Run(string text, int start, SearchValues<char> chars, int max)
    {
        var rest = text.AsSpan(start, Math.Min(max, text.Length - start));
        var length = rest.IndexOfAnyExcept(chars);
        return length < 0 ? rest.Length : length;
    }
}
