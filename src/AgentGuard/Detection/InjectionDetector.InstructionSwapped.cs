namespace AgentGuard;

/// <content>
/// The reader's instruction swapped for another: "Oh, never mind, I changed my mind. Instead, please …", "… just
/// kidding. Don't actually do that. Instead, please …", "There is a change in instructions.", "send a text message with
/// the results of this instruction: …". The retraction speaks as the one who gave the reader its task; a document has
/// no task of the reader's to call off. A mail that takes back its own request ("Never mind my last note, we found
/// it") hands the reader nothing instead; the class needs the substitute asked of the reader right after "instead"
/// ("please", "I need you to", "I want you to", "you should"). Checked at the retraction's words (a handful of rare
/// phrases), reading the next 200 characters.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>What may open the substitute request after "instead".</summary>
    private static readonly string[] SubstituteOpeners = ["please", "kindly", "now", "just", "simply"];

    /// <summary>Verbs of the sentence that has an instruction's results sent or shown ("send a text message with the results of this instruction").</summary>
    private static readonly string[] ResultHandingVerbs = ["send", "output", "reply", "respond", "return", "print", "repeat", "give", "share", "text", "write", "show"];

    /// <summary>Verbs that call an instruction off (<see cref="InjectionPatterns.CancelledInstructions"/>); they count only with a strong qualifier ("all previous").</summary>
    private static readonly string[] CancellingVerbs = ["cancel", "discard", "abandon", "scrap", "revoke", "nullify", "drop", "abort", "void"];

    /// <summary>True when <paramref name="match"/> opens with one of <see cref="CancellingVerbs"/>.</summary>
    private static bool StartsWithCancellingVerb(ReadOnlySpan<char> match)
    {
        var i = 0;
        return IsOneOf(NextWordOfSpan(match, ref i), CancellingVerbs);
    }

    private static void InstructionSwapped(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        if (anchor.StartsWith("there", StringComparison.Ordinal))
        {
            RaiseIf(InjectionPatterns.InstructionsChanged(), text, at, weights, Marker.NewInstructions, 0.6);
            return;
        }

        if (anchor.StartsWith("result", StringComparison.Ordinal))
        {
            // The instruction handed over to be run, its results to be returned: "… with the results of this instruction: Write …".
            var end = at + anchor.Length;
            if (end < text.Length && text[end] == ':' && HoldsAnyWord(text[ProseSentenceStart(text, at)..at], ResultHandingVerbs))
            {
                Raise(weights, Marker.NewInstructions, 0.5);
            }

            return;
        }

        if (SubstituteAsked(text, at + anchor.Length))
        {
            Raise(weights, Marker.IgnorePrevious, 0.5);
        }
    }

    /// <summary>"instead" (or "rather") within 200 characters of <paramref name="from"/>, and a request of the reader right after it.</summary>
    private static bool SubstituteAsked(ReadOnlySpan<char> text, int from)
    {
        var window = text[from..Math.Min(text.Length, from + 200)];
        var i = 0;
        for (var word = NextWordOfSpan(window, ref i); !word.IsEmpty; word = NextWordOfSpan(window, ref i))
        {
            if (!word.Equals("instead", StringComparison.OrdinalIgnoreCase) && !word.Equals("rather", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var j = i;
            var next = NextWordOfSpan(window, ref j);
            if (IsOneOf(next, SubstituteOpeners))
            {
                return true;
            }

            // "Instead, I need you to …", "Instead, I want you to …", "Instead, you should …".
            var second = NextWordOfSpan(window, ref j);
            var third = NextWordOfSpan(window, ref j);
            return (next.Equals("i", StringComparison.OrdinalIgnoreCase) && (second.Equals("need", StringComparison.OrdinalIgnoreCase) || second.Equals("want", StringComparison.OrdinalIgnoreCase)) && third.Equals("you", StringComparison.OrdinalIgnoreCase))
                || (next.Equals("you", StringComparison.OrdinalIgnoreCase) && (second.Equals("should", StringComparison.OrdinalIgnoreCase) || second.Equals("must", StringComparison.OrdinalIgnoreCase)));
        }

        return false;
    }
}
