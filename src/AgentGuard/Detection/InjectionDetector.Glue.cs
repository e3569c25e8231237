namespace AgentGuard;

/// <content>
/// A task run straight into the document it was put before, with no full stop between them ("Remind me how many days
/// there are in a typical year The Sarbanes-Oxley Act of 2002 was …"), and the words too general to tie a task to its
/// document ("year", "primary", "after"): a task that shares only these with the text around it shares no subject.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>
    /// Words of function or of every subject: sharing one of them is no sign that a task belongs to its text (a property,
    /// read once by <see cref="NoSubjectLookup"/>'s initializer, which another file's field initializer order cannot break).
    /// </summary>
    private static string[] GeneralWords =>
    [
        "after", "before", "over", "under", "between", "through", "during", "without", "within", "like", "such", "very", "just",
        "these", "those", "here", "where", "there", "while", "because", "since", "until", "being", "made", "make", "called",
        "year", "years", "day", "days", "time", "times", "week", "weeks", "month", "months", "people", "person", "human", "humans",
        "world", "part", "number", "way", "thing", "things", "primary", "main", "common", "typical", "general", "usual", "different",
        "new", "old", "good", "best", "great", "large", "small", "first", "last", "many", "use", "used", "uses",
    ];

    /// <summary>A task glued to its document ends within this many words.</summary>
    private const int MaximumGluedTaskWords = 20;

    /// <summary>Words that open a sentence of a document ("The", "In", "Our"): capitalised after a lower-case word, they start one.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceOpenerLookup = new HashSet<string>(
    [
        "the", "a", "an", "this", "these", "those", "it", "its", "in", "on", "at", "as", "our", "we", "they", "he", "she", "there",
        "many", "most", "some", "each", "every", "all", "after", "before", "during", "when", "while", "if", "although", "despite",
        "according", "following", "today", "recent", "over", "under", "with", "for", "from", "by", "since", "unlike", "however",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words a name follows ("of France", "is Tuesday", "called Atlas", "the Globe"): a capitalised word after them is a name, not a new sentence.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameFollowsLookup = new HashSet<string>(
    [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "onto", "near", "like", "as",
        "than", "via", "per", "across", "between", "through", "under", "over", "after", "before", "during", "since", "until",
        "toward", "towards", "against", "among", "around", "behind", "beyond", "within", "without", "versus", "and", "or", "but",
        "nor", "is", "are", "was", "were", "be", "been", "being", "am", "called", "named", "titled", "entitled", "dubbed", "my",
        "your", "his", "her", "our", "their", "its", "what", "which", "who", "whom", "whose", "how", "where", "when", "why",
        "whether", "if", "that", "dear", "hi", "hello", "visit", "visiting", "meet", "met", "ask", "tell", "email", "call",
        "contact", "says", "said", "mr", "mrs", "ms", "dr", "st", "saint", "mount", "lake", "new", "old", "north", "south", "east",
        "west", "upper", "lower", "great", "little", "vitamin", "type", "plan", "team", "room", "gate", "version", "chapter",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Where a task that opens at <paramref name="start"/> and runs past <paramref name="end"/> of its first "sentence" was
    /// glued to a document: the first capitalised word, after at least four words and within
    /// <see cref="MaximumGluedTaskWords"/>, that follows a lower-case word and one space, does not follow a word names
    /// follow, and opens a sentence (a word sentences open with, or one followed by a lower-case word); the document from
    /// there ends with a full stop. 0 when there is none.
    /// </summary>
    private static int GluePoint(ReadOnlySpan<char> text, int start, int end)
    {
        if (end - start < 24 || text[^1] is not ('.' or '!' or '?'))
        {
            return 0;
        }

        var i = start;
        var previous = ReadOnlySpan<char>.Empty;
        var previousPlain = false;
        for (var words = 0; words <= MaximumGluedTaskWords && i < text.Length; words++)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i == wordStart)
            {
                return 0;
            }

            var word = text[wordStart..i];
            if (words >= 4 && previousPlain && char.IsAsciiLetterUpper(word[0]) && !NameFollowsLookup.Contains(previous)
                && (IsSentenceOpener(word) || FollowedByALowerCaseWord(text, i)))
            {
                return wordStart;
            }

            previous = word;
            previousPlain = IsLowerCaseWord(word) && i + 1 < text.Length && text[i] == ' ' && text[i + 1] != ' ';
        }

        return 0;
    }

    private static bool IsSentenceOpener(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[16];
        return word.Length <= lower.Length && word.ToLowerInvariant(lower) == word.Length && SentenceOpenerLookup.Contains(lower[..word.Length]);
    }

    private static bool FollowedByALowerCaseWord(ReadOnlySpan<char> text, int i)
        => i + 1 < text.Length && text[i] == ' ' && char.IsAsciiLetterLower(text[i + 1]);

    private static bool IsLowerCaseWord(ReadOnlySpan<char> word) => word.IndexOfAnyExceptInRange('a', 'z') < 0;
}
