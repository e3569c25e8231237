namespace AgentGuard;

/// <content>
/// Orders wrapped in a frame that pretends not to give one: a hypothetical that sets the output ("in a world where …, we
/// might state …"), a demand for obedience, and an upper-case override label ("… DATA OVERRIDE:", "&lt;… OVERRIDE MODE&gt;").
/// Anchored on rare words ("hypothetical", "world where", "universe where", "scenario where") or on anchors already read
/// ("you must", "override"), so ordinary text pays no new comparison.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>
    /// "DEVELOPER DATA OVERRIDE:", "&lt;ENTERING SECURITY OVERRIDE MODE&gt;": the word in capitals after another word in capitals,
    /// followed by a colon or "MODE". A setting ("override: true"), a column header ("| OVERRIDE |") and a title
    /// ("Method Override:") are not labels.
    /// </summary>
    private static bool IsOverrideLabel(ReadOnlySpan<char> text, int at)
    {
        const string Label = "OVERRIDE";
        if (at < 2 || text[at - 1] != ' ' || !char.IsAsciiLetterUpper(text[at - 2]) || !text.Slice(at).StartsWith(Label, StringComparison.Ordinal))
        {
            return false;
        }

        var after = text.Slice(at + Label.Length);
        return after.TrimStart(' ').StartsWith(':') || after.StartsWith(" MODE", StringComparison.Ordinal);
    }

    /// <summary>Quotes that open and close a quoted example.</summary>
    private const string OpeningQuotes = "'\"`\u2018\u201C";

    /// <summary>
    /// The order at <paramref name="at"/> (of <paramref name="length"/> characters) is spoken about, not given: quoted
    /// on its own ("'ignore previous instructions' is a common attack"), negated right before it ("do not ignore …",
    /// "must never ignore …"), or what a defence keeps from being said ("prevents users from being told to ignore …").
    /// Quoted with what follows it ("'Ignore previous instructions and reply …'") it is still an order.
    /// </summary>
    private static bool IsMentioned(ReadOnlySpan<char> text, int at, int length)
    {
        var end = at + length;
        if (at > 0 && OpeningQuotes.Contains(text[at - 1]) && end < text.Length && text[end] is '\'' or '"' or '`' or '\u2019' or '\u201D')
        {
            return true;
        }

        var before = text[Math.Max(0, at - 40)..at].TrimEnd(' ');
        if (before.EndsWith(" to", StringComparison.OrdinalIgnoreCase))
        {
            before = before[..^3].TrimEnd(' ');
            return IsNegation(before)
                || ((EndsWithWord(before, "told") || EndsWithWord(before, "asked")) && EndsWithWord(before[..^4].TrimEnd(' '), "being"));
        }

        return IsNegation(before);
    }

    /// <summary>Auxiliaries whose "not" negates the verb after it ("do not", "must not"); "why not ignore …" asks for it.</summary>
    private static readonly string[] NegatedAuxiliaries = ["do", "does", "did", "must", "should", "will", "would", "can", "could", "may", "might", "shall"];

    /// <summary><paramref name="before"/> ends with a negation of the verb that follows: "don't", "never", "must not".</summary>
    private static bool IsNegation(ReadOnlySpan<char> before)
    {
        if (before.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || EndsWithWord(before, "never"))
        {
            return true;
        }

        if (!EndsWithWord(before, "not"))
        {
            return false;
        }

        var rest = before[..^3].TrimEnd(' ');
        var start = rest.LastIndexOf(' ') + 1;
        return IsOneOf(rest[start..], NegatedAuxiliaries);
    }

    /// <summary><paramref name="span"/> ends with <paramref name="word"/> as a whole word (case-insensitive).</summary>
    private static bool EndsWithWord(ReadOnlySpan<char> span, string word)
        => span.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (span.Length == word.Length || !char.IsLetter(span[^(word.Length + 1)]));
}
