namespace AgentGuard;

/// <content>
/// Orders wrapped in a frame that pretends not to give one: a hypothetical that sets the output ("in a world where …, we
/// might state …"), a demand for obedience, and an upper-case override label ("… DATA OVERRIDE:", "&lt;… OVERRIDE MODE&gt;").
/// Anchored on rare words ("hypothetical", "world where", "universe where", "scenario where") or on anchors already read
/// ("you must", "override"), so ordinary text pays no new comparison.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>
    /// "DEVELOPER DATA OVERRIDE:", "&lt;ENTERING SECURITY OVERRIDE MODE&gt;": the word in capitals after another word in capitals,
    /// followed by a colon or "MODE". A setting ("override: true"), a column header ("| OVERRIDE |") and a title
    /// ("Method Override:") are not labels.
    /// </summary>
    private static bool IsOverrideLabel(ReadOnlySpan<char> text, int at)
    {
        const string Label = "OVERRIDE";
        if (at < 2 || text[at - 1] != ' ' || !char.IsAsciiLetterUpper(text[at - 2]) || !text.Slice(at).StartsWith(Label, StringComparison.Ordinal))
        {
            return false;
        }

        var after = text.Slice(at + Label.Length);
        return after.TrimStart(' ').StartsWith(':') || after.StartsWith(" MODE", StringComparison.Ordinal);
    }
}
