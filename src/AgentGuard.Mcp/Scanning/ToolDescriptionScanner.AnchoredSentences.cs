using System.Buffers;

namespace AgentGuard.Mcp;

/// <content>
/// The word walk of the sentence classes that look for a verb anywhere in a text (an order to ask the user for a secret,
/// a dictated answer, other tools run down): each holds only where one of its anchors stands in the same sentence as
/// the verb, within a number of words, since every word it reads after the verb comes from <see cref="NextWord"/>, which
/// stops at a sentence's end. So only the words just before an anchor are tested, not every word of the text.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Whether the word at <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/> is where a class holds.</summary>
    private delegate bool WordTest(ReadOnlySpan<char> text, int start, int end);

    /// <summary>
    /// Runs <paramref name="test"/> on the words of a sentence that come before one of <paramref name="anchors"/>: the
    /// anchor's own word and at most <paramref name="wordsBefore"/> words before it in its sentence, each word once; true
    /// at the first word it holds for. A sentence ends where <see cref="NextWord"/> stops ('!', '?', ';', a paragraph
    /// separator, a full stop that ends a sentence), and a class whose words after the verb are read with it, and reach
    /// its anchor within <paramref name="wordsBefore"/> words, finds here exactly what a walk over every word would.
    /// </summary>
    private static bool AnyWordBeforeAnAnchor(ReadOnlySpan<char> text, SearchValues<string> anchors, int wordsBefore, WordTest test)
    {
        var tested = 0;
        for (var from = 0; from < text.Length;)
        {
            var found = text[from..].IndexOfAny(anchors);
            if (found < 0)
            {
                return false;
            }

            var hit = from + found;
            var anchorWord = hit;
            while (anchorWord > 0 && char.IsLetter(text[anchorWord - 1]))
            {
                anchorWord--;
            }

            var i = Math.Max(tested, FirstWordBefore(text, anchorWord, wordsBefore, tested));
            if (AnyWordStartingIn(text, ref i, anchorWord, test))
            {
                return true;
            }

            tested = i;
            from = Math.Max(i, hit + 1);
        }

        return false;
    }

    /// <summary>
    /// Runs <paramref name="test"/> on the words of a sentence before the one at <paramref name="word"/>, at most
    /// <paramref name="count"/> of them, in text order; true at the first it holds for. What a phrase condition reads back
    /// from its rare word to the verb before it, as <see cref="AnyWordBeforeAnAnchor"/> does from an anchor.
    /// </summary>
    private static bool AnyWordBefore(ReadOnlySpan<char> text, int word, int count, WordTest test)
    {
        var i = FirstWordBefore(text, word, count, 0);
        return AnyWordStartingIn(text, ref i, word - 1, test);
    }

    /// <summary>
    /// Runs <paramref name="test"/> on each word that starts in [<paramref name="i"/>, <paramref name="last"/>], in text
    /// order; true at the first it holds for. <paramref name="i"/> ends past the last word read.
    /// </summary>
    private static bool AnyWordStartingIn(ReadOnlySpan<char> text, ref int i, int last, WordTest test)
    {
        while (i <= last && i < text.Length)
        {
            if (!char.IsLetter(text[i]) || (i > 0 && char.IsLetter(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            if (test(text, i, end))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    /// <summary>
    /// The start of the word <paramref name="count"/> words before the one at <paramref name="word"/>, in its sentence
    /// and not before <paramref name="floor"/>; as far as there are words when fewer stand there.
    /// </summary>
    private static int FirstWordBefore(ReadOnlySpan<char> text, int word, int count, int floor)
    {
        var first = word;
        for (var n = 0; n < count; n++)
        {
            var k = first - 1;
            while (k >= floor && !char.IsLetter(text[k]))
            {
                if (EndsNextWordsSentence(text, k))
                {
                    return first;
                }

                k--;
            }

            if (k < floor)
            {
                return first;
            }

            while (k > floor && char.IsLetter(text[k - 1]))
            {
                k--;
            }

            first = k;
        }

        return first;
    }

    /// <summary>The character at <paramref name="at"/> ends a sentence as <see cref="NextWord"/> reads one.</summary>
    private static bool EndsNextWordsSentence(ReadOnlySpan<char> text, int at)
        => text[at] is '!' or '?' or ';' or '\u2029' || (text[at] == '.' && EndsASentence(text, at));

    /// <summary>Whether <paramref name="text"/> starts with one of <paramref name="phrases"/> (ignoring case), and that phrase's length.</summary>
    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] phrases, out int length)
    {
        foreach (var phrase in phrases)
        {
            if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                length = phrase.Length;
                return true;
            }
        }

        length = 0;
        return false;
    }
}
