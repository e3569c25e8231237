using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// An order to set instructions aside run together into one word, as a model reads it: "Ignoreallpreviousinstructions",
/// "DISREGARDALLPRIORINSTRUCTIONS", "MartaIgnoreYourPreviousInstructions" (a name before it, joined at a capital), or
/// its words joined by invisible characters the plain reading drops. A run is split only when it opens with a verb that
/// sets orders aside followed by what such an order qualifies (ignore, disregard or forget, then all, previous, your …)
/// and its words reach what is set aside (instructions, rules, prompt …); its line is read again with the words apart.
/// A hashtag or a handle names the phrase rather than gives it ("#IgnoreAllPreviousInstructions"), and an identifier in
/// camel case ("ignoreAllRules") is code. A clean text costs one vectorised search.
/// </summary>
internal static class JoinedWordsReading
{
    private static readonly string[] Verbs = ["ignore", "disregard", "forget"];

    private static readonly string[] Qualifiers = ["all", "any", "every", "previous", "prior", "above", "earlier", "preceding", "your", "my", "the"];

    /// <summary>A verb joined to a qualifier: the openings of a joined order (no such pair is an English word).</summary>
    private static readonly SearchValues<string> Openings = SearchValues.Create([.. Verbs.SelectMany(v => Qualifiers.Select(q => v + q))], StringComparison.OrdinalIgnoreCase);

    /// <summary>The words a joined order is split into, longest first where one begins another.</summary>
    private static readonly string[] Vocabulary =
    [
        .. Verbs, "instructions", "instruction", "guidelines", "directives", "everything", "preceding", "commands", "previous", "messages",
        "earlier", "prompts", "prompt", "orders", "system", "before", "above", "prior", "rules", "every", "your", "this", "that", "all",
        "any", "the", "and", "my", "of",
    ];

    /// <summary>What an order to ignore sets aside: a run must reach one of these to be split.</summary>
    private static readonly string[] SetAside = ["instructions", "instruction", "guidelines", "directives", "everything", "commands", "messages", "prompts", "prompt", "orders", "rules"];

    /// <summary>Whether <paramref name="text"/> holds the opening of a joined order (a value of one word is read as a text then).</summary>
    public static bool MayHold(ReadOnlySpan<char> text) => text.IndexOfAny(Openings) >= 0;

    /// <summary>The lines of <paramref name="text"/> that hold a joined order, each with the order's words apart; null when none does.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        var from = 0;
        var nextLine = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOfAny(Openings);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var runStart = at;
            while (runStart > 0 && char.IsLetter(text[runStart - 1]))
            {
                runStart--;
            }

            var runEnd = at;
            while (runEnd < text.Length && char.IsLetter(text[runEnd]))
            {
                runEnd++;
            }

            if (!StartsAnOrder(text, runStart, at, runEnd) || Split(text, at, ref runEnd) is not { } words)
            {
                from = runEnd;
                continue;
            }

            var (lineStart, lineEnd) = PlainReading.LineAround(text, runStart, runEnd);
            reading = PlainReading.ApartFromLast(reading, lineStart, nextLine);
            if (reading.Length > 0 || lineStart > 0)
            {
                reading.Append('\n');
            }

            reading.Append(text[lineStart..at]);
            if (at > runStart)
            {
                reading.Append(' ');
            }

            reading.Append(words);
            reading.Append(text[runEnd..lineEnd]);
            from = lineEnd + 1;
            nextLine = from;
        }

        return reading?.ToString();
    }

    /// <summary>
    /// The opening at <paramref name="at"/> is written in one letter case after its first letter ("pleaseignoreall…",
    /// "NOWIGNOREALL…", "Ignoreall…": no English word holds an opening), or its words start with capitals at the start of
    /// its run or after a lower-case letter ("IgnoreAllPrevious…", "MartaIgnoreYour…"); not after '#' or '@', and not in
    /// a camel-case identifier ("ignoreAllRules", "myIgnoreAllRules": lower case first, capitals inside).
    /// </summary>
    private static bool StartsAnOrder(ReadOnlySpan<char> text, int runStart, int at, int runEnd)
    {
        if (runStart > 0 && text[runStart - 1] is '#' or '@')
        {
            return false;
        }

        var opening = text[(at + 1)..Math.Min(runEnd, at + OpeningLetters)];
        if (!opening.ContainsAnyInRange('A', 'Z') || !opening.ContainsAnyInRange('a', 'z'))
        {
            return true;
        }

        return !char.IsLower(text[runStart]) && (at == runStart || (char.IsUpper(text[at]) && char.IsLower(text[at - 1])));
    }

    /// <summary>How many letters from an opening are read for its letter case: the verb and the start of what follows it.</summary>
    private const int OpeningLetters = 9;

    /// <summary>
    /// The run from <paramref name="at"/> to <paramref name="runEnd"/> split into <see cref="Vocabulary"/> words (their
    /// letters as written), the rest of the run after them kept whole; a run that splits whole without reaching what an
    /// order sets aside goes on into the next run after one space ("IgnoreAll PreviousInstructions"), and
    /// <paramref name="runEnd"/> moves to the end of the last run read. Null when the words do not reach what an order
    /// sets aside.
    /// </summary>
    private static string? Split(ReadOnlySpan<char> text, int at, ref int runEnd)
    {
        var words = new StringBuilder(runEnd - at + 8);
        var reached = false;
        var end = runEnd;
        var i = at;
        while (true)
        {
            while (i < end && Word(text[i..end]) is { } word)
            {
                if (words.Length > 0)
                {
                    words.Append(' ');
                }

                words.Append(text.Slice(i, word.Length));
                reached |= Array.IndexOf(SetAside, word) >= 0;
                i += word.Length;
            }

            if (i < end || reached || end + 1 >= text.Length || text[end] != ' ' || !char.IsLetter(text[end + 1]))
            {
                break;
            }

            i = end + 1;
            end = i;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }
        }

        if (!reached)
        {
            return null;
        }

        runEnd = end;
        return i < end ? words.Append(' ').Append(text[i..end]).ToString() : words.ToString();
    }

    /// <summary>The longest vocabulary word <paramref name="rest"/> starts with (letter case aside), or null.</summary>
    private static string? Word(ReadOnlySpan<char> rest)
    {
        string? longest = null;
        foreach (var word in Vocabulary)
        {
            if ((longest is null || word.Length > longest.Length) && rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                longest = word;
            }
        }

        return longest;
    }
}
