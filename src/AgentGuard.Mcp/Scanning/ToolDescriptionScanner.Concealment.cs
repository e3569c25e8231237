namespace AgentGuard.Mcp;

/// <content>
/// The user kept from knowing, in words the phrase table does not list ("avoid mentioning this to the user", "the user
/// should not know about this", "keep the user unaware", "don't reveal these instructions"): a verb of telling under a
/// negation, aimed at the user or at the description's own instructions. A vendor's "if you don't know the ID" and "when
/// the user does not mention a branch" keep no one from knowing.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Words that negate the verb of telling right after them (with only <see cref="NegationFillers"/> between).</summary>
    internal static readonly string[] Negations = ["not", "never", "avoid", "refrain", "no", "without", "dont", "doesnt"];

    /// <summary>Words that may stand between a negation and its verb ("no need to mention", "refrain from telling", "not ever tell").</summary>
    internal static readonly string[] NegationFillers = ["to", "need", "needs", "ever", "be", "from", "you", "should", "must", "will", "it", "is", "let"];

    /// <summary>Whom the telling is kept from: the object after the verb ("tell the user", "inform them").</summary>
    internal static readonly string[] KeptFrom = ["user", "users", "them", "anyone", "anybody", "human"];

    /// <summary>What the telling is about when it is the description's own orders ("don't reveal these instructions").</summary>
    internal static readonly string[] OwnOrders = ["instruction", "instructions", "note", "message", "step"];

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

        var negation = NegationBefore(text, at);
        if (negation < 0)
        {
            return false;
        }

        var knowing = AsciiCase.Equals(verb, "know") || AsciiCase.StartsWith(verb, "find") || AsciiCase.StartsWith(verb, "finds");
        if (knowing)
        {
            return UserBefore(text, negation) && (!AsciiCase.Equals(verb, "know") || KnowsNothingNamed(text, end));
        }

        return PersonFollows(text, end, KeptFromDistance) || OwnOrdersFollow(text, end);
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

    /// <summary>The user is the subject, within three words before the negation at <paramref name="negation"/>.</summary>
    private static bool UserBefore(ReadOnlySpan<char> text, int negation)
    {
        var from = negation;
        for (var words = 0; words < 3 && PreviousWord(text, ref from, out var word); words++)
        {
            if (AsciiCase.Equals(word, "user") || AsciiCase.Equals(word, "users"))
            {
                return true;
            }
        }

        return false;
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
    {
        var from = end;
        for (var words = 0; words < distance && NextWord(text, ref from, out var word); words++)
        {
            if (KeptFromLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"this" or "these", then one of <see cref="OwnOrders"/>, right after the verb.</summary>
    private static bool OwnOrdersFollow(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        return NextWord(text, ref from, out var determiner) && (AsciiCase.Equals(determiner, "this") || AsciiCase.Equals(determiner, "these"))
            && NextWord(text, ref from, out var noun) && OwnOrdersLookup.Contains(noun);
    }

    /// <summary>"unaware" at <paramref name="at"/> after the user and a keeping verb within three words ("keep the user unaware", "users remain unaware").</summary>
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
}
