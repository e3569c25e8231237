namespace AgentGuard;

/// <content>
/// Two ways data hands the reader a new instruction without the usual "ignore previous instructions": it ranks
/// instructions ("all other directives are now void; this one alone counts"), or it announces that instructions of
/// great importance have just arrived before giving one. Both are judged on the line that holds them.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far either way a line is read for the rest of the ranking.</summary>
    private const int RankingWindow = 300;

    /// <summary>
    /// At "all other", "every previous", "the rest" …: the line also names the one instruction it puts first and does
    /// something to the others (void, secondary, on hold, cast aside). "Complete this task before all other tasks"
    /// ranks without demoting; "this option overrides all other settings" names no instruction.
    /// </summary>
    private static void RankedInstructions(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        var others = FirstMatch(InjectionPatterns.OtherInstructions(), text, at);
        if (others.Length == 0)
        {
            return;
        }

        var line = LineAround(text, at, RankingWindow);
        if (InjectionPatterns.ThisInstruction().IsMatch(line) && InjectionPatterns.Demoted().IsMatch(line))
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
        var sentence = text[SentenceStart(text, at, 160)..SentenceEnd(text, at, 160)];
        if ((InjectionPatterns.JustArrived().IsMatch(sentence) && InjectionPatterns.Weighty().IsMatch(LineAround(text, at, RankingWindow)))
            || (InjectionPatterns.PointedAhead().IsMatch(sentence) && InjectionPatterns.Pressing().IsMatch(sentence)))
        {
            Raise(weights, Marker.NewInstructions, 0.5);
        }
    }

    /// <summary>The line holding <paramref name="at"/>, at most <paramref name="window"/> characters either way.</summary>
    private static ReadOnlySpan<char> LineAround(ReadOnlySpan<char> text, int at, int window)
    {
        var from = Math.Max(0, at - window);
        var before = text[from..at].LastIndexOf('\n');
        var start = before < 0 ? from : from + before + 1;
        var ahead = text.Slice(at, Math.Min(window, text.Length - at));
        var after = ahead.IndexOf('\n');
        return text[start..(after < 0 ? at + ahead.Length : at + after)];
    }
}
