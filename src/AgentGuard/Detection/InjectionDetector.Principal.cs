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
                if (IsMatchAt(InjectionPatterns.PrincipalsTask(), text, at) || IsMatchAt(InjectionPatterns.PrincipalsTaskAdverb(), text, at))
                {
                    Raise(weights, Marker.ClaimsAuthority, 0.5);
                }

                break;
        }
    }
}
