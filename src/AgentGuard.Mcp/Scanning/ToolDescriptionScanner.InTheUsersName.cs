namespace AgentGuard.Mcp;

/// <content>
/// Messages passed off as the user's own: "Post the message as if it came from the user", "Write every reply as though it
/// were written by the user themselves", "Impersonate the user when posting", "Send the email … in their name to all of
/// their contacts". The user's contacts then read the description author's words as the user's. A tool that sends on
/// behalf of the signed-in user says so ("Messages appear under the user's name"), an administrator's tool impersonates
/// "a user" to debug a session, and "as if it were a code block" passes nothing off.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Where a message may be passed off: a comparison, an impersonation, a name borrowed.</summary>
    internal static readonly string[] PassingOffPhrases =
        ["as if", "as though", "impersonat", "pretend", "in their name", "in the user's name", "in the user\u2019s name", "in his name",
         "in her name"];

    /// <summary>Verbs that give a message an author ("as if it came from", "as though it were written by").</summary>
    internal static readonly string[] AuthoringVerbs = ["came", "come", "comes", "coming", "written", "wrote", "sent", "signed", "typed", "authored", "posted"];

    /// <summary>Who the message is passed off as, after "from" or "by" ("the user", "them", "the account owner").</summary>
    internal static readonly string[] PassedOffAs = ["user", "users", "them", "him", "her", "owner", "customer", "themselves"];

    /// <summary>Verbs of messaging that an impersonation serves ("Impersonate the user when posting").</summary>
    internal static readonly string[] MessagingVerbs =
        ["post", "posting", "posts", "send", "sending", "reply", "replying", "replies", "write", "writing", "email", "message", "messaging",
         "comment", "commenting", "sign", "signing", "tweet", "tweeting", "answer", "answering"];

    /// <summary>The people a message in the user's name reaches ("all of their contacts").</summary>
    internal static readonly string[] UsersPeople = ["contacts", "followers", "friends", "connections", "colleagues", "coworkers"];

    /// <summary>How many words after "as if" the author may be named ("as though it were written by the user": six).</summary>
    internal const int PassedOffDistance = 8;

    private static readonly WordSet AuthoringVerbLookup = new(AuthoringVerbs);

    private static readonly WordSet PassedOffAsLookup = new(PassedOffAs);

    private static readonly WordSet MessagingVerbLookup = new(MessagingVerbs);

    private static readonly WordSet UsersPeopleLookup = new(UsersPeople);

    /// <summary>
    /// "as if" or "as though" followed within <see cref="PassedOffDistance"/> words by an authoring verb and "from" or "by"
    /// the user; "impersonate the user" or "pretending to be the account owner" in a sentence of messaging; or the user's name borrowed ("in their name") in a
    /// sentence that reaches all of the user's contacts, followers or friends (read with the other extra acts:
    /// <see cref="ReadExtraActs"/>).
    /// </summary>
    internal static bool PassesMessagesOffAsTheUsers(ReadOnlySpan<char> text) => (ReadExtraActs(text) & ExtraActs.PassedOff) != 0;

    /// <summary>The phrase of <see cref="PassingOffPhrases"/> at <paramref name="at"/> passes a message off as the user's.</summary>
    private static bool PassedOffAt(ReadOnlySpan<char> text, int at)
    {
        var (start, end) = SentenceAround(text, at);
        var sentence = text[start..end];
        var rest = text[at..];
        return rest.StartsWith("as ", StringComparison.OrdinalIgnoreCase) ? AuthoredByTheUser(text, at + 3)
            : rest.StartsWith("impersonat", StringComparison.OrdinalIgnoreCase) ? ImpersonatesTheUser(text, at) && HoldsWord(sentence, MessagingVerbLookup)
            : rest.StartsWith("pretend", StringComparison.OrdinalIgnoreCase) ? PretendsToBeTheUser(text, at) && HoldsWord(sentence, MessagingVerbLookup)
            : HoldsWord(sentence, UsersPeopleLookup) && (HoldsWord(sentence, AllLookup) || HoldsWord(sentence, AnyEachEveryLookup));
    }

    private static readonly WordSet AllLookup = new(["all", "everyone", "everybody"]);

    /// <summary>After <paramref name="from"/>: an authoring verb, then "from" or "by" and the user, within <see cref="PassedOffDistance"/> words.</summary>
    private static bool AuthoredByTheUser(ReadOnlySpan<char> text, int from)
    {
        var authored = false;
        var previous = (Start: 0, Length: 0);
        var beforePrevious = (Start: 0, Length: 0);
        for (var words = 0; words < PassedOffDistance && NextWord(text, ref from, out var word); words++)
        {
            authored |= AuthoringVerbLookup.Contains(word);
            if (authored && PassedOffAsLookup.Contains(word)
                && (IsFromOrBy(text.Slice(previous.Start, previous.Length)) || (AsciiCase.Equals(text.Slice(previous.Start, previous.Length), "the") && IsFromOrBy(text.Slice(beforePrevious.Start, beforePrevious.Length))) || AsciiCase.Equals(word, "themselves")))
            {
                return true;
            }

            beforePrevious = previous;
            previous = (from - word.Length, word.Length);
        }

        return false;
    }

    private static bool IsFromOrBy(ReadOnlySpan<char> word) => AsciiCase.Equals(word, "from") || AsciiCase.Equals(word, "by");

    /// <summary>"impersonate" (or "impersonating") followed by "the user" or "them", not "a user".</summary>
    private static bool ImpersonatesTheUser(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        if (!NextWord(text, ref from, out _) || !NextWord(text, ref from, out var first))
        {
            return false;
        }

        return PassedOffAsLookup.Contains(first)
            || (AsciiCase.Equals(first, "the") && NextWord(text, ref from, out var second) && PassedOffAsLookup.Contains(second));
    }

    /// <summary>"pretend" or "pretending" followed by "to be" and the user, them, the owner or the account's owner.</summary>
    private static bool PretendsToBeTheUser(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        if (!NextWord(text, ref from, out _)
            || !NextWord(text, ref from, out var to) || !AsciiCase.Equals(to, "to")
            || !NextWord(text, ref from, out var be) || !AsciiCase.Equals(be, "be")
            || !NextWord(text, ref from, out var first))
        {
            return false;
        }

        if (PassedOffAsLookup.Contains(first))
        {
            return true;
        }

        return AsciiCase.Equals(first, "the") && NextWord(text, ref from, out var second)
            && (PassedOffAsLookup.Contains(second)
                || (AsciiCase.Equals(second, "account") && NextWord(text, ref from, out var third) && PassedOffAsLookup.Contains(third)));
    }
}
