using System.Buffers;

namespace AgentGuard;

/// <content>
/// "Ignore all previous instructions" in Russian and Ukrainian ("Игнорируй все предыдущие инструкции", "Забудь все прошлые
/// указания", "Ігноруй усі попередні інструкції"). The word walk stops only at ASCII word starts, so the verbs are found
/// by one search of the text, and only in a text that holds a Cyrillic letter: a search for the stems ignoring case is
/// Aho-Corasick with Unicode case folding, which cost a quarter of the detector's time on a 10 KB English page. As in English, the
/// instructions must be qualified as the earlier or all of them ("ignore instructions from strangers" is advice), and
/// "не забудь" (don't forget) is not "забудь".
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The stems of "ignore" and "forget" (imperative), Russian and Ukrainian.</summary>
    internal static readonly string[] CyrillicIgnoreStems = ["игнорир", "ігнору", "забуд"];

    private static readonly SearchValues<string> CyrillicIgnoreVerbs = SearchValues.Create(CyrillicIgnoreStems, StringComparison.OrdinalIgnoreCase);

    /// <summary>Earlier, previous, above, system, all: what makes the instructions the reader's own.</summary>
    private static readonly SearchValues<string> CyrillicQualifiers = SearchValues.Create(["предыдущ", "прошл", "прежн", "вышеуказанн", "вышеизложенн", "системн", "все ", "всё ", "попередн", "усі ", "всі ", "минул"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Instructions, directions, rules, commands, the prompt.</summary>
    private static readonly SearchValues<string> CyrillicInstructionNouns = SearchValues.Create(["инструкц", "указани", "правил", "команд", "промпт", "распоряжени", "інструкц", "вказівк"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> CyrillicSentenceEnds = SearchValues.Create(".!?\n");

    /// <summary>How far after the verb its object is read.</summary>
    private const int CyrillicObjectReach = 60;

    private static void ScanCyrillicIgnore(ReadOnlySpan<char> text, Span<double> weights)
    {
        if (!MayHoldCyrillic(text))
        {
            return;
        }

        for (var from = 0; from < text.Length && weights[(int)Marker.IgnorePrevious] < 0.85;)
        {
            var found = text[from..].IndexOfAny(CyrillicIgnoreVerbs);
            if (found < 0)
            {
                return;
            }

            var at = from + found;
            from = at + 1;
            if ((at > 0 && char.IsLetter(text[at - 1]) && !IsIgnorePrefix(text[..at])) || FollowsNot(text, at))
            {
                continue;
            }

            var after = text.Slice(at, Math.Min(CyrillicObjectReach, text.Length - at));
            var end = after.IndexOfAny(CyrillicSentenceEnds);
            after = end < 0 ? after : after[..end];
            if (after.ContainsAny(CyrillicQualifiers) && after.ContainsAny(CyrillicInstructionNouns))
            {
                Raise(weights, Marker.IgnorePrevious, 0.85);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds a character whose upper case is Cyrillic (U+0400–U+052F, or the old letter
    /// variants U+1C80–U+1C88, which fold to it): without one, no stem of <see cref="CyrillicIgnoreVerbs"/> can match,
    /// even ignoring case. Two vectorized range searches.
    /// </summary>
    internal static bool MayHoldCyrillic(ReadOnlySpan<char> text)
        => text.IndexOfAnyInRange('\u0400', '\u052F') >= 0 || text.IndexOfAnyInRange('\u1C80', '\u1C8F') >= 0;

    /// <summary>"про" before "игнорируй" (проигнорируй, "ignore" perfective) is part of the verb.</summary>
    private static bool IsIgnorePrefix(ReadOnlySpan<char> before)
        => before.EndsWith("про", StringComparison.OrdinalIgnoreCase) && (before.Length == 3 || !char.IsLetter(before[^4]));

    /// <summary>"не" right before the verb: "не забудь" is "don't forget".</summary>
    private static bool FollowsNot(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].TrimEnd();
        return before.EndsWith("не", StringComparison.OrdinalIgnoreCase) && (before.Length == 2 || !char.IsLetter(before[^3]));
    }
}
