namespace AgentGuard;

/// <content>
/// Data that speaks as the one who gave the agent its task: a message "from me, &lt;name&gt;, to you, &lt;the model&gt;",
/// "the task I gave you in the beginning", and the ordering around it ("before you can solve the task …"; "after you do
/// that, you can solve the task"). Anchored on few, rarer words ("the task", "before you", "from me"): each common word
/// an anchor starts with costs every text a comparison. An e-mail to a person refers to yesterday's task
/// and asks for things before Friday; only the hijack addresses a model and the start of a conversation.
/// </content>
internal sealed partial class InjectionDetector
{
    private static void PrincipalVoice(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        switch (anchor[0])
        {
            case 'b' or 'a':
                // "before you can solve the task", "after you do that, you can solve the task".
                RaiseIf(InjectionPatterns.TaskOrdering(), text, at, weights, Marker.Ordering, 0.25);
                break;
            case 'm' or 'n' when anchor.EndsWith(" from me", StringComparison.Ordinal):
                RaiseIf(InjectionPatterns.MessageToModel(), text, at, weights, Marker.AddressedToAi, 0.6);
                break;
            case 'f' or 'i':
                // "from me, the user", "it's me, the person you're working for".
                RaiseIf(InjectionPatterns.PrincipalClaim(), text, at, weights, Marker.ClaimsAuthority, 0.5);
                break;
            default:
                if (anchor is "your task" or "your current task")
                {
                    TaskPrerequisite(text, at, weights);
                }

                if (IsMatchAt(InjectionPatterns.PrincipalsTask(), text, at) || IsMatchAt(InjectionPatterns.PrincipalsTaskAdverb(), text, at))
                {
                    Raise(weights, Marker.ClaimsAuthority, 0.5);
                }

                break;
        }
    }
    /// <summary>What opens a sentence that presents the text itself: "This is …", "Here is …".</summary>
    private static readonly string[] PresentingOpeners = ["this is", "here is", "here's", "it is", "it's", "below is", "attached is"];

    /// <summary>
    /// The "message from …" at <paramref name="at"/> (of <paramref name="length"/> characters) is the text presenting
    /// itself: it opens its sentence (capitalised, or after a tag, bracket or label), its sentence opens with "This is"
    /// or "Here is", or it is followed by a colon or "to you".
    /// </summary>
    private static bool PresentsItself(ReadOnlySpan<char> text, int at, int length)
    {
        var after = text[(at + length)..].TrimStart(' ');
        if (after.StartsWith(':') || after.StartsWith("to you", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var window = text[Math.Max(0, at - 80)..at];
        var boundary = window.LastIndexOfAny(SentenceOpeners);
        var before = window[(boundary + 1)..].Trim();
        if (before.IsEmpty)
        {
            // It opens its sentence ("Message from …"), or follows a tag or a label ("<note>message from …"); a line of
            // wrapped prose that goes on with "message from the user describing …" does neither.
            return char.IsUpper(text[at]) || (boundary >= 0 && window[boundary] is '>' or ']' or ':');
        }

        foreach (var opener in PresentingOpeners)
        {
            if (before.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> SentenceOpeners = System.Buffers.SearchValues.Create(".!?\n>]:");
}
