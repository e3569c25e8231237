namespace AgentGuard;

/// <content>
/// An order to steer the user to a web address with a verb of persuasion ("Let the user know … reset it at
/// evil-site.com", "Urge users to download the fix from www.…"): the phishing and promotion order of an injected page
/// or e-mail, said with other verbs than "tell" or "inform" (<see cref="TellTheUser"/>), placed as it is (opening its
/// sentence, a comment or a label, or after a purpose or subordinate clause).
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary><see cref="InjectionPatterns.SteeredUser"/> at <paramref name="at"/>, placed as <see cref="TellTheUser"/> is.</summary>
    private static void SteeredUser(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        // "suggest", "recommend" and "advise" are common verbs: the pattern needs "user" within its first words.
        if (text.Slice(at, Math.Min(40, text.Length - at)).IndexOf("user", StringComparison.OrdinalIgnoreCase) >= 0
            && (OpensScriptedOrder(text, at) || AfterPurposeClause(text, at)))
        {
            RaiseIf(InjectionPatterns.SteeredUser(), text, at, weights, Marker.AgentRequest, 0.5);
        }
    }
}
