namespace AgentGuard;

/// <summary>
/// A token whose own prefix names a key, whatever the service: <c>key_8c08a175…</c>, <c>key-3ax6xnjp…</c>,
/// <c>sk_2a30e5a0…</c>, <c>pat-na2-3b124f92-…</c>, <c>acme_application_key_A1b2C3…</c>, <c>live_auth_250ae896…</c>.
/// Services print their keys as a short prefix and a random body, and a prefix segment that says key, sk, api, pat,
/// auth, token or secret says what the body is, so a hex or UUID body counts here (after another prefix it is an id).
/// The prefix must be whole segments of letters (<c>task-…</c>, <c>disk-…</c> end in "sk" but name no key), and the body
/// 20 to 128 letters and digits (inner '_' and '-' allowed) with both letters and digits that are neither words nor a
/// name in code (<c>api-server-deployment-7d4b…</c>, <c>key_value_store_backup_2023…</c>, <c>api_version_2024_01_15…</c>)
/// nor a placeholder.
/// </summary>
internal static class SecretKeyNamedTokens
{
    private const int MinBody = 20;
    private const int MaxBody = 128;

    /// <summary>The key-naming segments with their separator (matched without regard to case).</summary>
    internal static readonly string[] Anchors =
        ["key_", "key-", "sk_", "api_", "api-", "pat_", "pat-", "auth_", "token_", "token-", "secret_", "secret-"];

    /// <summary>Prefixes of formats with a shape of their own, checked where they are found.</summary>
    private static readonly string[] FormatPrefixes = ["github_pat_", "sk_live_", "sk_test_", "rk_live_", "rk_test_"];

    /// <summary>Examines the anchor at <paramref name="at"/>; adds the token when its body is a generated one.</summary>
    public static void Match(string text, int at, List<SecretFinding> found)
    {
        // The anchor starts a segment: at the token's start or after '_' or '-' that follow letters only.
        var start = at;
        while (start > 0 && at - start < 40 && (char.IsAsciiLetter(text[start - 1]) || (text[start - 1] is '_' or '-' && start - 1 > 0 && char.IsAsciiLetter(text[start - 2]))))
        {
            start--;
        }

        if ((start < at && text[at - 1] is not ('_' or '-')) || (start > 0 && IsTokenChar(text[start - 1])) || (start > 0 && text[start - 1] is '.' or '/' or '$' or '@' or '\\'))
        {
            return;
        }

        var bodyStart = at + text.AsSpan(at).IndexOfAny('_', '-') + 1;

        // idempotency_key_…, partition-key-…: a key that names a record, not a credential (as the key-value rule reads it).
        if (KeyValueSecrets.HoldsNotSecretPart(text.AsSpan(start, bodyStart - start)))
        {
            return;
        }

        var end = bodyStart;
        while (end < text.Length && end - bodyStart <= MaxBody && IsTokenChar(text[end]))
        {
            end++;
        }

        var body = text.AsSpan(bodyStart, end - bodyStart).TrimEnd("_-");
        if (body.Length is < MinBody or > MaxBody || (end < text.Length && text[end] is '.' or '/' or '@' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1])))
        {
            return;
        }

        // A token that holds a format's own prefix is that format's to judge, by its shape (use_github_pat_11BDED… is a
        // name with a stub of a fine-grained token, not a key).
        var token = text.AsSpan(start, bodyStart + body.Length - start);
        foreach (var prefix in FormatPrefixes)
        {
            if (token.Contains(prefix, StringComparison.Ordinal))
            {
                return;
            }
        }

        if (!Generated(body) || SecretText.IsPlaceholder(text.AsSpan(start, bodyStart + body.Length - start)) || SecretText.IsPlaceholderWord(body))
        {
            return;
        }

        found.Add(new SecretFinding("generic-secret", start, bodyStart + body.Length - start));
    }

    /// <summary>
    /// Letters and digits drawn at random: four or more of each, interleaved (three runs of each), not mostly words and
    /// not a name in code (a hex or UUID body passes: its letters are too few for words).
    /// </summary>
    internal static bool Generated(ReadOnlySpan<char> body)
    {
        int letters = 0, digits = 0, letterRuns = 0, digitRuns = 0;
        for (var k = 0; k < body.Length; k++)
        {
            var c = body[k];
            var previous = k == 0 ? '\0' : body[k - 1];
            if (char.IsAsciiLetter(c))
            {
                letters++;
                letterRuns += char.IsAsciiLetter(previous) ? 0 : 1;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
                digitRuns += char.IsAsciiDigit(previous) ? 0 : 1;
            }
        }

        // Drawn at random, letters and digits interleave (count_1234567890… is a word and a number).
        return letters >= 4 && digits >= 4 && letterRuns >= 3 && digitRuns >= 3 && !SecretText.MostlyWords(body) && !SecretText.LooksLikeIdentifier(body) && SecretText.Entropy(body) >= 3.0;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
