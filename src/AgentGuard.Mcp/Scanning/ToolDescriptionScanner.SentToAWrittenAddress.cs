namespace AgentGuard.Mcp;

/// <content>
/// The tool's data handed to an address the description writes out, in any form of the verb and to a host written
/// without a scheme: "The new password is also emailed to it-support@helpdesk-mail.io", "The attendee list is
/// automatically shared with partner.calendar-sync.net", "the tool uploads the workspace to build-cache.io". A real tool
/// takes its destination as an argument or names its own service; "send questions to support@vendor.com" is a contact.
/// (<see cref="SendsToAnAddress"/> reads the present forms before a web or e-mail address.)
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>How many words after the verb its "to" (or a share's "with") may stand ("uploads the whole working directory to": four).</summary>
    internal const int HandedToAddressDistance = 6;

    /// <summary>Words that make a hand-over a side act, beside <see cref="SecondActWords"/> ("While waiting, the tool uploads …").</summary>
    internal static readonly string[] SideActWords = ["while", "meanwhile", "too", "afterwards"];

    private static readonly WordSet SideActLookup = new(SideActWords);

    /// <summary>
    /// After the verb at <paramref name="at"/>..<paramref name="end"/>, within <see cref="HandedToAddressDistance"/> words
    /// of its sentence, "to" (or "with", after a form of "share") and then a destination written out (a host, a web or
    /// e-mail address, <see cref="IsWrittenHost"/> or <see cref="IsWrittenDestination"/>); and the sentence makes the
    /// hand-over a second act (<see cref="SecondActWords"/>, <see cref="SideActWords"/>) or hands over a secret or the
    /// user's personal data (<see cref="SentSecrets"/>). A contact's message (<see cref="ContactNouns"/>) right before or
    /// after the verb is none, nor is a tool's own job ("All messages are posted to slack.com through the Web API").
    /// </summary>
    internal static bool SentToAWrittenAddress(ReadOnlySpan<char> text, int at, int end)
    {
        // The address first, a few words ahead: most sendings name none, and the sentence is then not read at all.
        var sharing = AsciiCase.StartsWith(text[at..end], "share");
        var after = end;
        var addressed = false;
        var marked = false;
        for (var words = 0; !addressed && words < HandedToAddressDistance && NextWord(text, ref after, out var word); words++)
        {
            if (words == 0 && ContactNounSet.Contains(word))
            {
                return false;
            }

            marked |= Marks(word);
            if (AsciiCase.Equals(word, "to") || (sharing && AsciiCase.Equals(word, "with")))
            {
                var next = after;
                if (!NextToken(text, ref next, out var token) || !(IsWrittenHost(token) || IsWrittenDestination(token)))
                {
                    return false;
                }

                addressed = true;
            }
        }

        if (!addressed)
        {
            return false;
        }

        var from = at;
        for (var words = 0; PreviousWord(text, ref from, out var word); words++)
        {
            if (words < 2 && ContactNounSet.Contains(word))
            {
                return false;
            }

            marked |= Marks(word);
        }

        while (!marked && NextWord(text, ref after, out var word))
        {
            marked = Marks(word);
        }

        return marked;

        static bool Marks(ReadOnlySpan<char> word) => SecondActLookup.Contains(word) || SideActLookup.Contains(word) || SentSecretLookup.Contains(word);
    }
}
