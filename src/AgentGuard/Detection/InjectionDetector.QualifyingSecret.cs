namespace AgentGuard;

/// <content>
/// A sending that names a secret only to qualify something else: "Email your password reset request to it-help@…",
/// "send your token renewal form to …", "please send your password change request to helpdesk@…". The help pages of
/// an IT desk say so to people, and what they send is their request, not the secret; the older sending check read the
/// word "password" in the span and called it exfiltration. A secret's noun followed by a noun it qualifies (reset,
/// change, request, policy, form, …) is not what is sent; a sensitive object of its own elsewhere in the span still is
/// ("send the password reset link to …" hands over a reset link), and so is the secret itself ("email your password to
/// …"). The request is then the person's own material (<see cref="SendsOwnMaterial"/>): "your [password reset]
/// request".
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The secrets' nouns that can qualify another noun.</summary>
    private static readonly string[] QualifyingSecrets = ["password", "credential", "token", "api key", "passcode", "secret"];

    /// <summary>Nouns a secret's noun qualifies: what is sent is the request, the form, the policy.</summary>
    private static readonly string[] QualifiedNouns =
    [
        "reset", "resets", "change", "changes", "request", "requests", "policy", "policies", "manager", "managers", "hint",
        "hints", "requirements", "rules", "expiry", "expiration", "rotation", "renewal", "form", "forms", "strength",
        "complexity", "update", "updates", "problem", "problems", "issue", "issues", "question", "questions", "help",
    ];

    /// <summary><see cref="ContainsSensitiveObject"/> of a matched sending, past secrets' nouns that only qualify a request or a form.</summary>
    private static bool SendsSensitiveObject(ReadOnlySpan<char> send)
    {
        var from = 0;
        while (from < send.Length && ContainsSensitiveObject(send[from..]))
        {
            var qualifier = FirstQualifyingSecret(send[from..], out var after);
            if (qualifier < 0)
            {
                return true;
            }

            // Is the first sensitive object this qualifying noun? Then look past it.
            if (ContainsSensitiveObject(send[from..(from + qualifier)]))
            {
                return true;
            }

            from += after;
        }

        return false;
    }

    /// <summary>
    /// The start of the first <see cref="QualifyingSecrets"/> noun (plural allowed) followed by one of
    /// <see cref="QualifiedNouns"/> in <paramref name="span"/>, or -1; <paramref name="after"/> is the end of that noun.
    /// </summary>
    private static int FirstQualifyingSecret(ReadOnlySpan<char> span, out int after)
    {
        after = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetter(span[i]))
            {
                i++;
            }

            var start = i;
            foreach (var secret in QualifyingSecrets)
            {
                if (AsciiCase.StartsWith(span[start..], secret))
                {
                    var end = start + secret.Length;
                    if (end < span.Length && span[end] is 's' or 'S')
                    {
                        end++;
                    }

                    if (end < span.Length && char.IsLetter(span[end]))
                    {
                        continue;
                    }

                    var k = end;
                    if (IsOneOf(NextWord(span, ref k), QualifiedNouns))
                    {
                        after = end;
                        return start;
                    }
                }
            }

            while (i < span.Length && char.IsLetter(span[i]))
            {
                i++;
            }
        }

        return -1;
    }
}
