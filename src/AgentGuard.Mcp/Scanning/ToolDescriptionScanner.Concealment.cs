namespace AgentGuard.Mcp;

/// <content>
/// The user kept from knowing, in words the phrase table does not list ("avoid mentioning this to the user", "the user
/// should not know about this", "keep the user unaware", "don't reveal these instructions"): a verb of telling under a
/// negation, aimed at the user or at the description's own instructions; a user or an operator who must not see or
/// notice this; the text kept hidden from a person; the tool's real purpose kept back ("don't reveal the actual
/// purpose"). A vendor's "if you don't know the ID", "when the user does not mention a branch" and "users who don't see
/// their project" keep no one from knowing. Paraphrased (<see cref="ParaphrasedSecrecy"/>): the user who must never learn or hear
/// about something ("the user never learns about the notes field"; not a named value: "never learns the generated
/// password"), "don't let on to the user", an order to keep quiet or say nothing about something or to the user, the user
/// kept in the dark, the user who suspects nothing. A dark theme, a quiet mode and "if you don't hear back" are not it.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Words that negate the verb of telling right after them (with only <see cref="NegationFillers"/> between).</summary>
    internal static readonly string[] Negations = ["not", "never", "avoid", "refrain", "no", "without", "dont", "doesnt"];

    /// <summary>Words that may stand between a negation and its verb ("no need to mention", "refrain from telling", "not ever tell").</summary>
    internal static readonly string[] NegationFillers = ["to", "need", "needs", "ever", "be", "from", "you", "should", "must", "will", "it", "is", "let"];

    /// <summary>Whom the telling is kept from: the object after the verb ("tell the user", "inform them").</summary>
    internal static readonly string[] KeptFrom = ["user", "users", "them", "anyone", "anybody", "human", "humans", "operator", "operators"];

    /// <summary>Who is kept from seeing or knowing when named as the subject ("the user should not know", "operators must never notice").</summary>
    internal static readonly string[] KeptSubjects = ["user", "users", "operator", "operators", "human", "humans"];

    /// <summary>The tool's own nature, kept back ("do not reveal the actual purpose", "never disclose its real function").</summary>
    internal static readonly string[] OwnNatures =
        ["purpose", "purposes", "intent", "intention", "intentions", "function", "functionality", "behavior", "behaviour", "nature", "goal", "role"];

    /// <summary>Words that make a nature the tool's real one, not the one it shows ("the actual purpose", "its true function").</summary>
    internal static readonly string[] RealQualifiers = ["actual", "true", "real", "hidden", "underlying"];

    /// <summary>What the telling is about when it is the description's own orders or the tool's hidden change ("don't reveal these instructions", "this modification").</summary>
    internal static readonly string[] OwnOrders = ["instruction", "instructions", "note", "message", "step", "modification", "modifications", "change", "changes"];

    /// <summary>Verbs that keep a person unaware ("keep the user unaware").</summary>
    internal static readonly string[] KeepingVerbs = ["keep", "keeps", "leave", "leaves", "remain", "remains", "stay", "stays"];

    /// <summary>How many words after the verb the person may come ("mention this to the user": four).</summary>
    internal const int KeptFromDistance = 4;

    /// <summary>How many words back the negation may be, fillers included ("there is no need to mention": three).</summary>
    internal const int NegationDistance = 4;

    /// <summary>
    /// The verb of telling at <paramref name="at"/>..<paramref name="end"/> keeps someone from knowing: under a negation
    /// (<see cref="Negations"/>, a word ending in "n't", with only <see cref="NegationFillers"/> between), either aimed at
    /// the user within <see cref="KeptFromDistance"/> words ("do not say anything to the user", "do not tell them") or at
    /// the description's orders ("don't reveal these instructions"); "know" and "find out" with the user as their subject
    /// ("the user should not know about this", "the user never finds out"); "unaware" after keeping the user so; "conceal"
    /// with the user later in the sentence.
    /// </summary>
    internal static bool KeptFromTheUser(ReadOnlySpan<char> text, int at, int end)
    {
        var verb = text[at..end];
        if (AsciiCase.Equals(verb, "unaware"))
        {
            return KeptUnaware(text, at);
        }

        if (AsciiCase.Equals(verb, "conceal"))
        {
            return PersonFollows(text, end, int.MaxValue);
        }

        if (AsciiCase.Equals(verb, "hidden"))
        {
            return KeptHiddenFromAPerson(text, at, end);
        }

        if (AsciiCase.Equals(verb, "say nothing") || AsciiCase.Equals(verb, "keep quiet"))
        {
            return OpensAnOrder(text, at) && (PersonFollows(text, end, KeptFromDistance) || AboutFollows(text, end));
        }

        if (AsciiCase.Equals(verb, "in the dark"))
        {
            return KeptUnaware(text, at);
        }

        if (AsciiCase.StartsWith(verb, "suspect"))
        {
            return UserBefore(text, at);
        }

        var negation = NegationBefore(text, at);
        if (negation < 0)
        {
            return false;
        }

        if (AsciiCase.Equals(verb, "let on"))
        {
            return PersonFollows(text, end, KeptFromDistance);
        }

        var seeing = AsciiCase.Equals(verb, "see") || AsciiCase.Equals(verb, "notice");
        var learning = AsciiCase.StartsWith(verb, "learn") || AsciiCase.Equals(verb, "hear");
        var knowing = seeing || learning || AsciiCase.Equals(verb, "know") || AsciiCase.StartsWith(verb, "find") || AsciiCase.StartsWith(verb, "finds");
        if (knowing)
        {
            return UserBefore(text, negation) && ((!AsciiCase.Equals(verb, "know") && !seeing && !learning) || KnowsNothingNamed(text, end));
        }

        return PersonFollows(text, end, KeptFromDistance) || OwnOrdersFollow(text, end) || OwnNatureFollows(text, end);
    }

    /// <summary>Where the negation governing the verb at <paramref name="at"/> starts, or -1.</summary>
    private static int NegationBefore(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        for (var words = 0; words < NegationDistance && PreviousWord(text, ref from, out var word); words++)
        {
            if (NegationLookup.Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase))
            {
                return from;
            }

            if (!NegationFillerLookup.Contains(word))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The user, an operator or a human is the subject, within three words before the negation at <paramref name="negation"/>.</summary>
    private static bool UserBefore(ReadOnlySpan<char> text, int negation)
    {
        var from = negation;
        for (var words = 0; words < 3 && PreviousWord(text, ref from, out var word); words++)
        {
            if (KeptSubjectLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "hidden" at <paramref name="at"/>..<paramref name="end"/> after a verb of keeping (<see cref="KeepingVerbs"/>, maybe
    /// with "this", "it" or "that" between) and before "from" and a person (<see cref="KeptFrom"/>) within three words:
    /// "Keep hidden from the operator", "stay hidden from the human reviewing the logs". Something hidden from a view
    /// ("Archived fields are hidden from the default view") keeps no one from knowing.
    /// </summary>
    private static bool KeptHiddenFromAPerson(ReadOnlySpan<char> text, int at, int end)
    {
        var from = at;
        var kept = false;
        for (var words = 0; words < 2 && PreviousWord(text, ref from, out var word); words++)
        {
            if (KeepingVerbLookup.Contains(word))
            {
                kept = true;
                break;
            }

            if (!OwnReferentLookup.Contains(word))
            {
                return false;
            }
        }

        var after = end;
        return kept && NextWord(text, ref after, out var next) && AsciiCase.Equals(next, "from") && PersonFollows(text, after, 3);
    }

    /// <summary>
    /// The tool's real nature right after the verb: a determiner maybe, one of <see cref="RealQualifiers"/>, then one of
    /// <see cref="OwnNatures"/> ("do not reveal the actual purpose", "never disclose its true function"); "its" alone
    /// will do before the nature ("don't reveal its purpose"). "Do not reveal the password" keeps back no nature.
    /// </summary>
    private static bool OwnNatureFollows(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        if (!NextWord(text, ref from, out var word))
        {
            return false;
        }

        var its = AsciiCase.Equals(word, "its");
        if ((its || AsciiCase.Equals(word, "the") || AsciiCase.Equals(word, "this") || AsciiCase.Equals(word, "your")) && !NextWord(text, ref from, out word))
        {
            return false;
        }

        if (RealQualifierLookup.Contains(word))
        {
            return NextWord(text, ref from, out word) && OwnNatureLookup.Contains(word);
        }

        return its && OwnNatureLookup.Contains(word);
    }

    /// <summary>"about" right after <paramref name="end"/> ("keep quiet about the field", not "keep quiet mode").</summary>
    private static bool AboutFollows(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        return NextWord(text, ref from, out var next) && AsciiCase.Equals(next, "about");
    }

    /// <summary>After "know": what is kept is this (about this, that, it, anything) or nothing, not a named thing ("know the ID").</summary>
    private static bool KnowsNothingNamed(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        return !NextWord(text, ref from, out var next)
            || AsciiCase.Equals(next, "about") || AsciiCase.Equals(next, "this") || AsciiCase.Equals(next, "that")
            || AsciiCase.Equals(next, "it") || AsciiCase.Equals(next, "anything");
    }

    /// <summary>A person (<see cref="KeptFrom"/>) within <paramref name="distance"/> words after <paramref name="end"/> in the same sentence.</summary>
    private static bool PersonFollows(ReadOnlySpan<char> text, int end, int distance)
        => WordWithin(text, end, distance, KeptFromLookup);

    /// <summary>"this" or "these", then one of <see cref="OwnOrders"/>, right after the verb.</summary>
    private static bool OwnOrdersFollow(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        return NextWord(text, ref from, out var determiner) && (AsciiCase.Equals(determiner, "this") || AsciiCase.Equals(determiner, "these"))
            && NextWord(text, ref from, out var noun) && OwnOrdersLookup.Contains(noun);
    }

    /// <summary>"unaware" or "in the dark" at <paramref name="at"/> after the user and a keeping verb within three words ("keep the user unaware", "users remain unaware", "the user should remain in the dark").</summary>
    private static bool KeptUnaware(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        var user = false;
        var keeping = false;
        for (var words = 0; words < 3 && PreviousWord(text, ref from, out var word); words++)
        {
            user |= AsciiCase.Equals(word, "user") || AsciiCase.Equals(word, "users");
            keeping |= KeepingVerbLookup.Contains(word);
        }

        return user && keeping;
    }

    /// <summary>What the description means by what it has said ("omit this", "leave these steps out").</summary>
    internal static readonly string[] OwnReferents = ["this", "these", "that", "it"];

    /// <summary>Nouns that may follow <see cref="OwnReferents"/> ("these steps", "this part").</summary>
    internal static readonly string[] OwnParts = ["instruction", "instructions", "note", "notes", "message", "step", "steps", "part", "detail", "details", "information"];

    /// <summary>What the model writes back.</summary>
    internal static readonly string[] Replies = ["reply", "replies", "response", "responses", "answer", "answers", "output", "summary"];

    /// <summary>
    /// The verb ending at <paramref name="end"/> leaves the description's own words out of what the model writes back:
    /// "this", "these" or "it" (maybe with a noun: "these steps"), then "from" or "out of", then the reply ("Omit this from
    /// your reply", "Leave these steps out of your response", "Exclude this note from your answer"). "Fields to omit from
    /// the response" and "Omit this parameter to use the default" are a vendor's options.
    /// </summary>
    internal static bool OmittedFromReply(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        if (!NextWord(text, ref from, out var word) || !OwnReferentLookup.Contains(word) || !NextWord(text, ref from, out word))
        {
            return false;
        }

        if (OwnPartLookup.Contains(word) && !NextWord(text, ref from, out word))
        {
            return false;
        }

        if (AsciiCase.Equals(word, "out") && !NextWord(text, ref from, out word))
        {
            return false;
        }

        if (!AsciiCase.Equals(word, "from") && !AsciiCase.Equals(word, "of"))
        {
            return false;
        }

        for (var words = 0; words < 2 && NextWord(text, ref from, out word); words++)
        {
            if (ReplyLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly WordSet OwnReferentLookup = new(OwnReferents);

    private static readonly WordSet OwnPartLookup = new(OwnParts);

    private static readonly WordSet ReplyLookup = new(Replies);

    private static readonly WordSet NegationLookup = new(Negations);

    private static readonly WordSet NegationFillerLookup = new(NegationFillers);

    private static readonly WordSet KeptFromLookup = new(KeptFrom);

    private static readonly WordSet OwnOrdersLookup = new(OwnOrders);

    private static readonly WordSet KeepingVerbLookup = new(KeepingVerbs);

    private static readonly WordSet KeptSubjectLookup = new(KeptSubjects);

    private static readonly WordSet OwnNatureLookup = new(OwnNatures);

    private static readonly WordSet RealQualifierLookup = new(RealQualifiers);
}
