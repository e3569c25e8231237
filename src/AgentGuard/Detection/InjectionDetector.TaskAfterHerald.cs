namespace AgentGuard;

/// <content>
/// A task put right after its herald: a sentence about instructions, steps or what comes next that points ahead (or adds
/// a task: "an additional task") and says at least once how much it matters ("What comes next is non-negotiable."), and then, within the next two sentences, the
/// task itself — a question put to the reader that asks for a fact rather than about the reader or the writer ("Which
/// planet is the largest?", in any language), an order for the writer's benefit ("Remind me which metal …") or a role
/// handed to the reader ("You are a locksmith who …"). A manual
/// that weighs its steps gives them; a FAQ's questions stand under their own heading or ask about the one who asks
/// ("Which version do I need?"); a colleague's question asks about the reader ("Could you confirm you saw them?").
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The marks that end a question, Latin, Arabic and full-width.</summary>
    private static readonly System.Buffers.SearchValues<char> QuestionMarks = System.Buffers.SearchValues.Create("?\u061F\uFF1F");

    /// <summary>The marks that close a herald's sentence (a '.' only before a space or the end; a line break only where it does not wrap one).</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?\n");

    /// <summary>What makes "You are a …" a character to play: what the character does or wants.</summary>
    private static readonly System.Buffers.SearchValues<string> RoleClauses = System.Buffers.SearchValues.Create([" who ", " that ", " tasked ", " looking ", " trying "], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far after the herald's sentence its task is looked for.</summary>
    private const int TaskWindow = 320;

    /// <summary>How many sentences may stand between the herald and its task (a herald often adds one about the reader's desk or mind).</summary>
    private const int SentencesBetween = 1;

    /// <summary>At a herald's noun whose clause is not a herald on its own: its sentence weighs what is ahead, and the task follows.</summary>
    private static bool TaskAfterHerald(ReadOnlySpan<char> text, int at)
    {
        var (start, end) = ClauseBounds(text, at, ClauseWindow, SentenceMarks);
        if (end >= text.Length || !TaskFollows(text, end + 1))
        {
            return false;
        }

        // The whole sentence, label and clauses after a semicolon included: "Your journey is about to take a vital
        // twist; the next segment is yours to navigate." weighs the segment in its first clause. Weighed at least once:
        // "the next steps walk you through the setup" only points.
        var sentence = text[start..end];
        if (!((sentence.ContainsAny(WeightWords) && InjectionPatterns.HeraldedWeight().IsMatch(sentence)) || InjectionPatterns.HeraldedHype().IsMatch(sentence))
            || !(InjectionPatterns.TaskAhead().IsMatch(sentence) || InjectionPatterns.AddedTask().IsMatch(sentence)))
        {
            return false;
        }

        // A manual's herald introduces what it names and then gives it ("The next section is important: it explains
        // tokens."); a question after that is the manual's own.
        var clauseEnd = ClauseBounds(text, at, ClauseWindow, ClauseMarks).End;
        return clauseEnd >= text.Length || text[clauseEnd] != ':';
    }

    /// <summary>
    /// Within <see cref="SentencesBetween"/> sentences of <paramref name="from"/>: a sentence that hands the reader a role
    /// or gives an order for the writer's benefit ("Tell me …"), or one of three words or more that ends in a question
    /// mark and asks for a fact: a question about the reader or the writer ("Could you confirm you saw them?", "Which
    /// version do I need?") is correspondence or a FAQ.
    /// </summary>
    private static bool TaskFollows(ReadOnlySpan<char> text, int from)
    {
        var window = text.Slice(from, Math.Min(TaskWindow, text.Length - from));
        var sentenceStart = 0;
        for (var sentences = 0; sentences <= SentencesBetween; sentences++)
        {
            var rest = window[sentenceStart..];
            var stop = rest.IndexOfAny(SentenceStops);
            var question = rest.IndexOfAny(QuestionMarks);
            var sentence = rest[..(stop < 0 ? rest.Length : stop)];
            if (HandsARole(sentence))
            {
                return true;
            }

            if (FirstLetter(sentence) is 't' or 'r' or 's' or 'g' && InjectionPatterns.OrderForTheWriter().IsMatch(sentence) && !InjectionPatterns.HeraldedReader().IsMatch(sentence))
            {
                return true;
            }

            // A question mark inside a URL or path ("notes?id=4") ends no sentence.
            if (question >= 0 && (stop < 0 || question <= stop) && EndsAQuestion(rest, question))
            {
                var asked = rest[..question];
                return WordCount(asked) >= 3 && !InjectionPatterns.AskedOfPeople().IsMatch(asked);
            }

            if (stop < 0)
            {
                return false;
            }

            sentenceStart += stop + 1;
        }

        return false;
    }

    private static bool EndsAQuestion(ReadOnlySpan<char> rest, int mark)
        => mark + 1 == rest.Length || char.IsWhiteSpace(rest[mark + 1]) || rest[mark + 1] is '"' or '\'' or ')' or '»' or '”';

    /// <summary>
    /// "You are a researcher who …", "You're a cybercriminal looking to …" at the start of a sentence: a character for the
    /// reader to play. "You are a contributor, so run the tests" tells the reader what they are and hands no role.
    /// </summary>
    private static bool HandsARole(ReadOnlySpan<char> sentence)
    {
        var s = sentence.TrimStart();
        return (AsciiCase.StartsWith(s, "you are a") || AsciiCase.StartsWith(s, "you're a") || AsciiCase.StartsWith(s, "you\u2019re a"))
            && s[..Math.Min(s.Length, 80)].IndexOfAny(RoleClauses) > 0;
    }

    /// <summary>The first letter of <paramref name="span"/>, lower case ('\0' if none): the orders for the writer start with 't', 'r', 's' or 'g'.</summary>
    private static char FirstLetter(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetter(c))
            {
                return char.ToLowerInvariant(c);
            }
        }

        return '\0';
    }

    private static int WordCount(ReadOnlySpan<char> span)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in span)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
