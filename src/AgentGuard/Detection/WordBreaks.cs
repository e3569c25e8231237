using System.Collections.Frozen;
using System.Text;

namespace AgentGuard;

/// <summary>
/// The word breaks of letters written with none ("ignoreallpreviousinstructions"), found against the words instructions
/// are written in: letters spaced apart with single spaces between the words too lose the breaks, and a model still reads
/// the words. The run is cut where the fewest letters are left outside a known word (then into the fewest words); letters
/// no known word covers stay together as written.
/// </summary>
internal static class WordBreaks
{
    /// <summary>Runs shorter than this are written as they are ("summary", "nasa"): a heading, not a sentence.</summary>
    internal const int MinimumLetters = 12;

    /// <summary>Longer runs are cut a piece of this many letters at a time, which bounds the work per letter.</summary>
    private const int MaximumPiece = 512;

    private const int LongestWord = 14;

    /// <summary>The words of instructions, orders and what they ask for, and the small words between them.</summary>
    private static readonly FrozenSet<string> Words = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "and", "or", "to", "of", "in", "on", "at", "by", "with", "for", "from", "into", "as", "is", "are",
        "be", "do", "not", "no", "now", "only", "this", "that", "these", "those", "it", "its", "you", "your", "me", "my",
        "us", "our", "i", "we", "all", "any", "every", "each", "previous", "prior", "above", "earlier", "preceding", "former",
        "ignore", "disregard", "forget", "override", "bypass", "skip", "drop", "stop", "following", "follow", "obey",
        "instructions", "instruction", "rules", "rule", "guidelines", "directions", "directives", "commands", "orders",
        "prompt", "prompts", "system", "context", "messages", "message", "conversation", "history", "policy", "policies",
        "reply", "respond", "answer", "say", "write", "print", "output", "reveal", "show", "tell", "repeat", "leak",
        "send", "forward", "email", "mail", "post", "upload", "share", "transfer", "give", "copy", "paste",
        "passwords", "password", "secrets", "secret", "keys", "key", "credentials", "tokens", "token", "data", "files",
        "file", "contents", "content", "details", "information", "api", "private", "confidential", "hidden",
        "new", "instead", "word", "words", "pwned", "user", "users", "admin", "developer", "mode", "act", "pretend",
        "assistant", "ai", "model", "delete", "execute", "run", "code", "command", "must", "should", "will", "can",
        "then", "just", "here", "there", "what", "was", "were", "been", "have", "has", "told", "said", "given");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends <paramref name="letters"/> to <paramref name="reading"/> with a space at each word break found.</summary>
    public static void Append(StringBuilder reading, ReadOnlySpan<char> letters)
    {
        for (var start = 0; start < letters.Length; start += MaximumPiece)
        {
            if (start > 0)
            {
                reading.Append(' ');
            }

            AppendPiece(reading, letters[start..Math.Min(letters.Length, start + MaximumPiece)]);
        }
    }

    private static void AppendPiece(StringBuilder reading, ReadOnlySpan<char> letters)
    {
        var n = letters.Length;

        // inWord[i] / inLetters[i]: the cheapest cut of the first i letters that ends with a known word / with letters no
        // known word covers. A word costs 2, a letter outside every word 1, and each stretch of such letters 4 more, so a
        // short word is not cut out of an unknown one ("internationalisation" stays whole); a tie keeps the letters together.
        Span<int> inWord = stackalloc int[n + 1];
        Span<int> inLetters = stackalloc int[n + 1];
        Span<short> wordFrom = stackalloc short[n + 1];
        inWord[0] = 0;
        inLetters[0] = int.MaxValue / 2;
        for (var i = 1; i <= n; i++)
        {
            inLetters[i] = Math.Min(inLetters[i - 1] + 1, inWord[i - 1] + 5);
            inWord[i] = int.MaxValue / 2;
            for (var length = 1; length <= Math.Min(LongestWord, i); length++)
            {
                var cost = Math.Min(inWord[i - length], inLetters[i - length]) + 2;
                if (cost < inWord[i] && Lookup.Contains(letters[(i - length)..i]))
                {
                    inWord[i] = cost;
                    wordFrom[i] = (short)(i - length);
                }
            }
        }

        Span<short> cut = stackalloc short[n + 1];
        Span<bool> known = stackalloc bool[n + 1];
        var word = inWord[n] < inLetters[n];
        for (var i = n; i > 0;)
        {
            known[i] = word;
            int from;
            if (word)
            {
                from = wordFrom[i];
                word = inWord[from] < inLetters[from];
            }
            else
            {
                from = i - 1;
                word = inLetters[from] + 1 != inLetters[i];
            }

            cut[i] = (short)from;
            i = from;
        }

        // Walk back from the end, then write the pieces in order: known words apart, unknown letters together.
        Span<short> ends = stackalloc short[n + 1];
        var count = 0;
        for (var i = n; i > 0; i = cut[i])
        {
            ends[count++] = (short)i;
        }

        var previousKnown = true;
        var position = 0;
        for (var k = count - 1; k >= 0; k--)
        {
            var end = ends[k];
            var isKnown = known[end];
            if (position > 0 && (isKnown || previousKnown))
            {
                reading.Append(' ');
            }

            reading.Append(letters[position..end]);
            previousKnown = isKnown;
            position = end;
        }
    }
}
