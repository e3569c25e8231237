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
    /// The kinds <see cref="InjectionPatterns.NoteToKindOfAssistant"/> names before the noun; a booking, scheduling,
    /// calendar or inbox kind only before "assistant" or "bot" (a booking agent is a person).
    /// </summary>
    private static readonly string[] AssistantKinds = ["chat", "virtual", "coding", "email", "e-mail", "browsing", "web", "research", "writing", "shopping", "ai", "booking", "scheduling", "calendar", "inbox"];

    /// <summary>The determiners the pattern allows between "to"/"for" and the kind.</summary>
    private static readonly string[] NoteDeterminers = ["the", "any", "all", "a", "an", "every", "this", "your"];

    /// <summary>The words before the kind (or its determiner) in the pattern.</summary>
    private static readonly string[] ToOrFor = ["to", "for"];

    /// <summary>
    /// <see cref="InjectionPatterns.NoteToKindOfAssistant"/> at a word start within <see cref="NoteReach"/> characters
    /// before <paramref name="at"/> on its line, that starts with a note word's first letter.
    /// </summary>
    private static bool NoteToKindOfAssistant(ReadOnlySpan<char> text, int at)
    {
        // The pattern reads "to"/"for", perhaps a determiner, a kind and the noun ("… to the chat assistant:"). Unless the
        // words at and before the anchor can be read so, no note can match, and the words before are not tried.
        if (!MayHeadNote(text, at))
        {
            return false;
        }

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

    /// <summary>The word is one of the pattern's kinds (or may fold to one, see <see cref="MayBeOneOf"/>).</summary>
    private static bool MayBeAssistantKind(ReadOnlySpan<char> word) => MayBeOneOf(word, AssistantKinds);

    /// <summary>
    /// A kind at the anchor ("AI bot") or right before it ("chat assistant"), and before the kind "to" or "for", perhaps
    /// with a determiner between. Never false where the pattern could match with the anchor's noun or kind in it.
    /// </summary>
    private static bool MayHeadNote(ReadOnlySpan<char> text, int at)
    {
        int kindStart;
        if (MayBeAssistantKind(KindWordAt(text, at)))
        {
            kindStart = at;
        }
        else if (MayBeAssistantKind(KindWordBefore(text, at, out var before)))
        {
            kindStart = before;
        }
        else
        {
            return false;
        }

        var word = KindWordBefore(text, kindStart, out var wordStart);
        if (MayBeOneOf(word, NoteDeterminers))
        {
            word = KindWordBefore(text, wordStart, out _);
        }

        return MayBeOneOf(word, ToOrFor);
    }

    /// <summary>The word is one of <paramref name="words"/> ignoring case, or has a character outside ASCII.</summary>
    private static bool MayBeOneOf(ReadOnlySpan<char> word, string[] words)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        if (!System.Text.Ascii.IsValid(word))
        {
            return true;
        }

        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run of letters and hyphens that starts at <paramref name="at"/>.</summary>
    private static ReadOnlySpan<char> KindWordAt(ReadOnlySpan<char> text, int at)
    {
        var end = at;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return text[at..end];
    }

    /// <summary>The run of letters and hyphens before <paramref name="at"/>, past the white space that separates it.</summary>
    private static ReadOnlySpan<char> KindWordBefore(ReadOnlySpan<char> text, int at, out int start)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-'))
        {
            start--;
        }

        return end == at ? [] : text[start..end];
    }
}
