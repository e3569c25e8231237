namespace AgentGuard;

/// <content>
/// A note headed to a kind of software assistant: "NEW INSTRUCTION TO CHAT ASSISTANT:", "Reminder for the browsing
/// agent -". The plain "note to the assistant" is <see cref="InjectionPatterns.NoteToAi"/>'s; with a kind named before
/// the noun (a word that makes it software, not a person who assists) the heading addresses the reader all the same.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far before the AI noun a note word is looked for ("instructions for every coding " is 31 characters).</summary>
    private const int NoteReach = 64;

    /// <summary>
    /// <see cref="InjectionPatterns.NoteToKindOfAssistant"/> at a word start within <see cref="NoteReach"/> characters
    /// before <paramref name="at"/> on its line, that starts with a note word's first letter.
    /// </summary>
    private static bool NoteToKindOfAssistant(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - NoteReach);
        var line = text[from..at].LastIndexOf('\n');
        from = line < 0 ? from : from + line + 1;
        for (var i = from; i < at; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (c is 'n' or 'm' or 'i' or 'r' or 'd' or 'o' or 'a' or 't' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && IsMatchAt(InjectionPatterns.NoteToKindOfAssistant(), text, i))
            {
                return true;
            }
        }

        return false;
    }
}
