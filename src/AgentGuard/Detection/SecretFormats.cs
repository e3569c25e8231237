using System.Text.RegularExpressions;

namespace AgentGuard;

/// <summary>
/// The fixed credential formats, each checked only where its anchor occurs (<c>\G</c>-anchored source-generated
/// regexes with a time-out, so no pattern scans the whole text).
/// </summary>
internal static partial class SecretFormats
{
    /// <summary>Generous: the anchored patterns are bounded; this only guards against a pathological input or a cold JIT.</summary>
    private const int Timeout = 250;

    /// <summary>Examines the anchor at <paramref name="at"/>; returns where scanning may resume.</summary>
    public static int Match(string text, int at, List<SecretFinding> found)
    {
        var span = text.AsSpan(at);
        switch (text[at])
        {
            case 'A' when span.StartsWith("AIza", StringComparison.Ordinal):
                return Add(text, at, GcpKey(), "gcp-api-key", found, word: true);
            case 'A' when span.StartsWith("AccountKey=", StringComparison.Ordinal):
                return AddGroup(text, at, AzureKey(), "azure-storage-key", found);
            case 'A':
                return Add(text, at, AwsKeyId(), "aws-access-key", found, word: true);
            case 'g' when span.StartsWith("github_pat_", StringComparison.Ordinal):
                // The documented shape (22, '_', 59) is a token also glued to a word before it (ourgithub_pat_…).
                return Add(text, at, GitHubPat(), "github-token", found, word: true) is var next && next == at + 1 && GluedBefore(text, at)
                    ? Add(text, at, GitHubPatShape(), "github-token", found, word: false) : next;
            case 'g' when span.StartsWith("glpat-", StringComparison.Ordinal):
                return Add(text, at, GitLab(), "gitlab-token", found, word: true);
            case 'g':
                return Add(text, at, GitHub(), "github-token", found, word: true);
            case 'x':
                return Add(text, at, Slack(), "slack-token", found, word: true);
            case 'h':
                return WithScheme(text, at, Add(text, at, SlackWebhook(), "slack-webhook", found, word: false), found);
            case 's' when span.StartsWith("sk-ant-", StringComparison.Ordinal):
                return Add(text, at, Anthropic(), "anthropic-key", found, word: true);
            case 's' when span.StartsWith("sk-", StringComparison.Ordinal):
                return Add(text, at, OpenAi(), "openai-key", found, word: true, mixed: true);
            case 's' when span.StartsWith("sig=", StringComparison.Ordinal):
                return at > 0 && text[at - 1] is '&' or '?' ? SasToken(text, at, found) : at + 1;
            case 's' or 'r':
                return Add(text, at, Stripe(), "stripe-key", found, word: true);
            case 'G':
                return Add(text, at, GoogleClientSecret(), "google-oauth-secret", found, word: true);
            case 'y':
                return Add(text, at, GoogleAccessToken(), "google-oauth-token", found, word: true);
            case 'n':
                return Add(text, at, Npm(), "npm-token", found, word: true);
            case 'S' when span.StartsWith("SG.", StringComparison.Ordinal):
                return Add(text, at, SendGrid(), "sendgrid-key", found, word: true);
            case 'S' when span.StartsWith("SharedAccessKey=", StringComparison.Ordinal):
                return AddGroup(text, at, AzureSharedKey(), "azure-shared-access-key", found);
            case 'S':
                return Add(text, at, Twilio(), "twilio-api-key", found, word: true);
            case '-':
                return PrivateKey(text, at, found);
            case 'e':
                return JwtToken(text, at, found);
            case ':':
                return UrlPassword(text, at, found);
            default:
                return at + 1;
        }
    }

    private static int Add(string text, int at, Regex regex, string kind, List<SecretFinding> found, bool word, bool mixed = false)
    {
        if (word && GluedBefore(text, at))
        {
            return at + 1;
        }

        var match = regex.Match(text, at);
        if (!match.Success || (mixed && !SecretText.HasLettersAndDigits(match.ValueSpan)) || SecretText.IsPlaceholder(match.ValueSpan))
        {
            return at + 1;
        }

        found.Add(new SecretFinding(kind, match.Index, match.Length));
        return match.Index + match.Length;
    }

    private static int AddGroup(string text, int at, Regex regex, string kind, List<SecretFinding> found)
    {
        var match = regex.Match(text, at);
        if (!match.Success || SecretText.IsPlaceholder(match.Groups[1].ValueSpan))
        {
            return at + 1;
        }

        var value = match.Groups[1];
        found.Add(new SecretFinding(kind, value.Index, value.Length));
        return value.Index + value.Length;
    }

    /// <summary>
    /// How far past its header a private key's end is looked for. The largest keys in PEM (RSA at 16,384 bits) are about
    /// 13,000 characters; an attacker's text of headers without ends searched to the end of the text once per header.
    /// </summary>
    private const int MaxKeyText = 32 * 1024;

    private static int PrivateKey(string text, int at, List<SecretFinding> found)
    {
        var header = PrivateKeyHeader().Match(text, at);
        if (!header.Success)
        {
            return at + 1;
        }

        var bodyStart = header.Index + header.Length;
        var end = text.IndexOf("-----END ", bodyStart, Math.Min(text.Length - bodyStart, MaxKeyText), StringComparison.Ordinal);
        int stop;
        if (end >= 0)
        {
            var close = text.IndexOf("-----", end + 9, StringComparison.Ordinal);
            stop = close >= 0 ? close + 5 : end + 9;
        }
        else
        {
            // A truncated key is still a key: redact up to the end of its base64 body.
            stop = bodyStart;
            while (stop < text.Length && stop - bodyStart < 8192 && (char.IsAsciiLetterOrDigit(text[stop]) || text[stop] is '+' or '/' or '=' or '\r' or '\n' or ' ' or '\\' or ':' or '-' or ','))
            {
                stop++;
            }
        }

        // "-----BEGIN PRIVATE KEY-----this is not a private key-----END…": a key body is base64, at least 64 characters of it.
        var base64 = 0;
        foreach (var c in text.AsSpan(bodyStart, Math.Max(0, Math.Min(stop, end < 0 ? stop : end) - bodyStart)))
        {
            base64 += char.IsAsciiLetterOrDigit(c) || c is '+' or '/' ? 1 : 0;
        }

        if (base64 < 64)
        {
            return at + 1;
        }

        found.Add(new SecretFinding("private-key", at, stop - at));
        return stop;
    }

    /// <summary>A webhook URL is redacted with its scheme: "https://" before the host is part of the URL.</summary>
    private static int WithScheme(string text, int at, int next, List<SecretFinding> found)
    {
        if (next > at + 1 && found.Count > 0 && found[^1].Start == at && at >= 8 && text.AsSpan(at - 8, 8).SequenceEqual("https://"))
        {
            found[^1] = found[^1] with { Start = at - 8, Length = found[^1].Length + 8 };
        }

        return next;
    }

    /// <summary>
    /// A shared-access signature: the whole query string (<c>sp=…&amp;st=…&amp;se=…&amp;sv=…&amp;sig=…</c>) is the token, not
    /// only its signature, so it is redacted from its first parameter to its end.
    /// </summary>
    private static int SasToken(string text, int at, List<SecretFinding> found)
    {
        var next = AddGroup(text, at, SasSignature(), "azure-sas-signature", found);
        if (next == at + 1)
        {
            return next;
        }

        var start = at;
        while (start > 0 && at - start < 1024 && text[start - 1] is not ('?' or ' ' or '\n' or '"' or '\'' or '<' or '>'))
        {
            start--;
        }

        // "AZURE_SAS_TOKEN=sp=…&sig=…": the name before the first parameter is not part of the token.
        var firstAmp = text.IndexOf('&', start, at - start);
        var firstEq = text.IndexOf('=', start, (firstAmp < 0 ? at : firstAmp) - start);
        if (firstEq > start && text.IndexOf('=', firstEq + 1, (firstAmp < 0 ? at : firstAmp) - firstEq - 1) > 0)
        {
            start = firstEq + 1;
        }

        var query = text.AsSpan(start, at - start);
        if (query.Contains("sv=", StringComparison.Ordinal) || query.Contains("se=", StringComparison.Ordinal) || query.Contains("sp=", StringComparison.Ordinal))
        {
            var end = found[^1].Start + found[^1].Length;
            while (end < text.Length && text[end] is not (' ' or '\n' or '"' or '\'' or '<' or '>' or '#'))
            {
                end++;
            }

            found[^1] = found[^1] with { Start = start, Length = end - start };
            return end;
        }

        return next;
    }

    /// <summary>A JWT whose header decodes to a JSON object naming its algorithm (<c>{"alg":…}</c>); random "eyJ…" text is not one.</summary>
    private static int JwtToken(string text, int at, List<SecretFinding> found)
    {
        if (GluedBefore(text, at))
        {
            return at + 1;
        }

        var match = Jwt().Match(text, at);
        if (!match.Success)
        {
            return at + 1;
        }

        var header = match.ValueSpan[..match.ValueSpan.IndexOf('.')];
        Span<byte> decoded = stackalloc byte[Math.Min(header.Length, 1024)];
        // RFC 7515: every JOSE header names its algorithm, so the decoded header holds "alg".
        if (header.Length > 1024 || !TryDecodeBase64Url(header, decoded, out var written) || written < 2 || decoded[0] != '{' || decoded[..written].TrimEnd(" \r\n"u8)[^1] != '}' || decoded[..written].IndexOf("\"alg\""u8) < 0
            || SecretJwtPlaceholders.HasPlaceholderSignature(match.ValueSpan))
        {
            return at + 1;
        }

        found.Add(new SecretFinding("jwt", match.Index, match.Length));
        return match.Index + match.Length;
    }

    private static bool TryDecodeBase64Url(ReadOnlySpan<char> segment, Span<byte> destination, out int written)
    {
        Span<char> padded = stackalloc char[segment.Length + 3];
        segment.CopyTo(padded);
        var length = segment.Length;
        for (var i = 0; i < length; i++)
        {
            padded[i] = padded[i] switch { '-' => '+', '_' => '/', var c => c };
        }

        while (length % 4 != 0)
        {
            padded[length++] = '=';
        }

        return Convert.TryFromBase64Chars(padded[..length], destination, out written);
    }

    private static int UrlPassword(string text, int at, List<SecretFinding> found)
    {
        // scheme://user:password@host — the scheme must precede the anchor.
        if (at == 0 || !char.IsAsciiLetter(text[at - 1]) || !text.AsSpan(at).StartsWith("://", StringComparison.Ordinal))
        {
            return at + 1;
        }

        var i = at + 3;
        var userStart = i;
        if (TemplateEnd(text, i) is > 0 and var templated && templated < text.Length && text[templated] == ':')
        {
            // https://{user}:…@, postgres://${DB_USER}:…@: a templated user beside a written-out password.
            i = templated;
        }

        while (i < text.Length && i - userStart < 128 && IsUserInfoChar(text[i]) && text[i] != ':')
        {
            i++;
        }

        // https://<key>@o1.ingest.sentry.io/1 (Sentry's DSN), https://<token>@git.example.com/…: a generated token as the
        // whole user part, with no password (the user loop reads on past '@' into the host).
        if (text.AsSpan(userStart, i - userStart).IndexOf('@') is > 0 and var userEnd && UrlUserToken(text, userStart, userStart + userEnd, found))
        {
            return userStart + userEnd;
        }

        // redis://:password@host: a password without a user (not CVS's cvs://:pserver:user@host, a method and a user).
        if (i >= text.Length || text[i] != ':')
        {
            return at + 3;
        }

        // The password may itself hold '@' ("myR3alP@ssw0rd@cluster0"): the host follows the authority's last '@'.
        var passwordStart = ++i;
        while (i < text.Length && i - passwordStart < 256 && IsUserInfoChar(text[i]) && text[i] != ',')
        {
            i++;
        }

        // postgres://app:Xk9/qT3#mW7@db: a pasted password holding symbols a URL reserves.
        var symbolEnd = SymbolPasswordEnd(text, userStart, passwordStart, i);
        i = symbolEnd > 0 ? symbolEnd : i == passwordStart ? -1 : text.LastIndexOf('@', i - 1, i - passwordStart);
        if (i <= passwordStart || i + 1 >= text.Length || !(char.IsAsciiLetterOrDigit(text[i + 1]) || TemplateEnd(text, i + 1) > 0))
        {
            return at + 3;
        }

        var password = text.AsSpan(passwordStart, i - passwordStart);
        var user = text.AsSpan(userStart, passwordStart - 1 - userStart);

        // "postgres:postgres@", "user:abc@", "user:MyPassword1@": default or toy credentials of examples, not secrets
        // ("user:password8901…@" with twelve or more characters besides the word is a credential in a URL, and so is
        // "user:Password12^@", the word with a digit and a symbol, the complexity a password policy asks for).
        if (SecretText.IsPlaceholder(password) || SecretText.IsPlaceholderWord(password) || (symbolEnd < 0 && password.ContainsAny('/', '?', '#')) || (symbolEnd > 0 && !MixesLettersAndDigits(password)) || password.Length < 4
            || password.SequenceEqual(user) || (password.Contains("password", StringComparison.OrdinalIgnoreCase) && password.Length < "password".Length + 12 && !WithDigitAndSymbol(password))
            || (user.IsEmpty && password.Contains(':')))
        {
            return i;
        }

        found.Add(new SecretFinding("url-password", passwordStart, i - passwordStart));
        return i;
    }

    /// <summary>
    /// Reports the user part from <paramref name="start"/> to the '@' at <paramref name="end"/> when it is a generated
    /// token: 20 to 128 letters and digits (inner '_' and '-'), drawn at random as a key-named token's body is, and no
    /// placeholder. Account names (<c>git@</c>, <c>john.doe@</c>, <c>deploy-bot-service-account@</c>) are not.
    /// </summary>
    private static bool UrlUserToken(string text, int start, int end, List<SecretFinding> found)
    {
        var user = text.AsSpan(start, end - start);
        if (user.Length is < 20 or > 128 || user.ContainsAnyExcept(TokenUserChars) || end + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[end + 1])
            || !SecretKeyNamedTokens.Generated(user) || SecretText.IsPlaceholder(user))
        {
            return false;
        }

        found.Add(new SecretFinding("url-token", start, end - start));
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> TokenUserChars = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    private static bool WithDigitAndSymbol(ReadOnlySpan<char> password)
        => password.IndexOfAnyInRange('0', '9') >= 0 && password.ContainsAnyExcept(AsciiLettersAndDigits);

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static bool IsUserInfoChar(char c) => c > ' ' && c is not ('/' or '?' or '#' or '"' or '\'' or '<' or '>' or '`' or '[' or ']' or '(' or ')' or '{' or '}' or '\\');

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '.';

    /// <summary>True when the token at <paramref name="at"/> continues a word before it (an escape such as <c>%22</c> or <c>\n</c> ends the word).</summary>
    private static bool GluedBefore(string text, int at) => at > 0 && IsTokenChar(text[at - 1]) && !SecretEscapes.Before(text, at) && !SecretUrlPaths.StartsSegment(text, at) && !SecretJoinedTokens.After(text, at);

    [GeneratedRegex(@"\G(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AwsKeyId();

    [GeneratedRegex(@"\GAIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GcpKey();

    [GeneratedRegex(@"\GAccountKey=([A-Za-z0-9+/]{40,128}={0,2})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AzureKey();

    [GeneratedRegex(@"\GSharedAccessKey=([A-Za-z0-9+/]{30,128}={0,2})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AzureSharedKey();

    [GeneratedRegex(@"\Gsig=([A-Za-z0-9%+/]{30,256}(?:%3D|=){0,2})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"\Ggh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GitHub();

    [GeneratedRegex(@"\Ggithub_pat_[A-Za-z0-9_]{50,255}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GitHubPat();

    [GeneratedRegex(@"\Gglpat-[A-Za-z0-9_\-]{20,64}(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GitLab();

    // Ids of digits (xoxb-123456-789012-…), or parts of letters and digits (xoxb-853BAAEE-1B2eDb6A4c75-01bB6Da…): each
    // part of 8+ characters holds a digit, the last has 24 or more.
    [GeneratedRegex(@"\Gxox[abposr]-(?:(?:[0-9]{6,}-){1,3}[A-Za-z0-9\-]{10,}|(?:(?=[A-Za-z]*[0-9])[A-Za-z0-9]{8,}-){2,3}(?=[A-Za-z]*[0-9])[A-Za-z0-9]{24,}(?![A-Za-z0-9\-]))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Slack();

    [GeneratedRegex(@"\Ggithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GitHubPatShape();

    [GeneratedRegex(@"\Ghooks\.slack\.com/services/T[A-Za-z0-9]{6,}/B[A-Za-z0-9]{6,}/[A-Za-z0-9]{16,}", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"\G[sr]k_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Stripe();

    [GeneratedRegex(@"\Gsk-ant-[a-z0-9]{2,10}-[A-Za-z0-9_\-]{32,}", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Anthropic();

    [GeneratedRegex(@"\Gsk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{32,}(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex OpenAi();

    [GeneratedRegex(@"\GGOCSPX-[A-Za-z0-9_\-]{28}(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GoogleClientSecret();

    [GeneratedRegex(@"\Gya29\.[0-9A-Za-z_\-]{30,}", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GoogleAccessToken();

    [GeneratedRegex(@"\Gnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Npm();

    [GeneratedRegex(@"\GSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SendGrid();

    [GeneratedRegex(@"\GSK[0-9a-f]{32}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Twilio();

    [GeneratedRegex(@"\G-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PrivateKeyHeader();

    [GeneratedRegex(@"\GeyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}(?:\.[A-Za-z0-9_\-]*)?", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Jwt();
}
