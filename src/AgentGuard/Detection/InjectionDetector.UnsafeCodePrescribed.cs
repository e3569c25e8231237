using System.Buffers;

namespace AgentGuard;

/// <content>
/// Unsafe code prescribed to whoever writes code against a file, a page or a docstring a coding agent reads: a command run
/// through a shell (<c>shell=True</c>, <c>os.system(…)</c>), certificate checks switched off (<c>verify=False</c>,
/// <c>rejectUnauthorized: false</c>), untrusted data deserialized or evaluated (<c>pickle.loads</c>, <c>yaml.load(</c>,
/// <c>eval(</c>), a key hard-coded, input kept from being sanitized or concatenated into SQL — put as a rule ("always",
/// "every caller must", "instead, call it as …", "never call this without filtering it through os.system(…)") and sold
/// as safe or as the only way. That is how a poisoned docstring turns a coding agent into the attacker's hands (the
/// code-completion attack of Greshake et al.). Security guides, linters' documentation and manuals name the same
/// constructs to warn against them ("never pass verify=False", "… allows shell injection", "only for testing"), or say
/// when one is needed without selling it: those are not read as prescriptions.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far before a construct its clause is read (a docstring's line or two).</summary>
    private const int UnsafeClauseReach = 240;

    /// <summary>How far after a construct the claims and warnings of its sentence and the next are read.</summary>
    private const int UnsafeSentenceReach = 320;

    /// <summary>The characters of a construct's name: letters, digits, '_' and '.'.</summary>
    private static readonly SearchValues<char> ConstructNameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");

    /// <summary>The safe practices among the family's anchors: prescribed unsafe code when denied ("never sanitize").</summary>
    private static readonly string[] SafePractices = ["sanitiz", "sanitis", "safe_load", "parameteriz", "parametriz"];

    /// <summary>What a hard-coded value must be for the practice to be unsafe.</summary>
    private static readonly string[] HardCodedSecrets = ["key", "token", "password", "secret", "credential"];

    /// <summary>Words that bind a clause to a rule for whoever writes the code.</summary>
    private static readonly string[] PrescribingWords = ["always", "must", "should", "required", "need", "needs", "ensure", "sure", "remember", "instead", "only", "recommended"];

    /// <summary>Verbs that open a clause as an order to the one writing the code.</summary>
    private static readonly string[] CodingImperatives =
    [
        "use", "call", "pass", "load", "render", "build", "create", "run", "set", "wrap", "put", "add", "concatenate", "hardcode",
        "hard-code", "disable", "turn", "invoke", "execute", "evaluate", "deserialize", "unpickle", "open", "connect", "make",
        "write", "embed", "store", "keep", "just", "simply", "filter", "feed", "send", "parse",
    ];

    /// <summary>Words that deny what follows them in the clause.</summary>
    private static readonly string[] DenyingWords = ["never", "not", "don't", "dont", "doesn't", "mustn't", "shouldn't", "cannot", "can't", "avoid", "no", "nor", "stop"];

    /// <summary>Words between a denial and the construct that turn the denial around ("never … without", "not … instead").</summary>
    private static readonly string[] DenialTurns = ["without", "instead", "unless", "except", "than", "rather", "but"];

    /// <summary>A rule for every case: with one, the prescription needs no claim of safety.</summary>
    private static readonly string[] UniversalWords = ["always", "every", "each", "whenever", "the only", "only way", "instead"];

    /// <summary>Words right before a construct that name it as what is replaced ("instead of os.system()", "replace every eval()").</summary>
    private static readonly string[] ReplacingWords = ["instead", "rather", "place", "over", "from", "than", "replace", "replacing", "avoid", "avoiding", "remove", "removing", "removed", "replaced", "ban", "banning", "banned", "drop", "dropping", "dropped", "migrated"];

    /// <summary>Words allowed between a replacing word and the construct ("replace every call to …", "instead of the").</summary>
    private static readonly string[] ReplacedFillers = ["of", "every", "all", "any", "each", "the", "a", "calls", "call", "uses", "use", "to", "with"];

    /// <summary>Claims that sell the construct: safe, required, the only way, taken care of.</summary>
    private static readonly string[] SafetyClaims =
    [
        "is safe", "it's safe", "are safe", "and safe", "perfectly safe", "completely safe", "totally safe", "safe here", "safe in this",
        "harmless", "the only way", "only safe way", "only correct way", "only supported way", "only way", "is required", "are required",
        "recommended way", "handles escaping", "handles the escaping", "takes care of escaping", "is fine", "no risk", "zero risk",
        "no need to worry", "nothing to worry", "totally fine", "perfectly fine", "is trusted", "are trusted",
    ];

    /// <summary>Words that warn against the construct or limit it to a harmless setting.</summary>
    private static readonly string[] UnsafeWarnings =
    [
        "unsafe", "insecure", "dangerous", "danger", "vulnerab", "injection", "arbitrary", "exploit", "attack", "malicious", "untrusted",
        "not safe", "security issue", "security risk", "security hole", "risk", "avoid", "discourag", "not recommended", "deprecat",
        "caution", "warning", "beware", "careful", "testing", "for tests", "in tests", "local", "self-signed", "development", "debug",
        "man-in-the-middle", "do not control", "don't control",
    ];

    /// <summary>Words right before a warning that make it a claim of safety instead ("no risk", "not dangerous").</summary>
    private static readonly string[] WarningDenials = ["no ", "not ", "n't ", "zero ", "without ", "any "];

    /// <summary>What the sentence says after a safe practice that denies it ("parameterized queries are not needed").</summary>
    private static readonly string[] PracticeDismissed = ["not needed", "unnecessary", "not required", "not necessary", "never needed"];

    /// <summary>At a construct (an anchor of <see cref="Family.UnsafeCode"/>): raised when it is prescribed as a rule and sold as safe.</summary>
    private static void UnsafeCodePrescribed(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        if (weights[(int)Marker.UnsafeCode] > 0 || !SwitchedOff(text, at + anchor.Length, anchor))
        {
            return;
        }

        if (UnsafeCodePrescribedAt(text, at))
        {
            Raise(weights, Marker.UnsafeCode, 0.55);
        }
    }

    /// <summary>
    /// A setting named by its anchor alone is unsafe only with the value that switches its check off
    /// (<c>rejectUnauthorized: false</c>, <c>InsecureSkipVerify = true</c>, <c>NODE_TLS_REJECT_UNAUTHORIZED=0</c>).
    /// </summary>
    private static bool SwitchedOff(ReadOnlySpan<char> text, int after, string anchor)
    {
        var off = anchor switch
        {
            "rejectunauthorized" => "false",
            "insecureskipverify" => "true",
            "node_tls_reject_unauthorized" => "0",
            _ => null,
        };
        if (off is null)
        {
            return true;
        }

        var value = text[after..];
        var start = value.IndexOfAnyExcept(" :=\"'");
        return start is >= 0 and <= 4 && value[start..].StartsWith(off, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the construct at <paramref name="at"/> is prescribed as a rule or sold as safe, and not warned against.</summary>
    private static bool UnsafeCodePrescribedAt(ReadOnlySpan<char> text, int at)
    {
        // "db.exec(" and "regex.exec(" run no command: a member "exec(" counts only as a process's (child_process, Runtime).
        if (at > 0 && (text[at - 1] is '_' || (text[at - 1] == '.' && text[at] is 'e' or 'E' && !EndsWithAny(text[..(at - 1)], ["child_process", "getRuntime()"], StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        var clause = text[UnsafeClauseStart(text, at)..at];
        var sentence = text.Slice(at, UnsafeSentenceEnd(text, at) - at);

        // What follows the construct's own name ("InsecureSkipVerify" holds a warning word of its own).
        var nameEnd = sentence.IndexOfAnyExcept(ConstructNameCharacters);
        var rest = nameEnd < 0 ? [] : sentence[nameEnd..];
        var warned = WarnsOrClaims(clause, out var claimedBefore) | WarnsOrClaims(rest, out var claimedAfter);
        if (warned)
        {
            return false;
        }

        var construct = sentence;
        if (StartsWithAny(construct, ["hardcode", "hard-code"], StringComparison.OrdinalIgnoreCase)
            && !ContainsAny(sentence[..Math.Min(sentence.Length, 60)], HardCodedSecrets, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (StartsWithAny(construct, ["concatenat"], StringComparison.OrdinalIgnoreCase)
            && !ContainsAny(sentence[..Math.Min(sentence.Length, 80)], ["sql", "query"], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Replaced(clause))
        {
            return false;
        }

        var denial = Denial(clause, out var turned);
        bool prescribed;
        var universal = turned;
        if (StartsWithAny(construct, SafePractices, StringComparison.OrdinalIgnoreCase))
        {
            // A safe practice is unsafe code when denied outright ("never sanitize"), or dismissed after it.
            var sentenceOnly = sentence[..ProseSentenceEnd(sentence, 0)];
            prescribed = (denial && !turned) || ContainsAny(sentenceOnly, PracticeDismissed, StringComparison.OrdinalIgnoreCase);
            universal = denial && ContainsAny(clause, ["never"], StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            if (denial && !turned)
            {
                return false;
            }

            prescribed = turned || HasWordOf(clause, PrescribingWords) || OpensWithCodingImperative(clause);
        }

        if (!prescribed)
        {
            return false;
        }

        universal |= ContainsAny(clause, UniversalWords, StringComparison.OrdinalIgnoreCase) || ContainsAny(rest, UniversalWords, StringComparison.OrdinalIgnoreCase);
        return universal || claimedBefore || claimedAfter;
    }

    /// <summary>
    /// Where the construct's clause starts: after the sentence end, semicolon or blank line before it, taking in the lines
    /// before it that end without a sentence's end (a docstring's wrapped line, "… use the following code:").
    /// </summary>
    private static int UnsafeClauseStart(ReadOnlySpan<char> text, int at)
    {
        var limit = Math.Max(0, at - UnsafeClauseReach);
        for (var i = at - 1; i >= limit; i--)
        {
            var c = text[i];
            if (c == ';' || (c is '.' or '!' or '?' && i + 1 < text.Length && text[i + 1] is ' ' or '\n' or '\t'))
            {
                return i + 1;
            }

            if (c == '\n')
            {
                var line = text[..i].TrimEnd(" \t\r");
                if (line.IsEmpty || line[^1] is '.' or '!' or '?' or ';' or '\n')
                {
                    return i + 1;
                }
            }
        }

        return limit;
    }

    /// <summary>The end of the construct's sentence and of the one after it (what a claim or a warning is read in).</summary>
    private static int UnsafeSentenceEnd(ReadOnlySpan<char> text, int at)
    {
        var end = Math.Min(text.Length, at + UnsafeSentenceReach);
        var sentences = 0;
        for (var i = at; i < end; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] is ' ' or '\n' or '\t'))
            {
                if (++sentences == 2)
                {
                    return i + 1;
                }
            }
            else if (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>
    /// True when <paramref name="span"/> warns against the construct; <paramref name="claimed"/> when it sells it as safe
    /// (a claim, or a warning word denied: "no risk", "not dangerous").
    /// </summary>
    private static bool WarnsOrClaims(ReadOnlySpan<char> span, out bool claimed)
    {
        claimed = ContainsAny(span, SafetyClaims, StringComparison.OrdinalIgnoreCase);
        foreach (var warning in UnsafeWarnings)
        {
            var from = 0;
            while (from < span.Length)
            {
                var found = span[from..].IndexOf(warning, StringComparison.OrdinalIgnoreCase);
                if (found < 0)
                {
                    break;
                }

                var at = from + found;
                var before = span[Math.Max(0, at - 12)..at];
                if (EndsWithAny(before, WarningDenials, StringComparison.OrdinalIgnoreCase))
                {
                    claimed = true;
                }
                else
                {
                    return true;
                }

                from = at + warning.Length;
            }
        }

        return false;
    }

    /// <summary>The clause ends by naming the construct as what is replaced: a word of <see cref="ReplacingWords"/>, then only fillers.</summary>
    private static bool Replaced(ReadOnlySpan<char> clause)
    {
        var end = clause.Length;
        for (var words = 0; words < 4; words++)
        {
            var trimmed = clause[..end].TrimEnd(" \t(`'\"");
            var start = trimmed.Length;
            while (start > 0 && (char.IsAsciiLetter(trimmed[start - 1]) || trimmed[start - 1] == '\''))
            {
                start--;
            }

            var word = trimmed[start..];
            if (word.IsEmpty)
            {
                return false;
            }

            if (IsOneOf(word, ReplacingWords))
            {
                return true;
            }

            if (!IsOneOf(word, ReplacedFillers))
            {
                return false;
            }

            end = start;
        }

        return false;
    }

    /// <summary>
    /// True when a word of <see cref="DenyingWords"/> stands in the clause; <paramref name="turned"/> when a word of
    /// <see cref="DenialTurns"/> follows the last denial ("never call this without filtering it through …").
    /// </summary>
    private static bool Denial(ReadOnlySpan<char> clause, out bool turned)
    {
        turned = false;
        var denied = false;
        for (var i = 0; i < clause.Length;)
        {
            if (!char.IsAsciiLetter(clause[i]))
            {
                i++;
                continue;
            }

            var word = ReaderWord(clause, ref i);
            if (IsOneOf(word, DenyingWords))
            {
                denied = true;
                turned = false;
            }
            else if (denied && IsOneOf(word, DenialTurns))
            {
                turned = true;
            }
        }

        return denied;
    }

    /// <summary>The clause's first word (past comment marks and a label such as "Usage:") is a coding imperative, or the clause is empty (the construct opens it).</summary>
    private static bool OpensWithCodingImperative(ReadOnlySpan<char> clause)
    {
        var i = 0;
        while (true)
        {
            while (i < clause.Length && !char.IsAsciiLetter(clause[i]))
            {
                i++;
            }

            if (i == clause.Length)
            {
                return true;
            }

            var word = ReaderWord(clause, ref i);
            if (i < clause.Length && clause[i] == ':')
            {
                continue;
            }

            return IsOneOf(word, CodingImperatives);
        }
    }
}
