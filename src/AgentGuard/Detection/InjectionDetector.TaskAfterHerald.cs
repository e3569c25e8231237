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

    /// <summary>
    /// At a herald's noun whose clause is not a herald on its own: its sentence weighs what is ahead, and the task follows.
    /// A herald with no noun (<paramref name="nounless"/>: "what I'm about to reveal is not just game-changing") names no
    /// instruction, and release notes speak so of a release ("The following is not just a bug-fix release; … What is the
    /// new port?"): its task must be an order, not a bare question.
    /// </summary>
    private static bool TaskAfterHerald(ReadOnlySpan<char> text, int at, bool nounless)
    {
        var (start, end) = ClauseBounds(text, at, ClauseWindow, SentenceMarks);
        if (end >= text.Length || !TaskFollows(text, end + 1, ordersOnly: nounless))
        {
            return false;
        }

        // The whole sentence, label and clauses after a semicolon included: "Your journey is about to take a vital
        // twist; the next segment is yours to navigate." weighs the segment in its first clause. Weighed at least once:
        // "the next steps walk you through the setup" only points.
        var sentence = text[start..end];
        if (!(((sentence.ContainsAny(WeightWords) || sentence.ContainsAny(HeraldWeightWords)) && InjectionPatterns.HeraldedWeight().IsMatch(sentence)) || InjectionPatterns.HeraldedHype().IsMatch(sentence))
            || !(InjectionPatterns.TaskAhead().IsMatch(sentence) || InjectionPatterns.AddedTask().IsMatch(sentence)
                || InjectionPatterns.JustArrived().IsMatch(sentence) || InjectionPatterns.ArrivedForTask().IsMatch(sentence)))
        {
            return false;
        }

        // A manual's herald introduces what it names and then gives it ("The next section is important: it explains
        // tokens."); a question after that is the manual's own.
        var clauseEnd = ClauseBounds(text, at, ClauseWindow, ClauseMarks).End;
        return clauseEnd >= text.Length || text[clauseEnd] != ':';
    }

    /// <summary>
    /// Within <see cref="SentencesBetween"/> sentences of <paramref name="from"/>: a sentence that hands the reader a role,
    /// gives an order for the writer's benefit ("Tell me …"), orders the reader to answer what follows or to work out a
    /// fact, or (unless <paramref name="ordersOnly"/>) one of three words or more that ends in a question mark and asks for
    /// a fact: a question about the reader or the writer ("Could you confirm you saw them?", "Which version do I need?")
    /// is correspondence or a FAQ, and one that refers back to the sentence between ("Back up the database first. What
    /// happens if the backup fails?") is a manual's.
    /// </summary>
    private static bool TaskFollows(ReadOnlySpan<char> text, int from, bool ordersOnly)
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

            // An order to answer what follows ("Answer the following question: …", in any of the task's languages), or
            // to work out a fact ("Indicate the sum of 10 and 5."); "Calculate your budget" is a step for the reader.
            var first = FirstLetter(sentence);
            if ((first is 'a' or 'v' or 'r' or 'b' or 'p' or 'k' && InjectionPatterns.AnswerTheQuestion().IsMatch(sentence))
                || (first is 'i' or 'c' or 'd' or 't' or 'n' or 's' && InjectionPatterns.WorkOutAFact().IsMatch(sentence) && !InjectionPatterns.AskedOfPeople().IsMatch(sentence)))
            {
                return true;
            }

            // A question mark inside a URL or path ("notes?id=4") ends no sentence.
            if (question >= 0 && (stop < 0 || question <= stop) && EndsAQuestion(rest, question))
            {
                if (ordersOnly)
                {
                    return false;
                }

                var asked = rest[..question];
                return WordCount(asked) >= 3 && !InjectionPatterns.AskedOfPeople().IsMatch(asked)
                    && (sentences == 0 || !RefersBack(asked, window[..sentenceStart]));
            }

            if (stop < 0)
            {
                return false;
            }

            sentenceStart += stop + 1;
        }

        return false;
    }

    /// <summary>
    /// The question asks about the sentence before it: a manual's step and its own question ("Back up the database
    /// first. What happens if the backup fails?", "Install Node 20 first. Which version of npm ships with it?") share a
    /// word or point back with a pronoun; a planted task has nothing to do with the aside before it ("Align your chair
    /// for the journey. What is the largest ocean?").
    /// </summary>
    private static bool RefersBack(ReadOnlySpan<char> question, ReadOnlySpan<char> before)
    {
        if (InjectionPatterns.PointsBack().IsMatch(question))
        {
            return true;
        }

        for (var i = 0; i < question.Length; i++)
        {
            if (!char.IsLetter(question[i]) || (i > 0 && char.IsLetter(question[i - 1])))
            {
                continue;
            }

            var word = LetterRun(question, i);
            if (word.Length >= StemLength && !CommonQuestionWords.Contains(word.ToString().ToLowerInvariant()) && SharesStem(before, word[..StemLength]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many first letters two words share to count as one word ("backup", "Back up").</summary>
    private const int StemLength = 4;

    /// <summary>The words every question is made of, shared with any sentence.</summary>
    private static readonly HashSet<string> CommonQuestionWords = new(StringComparer.Ordinal)
    {
        "what", "which", "where", "when", "whom", "whose", "does", "have", "from", "with", "there", "their", "into", "than", "many", "much", "most", "would", "could", "should", "about", "were",
    };

    /// <summary>A word of <paramref name="span"/> starts with <paramref name="stem"/> (ignoring case).</summary>
    private static bool SharesStem(ReadOnlySpan<char> span, ReadOnlySpan<char> stem)
    {
        for (var at = span.IndexOf(stem, StringComparison.OrdinalIgnoreCase); at >= 0;)
        {
            if (at == 0 || !char.IsLetter(span[at - 1]))
            {
                return true;
            }

            var next = span[(at + 1)..].IndexOf(stem, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private static ReadOnlySpan<char> LetterRun(ReadOnlySpan<char> span, int from)
    {
        var end = from;
        while (end < span.Length && char.IsLetter(span[end]))
        {
            end++;
        }

        return span[from..end];
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
