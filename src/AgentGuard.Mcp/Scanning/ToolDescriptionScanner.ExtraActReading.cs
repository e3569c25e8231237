using System.Buffers;

namespace AgentGuard.Mcp;

/// <content>
/// One search for the anchors of four classes of an extra act, and of a written link in every message, (<see cref="ExtraActs"/>): the words that make an order
/// standing ("whenever", "every", "each", "any", "always", "automatically", "first") and "also", the phrases that set one
/// source in another's place ("instead of"), and those that pass a message off as the user's ("as if", "impersonate",
/// "in their name"). A search for each class's anchors apart costs as much as this one for all of them.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>What <see cref="ReadExtraActs"/> found.</summary>
    [Flags]
    internal enum ExtraActs
    {
        /// <summary>None.</summary>
        None = 0,

        /// <summary>An extra act at every call aimed at a written destination (<see cref="OrdersAnExtraActAtEveryCall"/>).</summary>
        AimedAtADestination = 1,

        /// <summary>Access opened to everyone by order (<see cref="OpensAccessByOrder"/>).</summary>
        AccessOpened = 2,

        /// <summary>Packages taken from a source the description names (<see cref="TakesPackagesFromANamedSource"/>).</summary>
        SupplyReplaced = 4,

        /// <summary>Messages sent in the user's name (<see cref="PassesMessagesOffAsTheUsers"/>).</summary>
        PassedOff = 8,

        /// <summary>A written address or host put into every answer or message (<see cref="PutsALinkIntoEveryMessageIn"/>).</summary>
        LinkInEveryMessage = 16,
    }

    /// <summary>What a sentence that stands, or holds "also", is read for.</summary>
    private const ExtraActs SentenceActs = ExtraActs.AimedAtADestination | ExtraActs.AccessOpened | ExtraActs.LinkInEveryMessage;

    /// <summary>Words that make an order standing, and "also", which makes it an extra one.</summary>
    private static readonly string[] StandingAnchorWords = ["whenever", "every", "each", "any", "always", "automatically", "first", "also"];

    /// <summary>
    /// The anchors of the four classes, in one search, built on first use: <see cref="InPlaceOfPhrases"/> and
    /// <see cref="PassingOffPhrases"/> stand in other parts of the class, whose static fields are set in no order the
    /// language fixes.
    /// </summary>
    private static class ExtraActAnchors
    {
        public static readonly SearchValues<string> All =
            SearchValues.Create([.. StandingAnchorWords, .. InPlaceOfPhrases, .. PassingOffPhrases], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the classes from one search for their anchors, each anchor at a word's start: a sentence that stands or
    /// holds "also" is read once for an extra act aimed at a destination, for access opened and for a written link in
    /// every message; "instead of" for a
    /// source replaced; "as if", "impersonate", "in their name" for a message passed off.
    /// </summary>
    internal static ExtraActs ReadExtraActs(ReadOnlySpan<char> text)
    {
        var found = ExtraActs.None;
        var sentencesReadUntil = -1;
        for (var from = 0; from < text.Length;)
        {
            var hit = text[from..].IndexOfAny(ExtraActAnchors.All);
            if (hit < 0)
            {
                break;
            }

            var at = from + hit;
            from = at + 1;
            if (at > 0 && char.IsLetter(text[at - 1]))
            {
                continue;
            }

            var rest = text[at..];
            if (StartsWithAny(rest, InPlaceOfPhrases, out var length))
            {
                if ((found & ExtraActs.SupplyReplaced) == 0 && SupplyReplacedAt(text, at, length))
                {
                    found |= ExtraActs.SupplyReplaced;
                }
            }
            else if (StartsWithAny(rest, PassingOffPhrases, out _))
            {
                if ((found & ExtraActs.PassedOff) == 0 && PassedOffAt(text, at))
                {
                    found |= ExtraActs.PassedOff;
                }
            }
            else if (at >= sentencesReadUntil && (found & SentenceActs) != SentenceActs && StandingWordAt(text, at))
            {
                var (start, end) = SentenceAround(text, at);
                sentencesReadUntil = end;
                var standing = StandsAtEveryCall(text, start, end);
                if ((found & ExtraActs.AimedAtADestination) == 0 && standing && ExtraActToADestination(text, start, end))
                {
                    found |= ExtraActs.AimedAtADestination;
                }

                if ((found & ExtraActs.LinkInEveryMessage) == 0 && standing && PutsALinkIntoEveryMessageIn(text, start, end))
                {
                    found |= ExtraActs.LinkInEveryMessage;
                }

                if ((found & ExtraActs.AccessOpened) == 0 && (standing || HoldsAlso(text[start..end])) && OpensAccessIn(text, start, end))
                {
                    found |= ExtraActs.AccessOpened;
                }
            }
        }

        return found;
    }

    /// <summary>A word of <see cref="StandingAnchorWords"/> stands whole at <paramref name="at"/> ("any", not "anything"; "every", not "everyone").</summary>
    private static bool StandingWordAt(ReadOnlySpan<char> text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return StandingAnchorLookup.Contains(text[at..end]);
    }

    private static readonly WordSet StandingAnchorLookup = new(StandingAnchorWords);

    /// <summary>"also" as a word of <paramref name="sentence"/>.</summary>
    private static bool HoldsAlso(ReadOnlySpan<char> sentence)
    {
        for (var from = 0; ;)
        {
            var found = sentence[from..].IndexOf("also", StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            from = at + 4;
            if ((at == 0 || !char.IsLetter(sentence[at - 1])) && (from >= sentence.Length || !char.IsLetter(sentence[from])))
            {
                return true;
            }
        }
    }
}
