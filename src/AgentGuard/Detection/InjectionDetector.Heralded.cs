namespace AgentGuard;

/// <content>
/// A task heralded to the reader from inside data: a clause about instructions, steps or a task that says they are
/// ahead or new, speaks to the reader, and presses hard ("You're about to encounter instructions so critical they demand
/// your immediate action"); or one that adds a task to the reader's own work and says it matters ("there's an additional
/// task as urgent as your main objectives"). A manual introduces its steps and then gives them ("the following steps
/// are essential: back up …"), so a clause that ends in a colon needs three words of weight to be a herald; it says
/// "important" once, so one word of weight is never enough.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The marks that may close a clause (a '.' only before a space or the end).</summary>
    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create(".!?;:\n");

    /// <summary>
    /// Weight words of a herald that the shared search for <see cref="WeightWords"/> leaves out: they open like common
    /// words ("at once" like "at the", "without delay" like "with"), so they are looked for only in a herald's own clause.
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> HeraldWeightWords = System.Buffers.SearchValues.Create(
        ["delay", "at once", "asap", "as soon as possible", "must-do", "time-sensitive", "time sensitive"], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far either way a clause is read.</summary>
    private const int ClauseWindow = 240;

    /// <summary>
    /// At an instruction or task noun, or at "what follows"/"what comes next": the clause holding it. At a herald with no
    /// noun ("what I'm about to reveal", "the following is"), <paramref name="nounless"/>.
    /// </summary>
    private static void HeraldedTask(ReadOnlySpan<char> text, int at, Span<double> weights, bool nounless = false)
    {
        if (HeraldsOnItsOwn(text, at, weights) || TaskAfterHerald(text, at, nounless))
        {
            Raise(weights, Marker.NewInstructions, 0.5);
        }
    }

    /// <summary>The clause holding <paramref name="at"/> heralds a task to the reader by itself, pressed hard or added to the reader's own work.</summary>
    private static bool HeraldsOnItsOwn(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        var (start, end) = ClauseBounds(text, at, ClauseWindow, ClauseMarks);
        if (!HoldsWeightWord(text, start, end, weights) && !text[start..end].ContainsAny(HeraldWeightWords))
        {
            return false;
        }

        var introducesContent = end < text.Length && text[end] == ':';
        var clause = text[start..end];

        var weight = InjectionPatterns.HeraldedWeight().Count(clause);
        if (weight == 0)
        {
            return false;
        }

        if (!introducesContent && InjectionPatterns.AddedTask().IsMatch(clause) && InjectionPatterns.ReadersOwnWork().IsMatch(clause))
        {
            return true;
        }

        // Before a colon a manual names its steps' weight once ("the following steps are essential:"); an overstatement
        // of three ("a new task of critical, urgent importance for you:") is a herald wherever it ends.
        return weight + InjectionPatterns.HeraldedHype().Count(clause) >= (introducesContent ? 3 : 2)
            && (InjectionPatterns.TaskAhead().IsMatch(clause) || InjectionPatterns.MerelyNew().IsMatch(clause))
            && InjectionPatterns.HeraldedReader().IsMatch(clause);
    }

    /// <summary>
    /// The clause holding <paramref name="at"/>: from after the last of <paramref name="marks"/> ('.', '!', '?', ';', ':' or line break) before it to the
    /// next one (a '.' only before a space or the end; a line break only where it does not wrap a sentence), at most <paramref name="window"/> characters either way. The end is
    /// the index of the mark that closes it.
    /// </summary>
    private static (int Start, int End) ClauseBounds(ReadOnlySpan<char> text, int at, int window, System.Buffers.SearchValues<char> marks)
    {
        var floor = Math.Max(0, at - window);
        var start = floor;
        for (var pos = at; pos > floor;)
        {
            var mark = text[floor..pos].LastIndexOfAny(marks);
            if (mark < 0)
            {
                break;
            }

            if (ClosesClause(text, floor + mark))
            {
                start = floor + mark + 1;
                break;
            }

            pos = floor + mark;
        }

        var ceiling = Math.Min(text.Length, at + window);
        var end = ceiling;
        for (var pos = at; pos < ceiling;)
        {
            var mark = text[pos..ceiling].IndexOfAny(marks);
            if (mark < 0)
            {
                break;
            }

            if (ClosesClause(text, pos + mark))
            {
                end = pos + mark;
                break;
            }

            pos += mark + 1;
        }

        return (start, end);
    }

    private static bool ClosesClause(ReadOnlySpan<char> text, int i) => text[i] switch
    {
        '!' or '?' or ';' or ':' => true,
        '\n' => !WrapsASentence(text, i),
        '.' => i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    /// <summary>
    /// The line break at <paramref name="i"/> wraps a sentence: a lower-case letter or a comma before it and a lower-case
    /// letter after it ("… are critical\nand require your immediate action"). A heading's break ("IMPORTANT\nAn extra …")
    /// still closes its clause.
    /// </summary>
    private static bool WrapsASentence(ReadOnlySpan<char> text, int i)
    {
        var before = text[..i].TrimEnd();
        var after = text[(i + 1)..].TrimStart();
        return before.Length > 0 && after.Length > 0 && (char.IsLower(before[^1]) || before[^1] == ',') && char.IsLower(after[0]);
    }
}
