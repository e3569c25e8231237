using System.Buffers;

namespace AgentGuard;

/// <summary>
/// The default <see cref="ISecretDetector"/>: well-known credential formats (cloud keys, VCS and SaaS tokens, private
/// keys, JWTs, passwords in URLs and connection strings, bearer tokens) and high-entropy values next to key-like names
/// (<c>api_key=</c>, <c>token:</c>, <c>secret=</c>). One vectorized pass finds anchor strings; only the text at an
/// anchor is examined further, so a clean 10 KB result costs a few microseconds. Documented placeholders
/// (<c>AKIAIOSFODNN7EXAMPLE</c>, <c>&lt;your-token&gt;</c>, <c>${API_KEY}</c>) are not reported.
/// </summary>
internal sealed class SecretDetector : ISecretDetector
{
    /// <summary>Case-sensitive anchors of the fixed formats.</summary>
    private static readonly string[] FormatAnchors =
    [
        "AKIA", "ASIA", "ABIA", "ACCA", "AIza", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox",
        "hooks.slack.com/services/", "sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk-", "GOCSPX-", "ya29.", "npm_",
        "SG.", "-----BEGIN ", "eyJ", "AccountKey=", "SharedAccessKey=", "sig=", "://",
    ];

    /// <summary>Case-insensitive key-like names whose values are examined for secrets.</summary>
    private static readonly string[] KeyAnchors = ["pass", "pwd", "secret", "token", "key", "credential", "auth", "bearer", "_pw", "-pw", "_pat", "pat\"", "pat'", "master>", "crumb", "sonar.login", "sonarlogin", "sonar_login", "private", "access", "convertto-securestring", "identified by", "identified with", "psw", "pssw", "pasw", "basic", SecretDockerConfigs.Anchor, .. KeyValueSecrets.PasswordShorthandAnchors];

    private static readonly AnchorSearch Formats = new(FormatAnchors, StringComparison.Ordinal);
    private static readonly AnchorSearch Providers = new(SecretProviderTokens.Anchors.Concat(SecretEncodedFormats.Anchors).Concat(SecretStructuredTokens.Anchors).Append(SecretServiceAccounts.Anchor), StringComparison.Ordinal);
    private static readonly AnchorSearch Keys = new(KeyAnchors, StringComparison.OrdinalIgnoreCase);

    /// <summary>What may follow <c>key</c> for it to end a name (<c>key=</c>, <c>keys</c>, <c>key.=</c> is checked apart).</summary>
    private static readonly SearchValues<char> KeyFollowers = SearchValues.Create("=:\"' >?+,\n\r-sS");

    /// <summary>What may follow <c>pwd</c> for it to end a name (<c>pwd=</c>, <c>pwd:</c>, <c>pwd"</c>, <c>pwd'</c>, <c>pwd </c>, <c>pwd&gt;</c>).</summary>
    private static readonly SearchValues<char> PwdFollowers = SearchValues.Create("=:\"' >");
    private static readonly AnchorSearch KeyNamedTokens = new(SecretKeyNamedTokens.Anchors, StringComparison.OrdinalIgnoreCase);

    public void Find(string text, ICollection<SecretFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        if (text.Length < 8)
        {
            return;
        }

        foreach (var finding in Read(text, level: 0))
        {
            findings.Add(finding);
        }
    }

    /// <summary>
    /// The findings of <paramref name="text"/>; a JSON text is also read decoded (a serializer's escapes hide keys and cut
    /// values), its findings mapped back, and JSON inside its strings in turn, up to <see cref="JsonEscapes.MaximumLevels"/>.
    /// Each string value that holds a text is read as a text of its own; the decoded reading does not read its values
    /// again: they are the written values' decoded characters, which the written text's value readings already read
    /// (each a text of its own, decoded, with its own values in turn).
    /// </summary>
    private static List<SecretFinding> Read(string text, int level)
    {
        // Each string value that holds a text is read as a text of its own: what opens it opens the tool's output. Its
        // interior, far from its ends, is that reading's alone: the whole text's readings see a gap of spaces instead.
        var values = level < JsonEscapes.MaximumLevels && SecretJsonStrings.HoldsJson(text) ? SecretJsonStrings.TextValues(text) : null;
        var interiors = SecretJsonInteriors.Find(values);
        var merged = interiors is null ? ReadWhole(text, level) : ReadCompacted(text, interiors, level);

        if (values is not null)
        {
            foreach (var (value, valueMap) in values)
            {
                try
                {
                    foreach (var finding in Read(value, level + 1))
                    {
                        if (SecretJsonStrings.Written(text, value, valueMap, finding) is { } written)
                        {
                            merged.Add(written);
                        }
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<int>.Shared.Return(valueMap);
                }
            }

            merged = Merged(merged);
        }

        return merged;
    }

    /// <summary>
    /// The whole text's readings of <paramref name="text"/> with the <paramref name="interiors"/> of its long values cut
    /// to a gap (those values' own readings read them), at the written text's positions.
    /// </summary>
    private static List<SecretFinding> ReadCompacted(string text, List<(int Start, int End)> interiors, int level)
    {
        var compaction = SecretJsonInteriors.Compacted(text, interiors);
        return compaction.Restored(ReadWhole(compaction.Text, level));
    }

    /// <summary>
    /// The findings of <paramref name="text"/> as written and, for a JSON text, decoded one level (and deeper in turn),
    /// mapped back to the characters that wrote them.
    /// </summary>
    private static List<SecretFinding> ReadWhole(string text, int level)
    {
        var merged = Collect(text);
        if (level < JsonEscapes.MaximumLevels && SecretJsonStrings.TryDecode(text, out var decoded, out var map))
        {
            try
            {
                // What the written reading found across or against an escape it read as written (u0022abc…) is the
                // decoded reading's to find: kept, it would cut a value the decoded reading reads whole or not at all.
                merged.RemoveAll(finding => SecretJsonStrings.TouchesEscape(map, decoded.Length, finding));
                foreach (var finding in ReadWhole(decoded, level + 1))
                {
                    if (SecretJsonStrings.Written(text, decoded, map, finding) is { } written)
                    {
                        merged.Add(written);
                    }
                }

                merged = Merged(merged);
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(map);
            }
        }

        return merged;
    }

    /// <summary>Findings that overlap merged into one, in text order (a specific kind names a span a generic one shares a start with).</summary>
    private static List<SecretFinding> Merged(List<SecretFinding> found)
    {
        var merged = new List<SecretFinding>(found.Count);
        foreach (var finding in InTextOrder(found))
        {
            MergeInto(merged, finding);
        }

        return merged;
    }

    /// <summary>
    /// Adds <paramref name="finding"/> (in text order) to <paramref name="merged"/>, or widens the last finding it overlaps;
    /// where a generic reading ("url-password", "generic-secret") and a specific one start together, the specific one
    /// names the secret (a GitHub token as a URL's password is a github-token).
    /// </summary>
    private static void MergeInto(List<SecretFinding> merged, SecretFinding finding)
    {
        if (merged.Count > 0 && finding.Start < merged[^1].Start + merged[^1].Length)
        {
            var last = merged[^1];
            var kind = finding.Start == last.Start && IsGeneric(last.Kind) && !IsGeneric(finding.Kind) ? finding.Kind : last.Kind;
            var start = Math.Min(last.Start, finding.Start);
            var end = Math.Max(last.Start + last.Length, finding.Start + finding.Length);
            merged[^1] = last with { Kind = kind, Start = start, Length = end - start };
            return;
        }

        merged.Add(finding);
    }

    /// <summary>The findings of <paramref name="text"/> as written, widened to whole tokens and merged.</summary>
    private static List<SecretFinding> Collect(string text)
    {
        var found = new List<SecretFinding>();
        ScanFormats(text, found);
        ScanProviders(text, found);
        ScanTwilio(text, found);
        ScanKeyValues(text, found);
        KeyValueSecrets.ScanCurlUser(text, found);
        SecretEncodedFormats.ScanDiscord(text, found);
        SecretPuttyKeys.Scan(text, found);
        SecretPercentEncodedQueries.Scan(text, found);
        SecretAssignedTokens.Scan(text, found);
        ScanKeyNamedTokens(text, found);
        SecretBase64Runs.DropInside(text, found);
        if (found.Count == 0)
        {
            return found;
        }

        SecretCompanions.Add(text, found);
        var merged = new List<SecretFinding>(found.Count);
        var walked = new Run(0, 0);
        var blocks = SecretBlocks.Find(text);
        foreach (var candidate in InTextOrder(found))
        {
            // A secret never leaves a fragment: a finding that stops inside a run of token characters covers the run,
            // and a value wrapped over lines or inside a BEGIN/END block covers its lines.
            var finding = Continued(text, Whole(text, candidate, ref walked));

            // One inside the span before it is not widened again: that span was widened over the same lines and blocks
            // (thousands of findings in one wrapped value would otherwise each walk its lines).
            if (merged.Count == 0 || finding.Start + finding.Length > merged[^1].Start + merged[^1].Length)
            {
                finding = SecretBlocks.Widened(text, finding, blocks);
            }

            finding = SecretQuotedLiterals.Widened(text, finding);

            // Overlapping findings (a JWT behind "Bearer", a key in a connection string) are reported once, merged.
            MergeInto(merged, finding);
        }

        return merged;
    }

    /// <summary>
    /// The findings by start, the longer first at one start, and in the order they were reported where both are equal
    /// (a stable order: the kind a span is reported under does not depend on the sort).
    /// </summary>
    private static SecretFinding[] InTextOrder(List<SecretFinding> found)
    {
        var ordered = new (SecretFinding Finding, int Reported)[found.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = (found[i], i);
        }

        Array.Sort(ordered, static (a, b) => a.Finding.Start != b.Finding.Start ? a.Finding.Start.CompareTo(b.Finding.Start)
            : a.Finding.Length != b.Finding.Length ? b.Finding.Length.CompareTo(a.Finding.Length)
            : a.Reported.CompareTo(b.Reported));
        return Array.ConvertAll(ordered, static o => o.Finding);
    }

    /// <summary>Kinds that say where a secret stands, not what it is: a specific reading of the same span names it instead.</summary>
    private static bool IsGeneric(string kind) => kind is "password" or "generic-secret" or "basic-auth-password" or "url-password" or "url-token";

    /// <summary>
    /// Extends a finding to the end of the token it stops in (a 2,000-character token is redacted whole).
    /// <paramref name="walked"/> is the last stretch of token characters read to its end: a finding that stops inside it
    /// ends where it ends without reading it again, so a thousand findings in one long run (an attacker's tool result
    /// of a value repeated without spaces) read the run once, not once each.
    /// </summary>
    private static SecretFinding Whole(string text, SecretFinding finding, ref Run walked)
    {
        var end = finding.Start + finding.Length;
        if (end >= text.Length || end == finding.Start || !IsRunChar(text[end - 1]) || !IsRunChar(text[end]))
        {
            return finding;
        }

        var from = end;
        if (end > walked.Start && end < walked.End)
        {
            end = walked.End;
        }

        while (end < text.Length && IsRunChar(text[end]))
        {
            if (end == walked.Start && walked.End > end)
            {
                end = walked.End;
                break;
            }

            end++;
        }

        walked = new Run(from, end);
        return finding with { Length = end - finding.Start };
    }

    /// <summary>A stretch <c>[Start, End)</c> of token characters whose end is not one.</summary>
    private readonly record struct Run(int Start, int End);

    /// <summary>
    /// Extends a finding that stops at a shell line continuation inside a word (<c>TOKEN=abc\</c>, a line break, <c>def</c>):
    /// the shell joins the two lines into one word, so the secret goes on at the start of the next line.
    /// </summary>
    private static SecretFinding Continued(string text, SecretFinding finding)
    {
        var end = finding.Start + finding.Length;

        // The value read may have taken the backslash in.
        var at = end > finding.Start + 1 && text[end - 1] == '\\' && end < text.Length && text[end] is '\n' or '\r' ? end - 1 : end;
        while (at + 2 < text.Length && text[at] == '\\' && at > finding.Start && !char.IsWhiteSpace(text[at - 1]))
        {
            var next = at + (text[at + 1] == '\n' ? 2 : text[at + 1] == '\r' && text[at + 2] == '\n' ? 3 : 0);
            if (next == at || next >= text.Length || !IsShellWordChar(text[next]))
            {
                break;
            }

            at = next;
            while (at < text.Length && IsShellWordChar(text[at]))
            {
                at++;
            }

            end = at;
        }

        return finding with { Length = end - finding.Start };
    }

    private static bool IsShellWordChar(char c) => c > ' ' && c is not ('"' or '\'' or '`' or ';' or '|' or '&' or '<' or '>' or '(' or ')' or '\\');

    private static bool IsRunChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '=';

    private static void ScanKeyNamedTokens(string text, List<SecretFinding> found)
    {
        for (var group = 0; group < KeyNamedTokens.GroupCount; group++)
        {
            for (var at = KeyNamedTokens.Next(text, group, 0); at >= 0; at = KeyNamedTokens.Next(text, group, at + 1))
            {
                SecretKeyNamedTokens.Match(text, at, found);
            }
        }
    }

    private static void ScanProviders(string text, List<SecretFinding> found)
    {
        for (var group = 0; group < Providers.GroupCount; group++)
        {
            for (var at = Providers.Next(text, group, 0); at >= 0;)
            {
                // Every hit is read, also one inside a token another anchor just matched: which anchors share a group
                // must not decide what is found (overlapping findings are merged later).
                _ = text[at] is ':' or '-' && (text.AsSpan(at).StartsWith(":AA", StringComparison.Ordinal) || text.AsSpan(at).StartsWith("-us", StringComparison.Ordinal)) || text.AsSpan(at).StartsWith("ZXlK", StringComparison.Ordinal) || text.AsSpan(at).StartsWith("LS0tLS1CRUdJTi", StringComparison.Ordinal)
                    ? SecretEncodedFormats.Match(text, at, found)
                    : SecretStructuredTokens.Handles(text, at) ? SecretStructuredTokens.Match(text, at, found)
                    : SecretServiceAccounts.Handles(text, at) ? SecretServiceAccounts.Match(text, at, found) : SecretProviderTokens.Match(text, at, found);
                at = Providers.Next(text, group, at + 1);
            }
        }
    }

    private static void ScanFormats(string text, List<SecretFinding> found)
    {
        for (var group = 0; group < Formats.GroupCount; group++)
        {
            for (var at = Formats.Next(text, group, 0); at >= 0;)
            {
                // Every hit is read, except inside a private key just found: its finding covers the whole body, and
                // reading each header of an attacker's text of keys read the same body once per header.
                var next = SecretFormats.MatchInTime(text, at, found) is var resume && text[at] == '-' ? Math.Max(resume, at + 1) : at + 1;
                at = Formats.Next(text, group, next);
            }
        }
    }

    private static void ScanTwilio(string text, List<SecretFinding> found)
    {
        // "SK" is too short for the multi-string search; a single-string pass is vectorized and cheap.
        for (var at = text.IndexOf("SK", StringComparison.Ordinal); at >= 0 && at < text.Length - 2; at = text.IndexOf("SK", at + 2, StringComparison.Ordinal))
        {
            if (text.Length - at >= 34 && char.IsAsciiHexDigitLower(text[at + 2]))
            {
                SecretFormats.MatchInTime(text, at, found);
            }
        }
    }

    /// <summary>
    /// The anchors <c>key</c> and <c>pwd</c> count only where the character after them can end a name (one anchor each
    /// and a look at the next character, not one anchor per follower: fewer anchors keep the search at two vector passes).
    /// Every other anchor counts wherever it is found.
    /// </summary>
    private static bool EndsAName(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.StartsWith("key", StringComparison.OrdinalIgnoreCase))
        {
            // KEY1=, subscriptionKey2:, KEY_2 = …: a key named with an index (two keys, one rotated while the other serves).
            return rest.Length > 3 && (KeyFollowers.Contains(rest[3]) || (rest[3] == '.' && rest.Length > 4 && rest[4] == '=')
                || (KeyValueSecrets.KeyIndexEnd(rest) is > 0 and var index && index < rest.Length && KeyValueSecrets.EndsIndexedKey(rest[index])));
        }

        if (rest.StartsWith("pwd", StringComparison.OrdinalIgnoreCase))
        {
            return rest.Length > 3 && PwdFollowers.Contains(rest[3]);
        }

        return true;
    }

    private static void ScanKeyValues(string text, List<SecretFinding> found)
    {
        // Several anchors can hit one name (api_key_secret); each name is examined once. The names seen are kept on the
        // stack (a clean page allocates nothing); past that, a name may be examined twice, which only costs time:
        // identical findings are merged.
        Span<int> examined = stackalloc int[64];
        var count = 0;
        var innerNames = default(KeyValueSecrets.InnerNames);
        for (var group = 0; group < Keys.GroupCount; group++)
        {
            for (var at = Keys.Next(text, group, 0); at >= 0; at = Keys.Next(text, group, at + 1))
            {
                // Authorization%3A%20Bearer%20…: a header percent-encoded whole.
                if (text[at] is 'b' or 'B')
                {
                    SecretPercentEncodedSchemes.Match(text, at, found);
                }

                // Basic dXNlcjpw…: the word after the scheme is read on its own (an English "basic" costs one word).
                if (KeyValueSecrets.BareBasic(text, at, found) || !EndsAName(text, at))
                {
                    continue;
                }

                var nameStart = at;
                while (nameStart > 0 && at - nameStart < 64 && KeyValueSecrets.IsKeyChar(text[nameStart - 1]))
                {
                    nameStart--;
                }

                if (examined[..count].Contains(nameStart))
                {
                    continue;
                }

                if (count < examined.Length)
                {
                    examined[count++] = nameStart;
                }

                KeyValueSecrets.Match(text, at, found, ref innerNames);
            }
        }
    }
}
