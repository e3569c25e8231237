namespace AgentGuard;

/// <content>
/// Two ways data hands the reader a new instruction without the usual "ignore previous instructions": it ranks
/// instructions ("all other directives are now void; this one alone counts"), or it announces that instructions of
/// great importance have just arrived before giving one. A ranking is judged on its line and the next, an announcement on
/// its sentence and line.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far either way a line is read for the rest of the ranking.</summary>
    private const int RankingWindow = 300;

    /// <summary>
    /// The words <see cref="InjectionPatterns.Weighty"/> and <see cref="InjectionPatterns.Pressing"/> are made of, searched
    /// for first (one vectorised search): most sentences that hold an instruction noun hold none, and end there.
    /// </summary>
    internal static readonly System.Buffers.SearchValues<string> WeightWords = System.Buffers.SearchValues.Create(
        ["importan", "crucial", "vital", "critical", "essential", "urgen", "paramount", "pivotal", "momentous", "significan", "imperative", "priority", "utmost", "indispensable", "weighty", "monumental", "immediate", "swift", "instant", "non-negotiable", "mandatory", "afford", "consequen", "matter"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// At "all other", "every previous", "the rest" …: the line also names the one instruction it puts first and does
    /// something to the others (void, secondary, on hold, cast aside). "Complete this task before all other tasks"
    /// ranks without demoting; "this option overrides all other settings" names no instruction.
    /// </summary>
    private static void RankedInstructions(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (!IsMatchAt(InjectionPatterns.OtherInstructions(), text, at))
        {
            return;
        }

        // The line and the one after it: a line break between "all other directives are void." and "This one counts:"
        // must not split the ranking in two.
        var (start, end) = LineBounds(text, at, RankingWindow);
        if (end < text.Length)
        {
            end = LineBounds(text, end + 1, RankingWindow).End;
        }

        var lines = text[start..end];
        if (InjectionPatterns.ThisInstruction().IsMatch(lines) && InjectionPatterns.Demoted().IsMatch(lines))
        {
            Raise(weights, Marker.NewInstructions, 0.5);
        }
    }

    /// <summary>
    /// At an instruction noun ("instructions", "directives", "guidelines" …): its sentence says they have just arrived
    /// and its line says how much they matter ("URGENT: new directives of utmost importance have just come in"); or its
    /// sentence points to them ahead and presses the reader to act at once ("the upcoming instructions require
    /// immediate execution"), where a manual's "the following instructions are important" only points.
    /// </summary>
    private static void AnnouncedInstructions(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        var (lineStart, lineEnd) = LineBounds(text, at, RankingWindow);
        if (!HoldsWeightWord(text, lineStart, lineEnd, weights))
        {
            return;
        }

        var line = text[lineStart..lineEnd];

        var sentence = text[SentenceStart(text, at, 160)..SentenceEnd(text, at, 160)];
        if ((InjectionPatterns.JustArrived().IsMatch(sentence) && InjectionPatterns.Weighty().IsMatch(line))
            || (sentence.ContainsAny(WeightWords) && InjectionPatterns.Pressing().IsMatch(sentence) && InjectionPatterns.PointedAhead().IsMatch(sentence)))
        {
            Raise(weights, Marker.NewInstructions, 0.5);
        }
    }

    /// <summary>Where the line holding <paramref name="at"/> starts and ends (its line break excluded), at most <paramref name="window"/> characters either way.</summary>
    private static (int Start, int End) LineBounds(ReadOnlySpan<char> text, int at, int window)
    {
        var from = Math.Max(0, at - window);
        var before = text[from..at].LastIndexOf('\n');
        var ahead = text.Slice(at, Math.Min(window, text.Length - at));
        var after = ahead.IndexOf('\n');
        return (before < 0 ? from : from + before + 1, after < 0 ? at + ahead.Length : at + after);
    }
}
