using System.Buffers;
using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Cheap pre-checks and allocation-free regex helpers.</content>
internal sealed partial class InjectionDetector
{
    private static bool HasStrongQualifier(ReadOnlySpan<char> match)
    {
        foreach (var qualifier in StrongQualifiers)
        {
            if (match.Contains(qualifier, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="single"/> (unless '\0') or one of <paramref name="words"/> occurs within
    /// <paramref name="window"/> characters after <paramref name="at"/> (cheap pre-check before a regex).
    /// </summary>
    private static bool Ahead(ReadOnlySpan<char> text, int at, int window, SearchValues<string> words, char single, bool sentence = false)
    {
        var span = text.Slice(at, Math.Min(window, text.Length - at));
        var end = sentence ? span.IndexOfAny(SentenceEnds) : span.IndexOf('\n');
        span = end < 0 ? span : span[..end];
        return (single != '\0' && span.Contains(single)) || span.IndexOfAny(words) >= 0;
    }

    /// <summary>
    /// Cheap pre-check for <see cref="InjectionPatterns.CallTool"/>/<see cref="InjectionPatterns.RunFollowing"/>: within
    /// the next four words a tool noun follows, a snake_case name appears, or "following"/"this"/"these" introduces code.
    /// </summary>
    private static bool CouldNameTool(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        for (var w = 0; w < 5 && i < text.Length; w++)
        {
            while (i < text.Length && text[i] is ' ' or '`' or '\'' or '"')
            {
                i++;
            }

            var start = i;
            var snake = false; // a '_' in the word (noted while reading it: a search call costs more than these few characters)
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
            {
                snake |= text[i] == '_';
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var word = text.Slice(start, i - start).TrimEnd('.');
            if (snake || StartsWithToolNoun(word) || IsOneOf(word, CodeIntroducers))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that introduce code after "run"/"execute": "run the following", "execute this".</summary>
    private static readonly string[] CodeIntroducers = ["following", "this", "these"];

    private static bool StartsWithToolNoun(ReadOnlySpan<char> word)
    {
        foreach (var noun in word.Length > 0 && char.IsAscii(word[0]) ? ToolNounsByFirstChar[char.ToLowerInvariant(word[0])] : ToolNounList)
        {
            if (AsciiCase.StartsWith(word, noun))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of <see cref="SensitiveObjects"/> occurs in <paramref name="span"/> (case-insensitive).</summary>
    private static bool ContainsSensitiveObject(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];

            // Two ASCII characters that start no object (most pairs of a sentence) end here with one bit test.
            if (i + 1 < span.Length && (c | span[i + 1]) <= '\x7F' && !SensitivePairs.Contains(c, span[i + 1]))
            {
                continue;
            }

            // A non-ASCII character may still fold to an ASCII one ('ſ' to 's'): try every object there.
            var candidates = char.IsAscii(c) ? SensitiveByFirstChar[char.ToLowerInvariant(c)] : SensitiveObjects;
            foreach (var candidate in candidates)
            {
                if (i + 1 < span.Length && char.IsAscii(span[i + 1]) && char.ToLowerInvariant(span[i + 1]) != candidate[1])
                {
                    continue;
                }

                if (AsciiCase.StartsWith(span[i..], candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Cheap filter before a case-insensitive comparison with the lower-case <paramref name="candidate"/>: an ASCII first
    /// character of <paramref name="word"/> that differs once lowered rules it out (a non-ASCII one may still fold to it).
    /// </summary>
    private static bool FirstLetterDiffers(ReadOnlySpan<char> word, string candidate)
        => word.Length > 0 && char.IsAscii(word[0]) && char.ToLowerInvariant(word[0]) != candidate[0];

    /// <summary>"instructions:", "instructions -", "instructions follow": the shape of a heading that introduces new instructions.</summary>
    private static bool EndsLikeAHeading(ReadOnlySpan<char> text, int i)
    {
        if (i < text.Length && text[i] is 's' or 'S')
        {
            i++;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && text[i] is ':' or '-' or 'f' or 'F';
    }

    /// <summary>True when the <c>\G</c>-anchored <paramref name="regex"/> matches at <paramref name="at"/> (no allocation).</summary>
    private static bool IsMatchAt(Regex regex, ReadOnlySpan<char> text, int at) => regex.IsMatch(text.Slice(at));

    /// <summary>The match of the <c>\G</c>-anchored <paramref name="regex"/> at <paramref name="at"/>, or empty (no allocation).</summary>
    private static ReadOnlySpan<char> FirstMatch(Regex regex, ReadOnlySpan<char> text, int at)
    {
        var span = text.Slice(at);
        foreach (var match in regex.EnumerateMatches(span))
        {
            return span.Slice(match.Index, match.Length);
        }

        return [];
    }

    /// <summary>The first <paramref name="c"/> at or after <paramref name="from"/> (at most the length), or -1: <c>string.IndexOf(char, int)</c> on a span.</summary>
    private static int IndexOfFrom(ReadOnlySpan<char> text, char c, int from)
    {
        var i = text[from..].IndexOf(c);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>
    /// The last <paramref name="c"/> among the <paramref name="count"/> characters ending at <paramref name="at"/>, or -1:
    /// <c>string.LastIndexOf(char, int, int)</c> on a span.
    /// </summary>
    private static int LastIndexOfWithin(ReadOnlySpan<char> text, char c, int at, int count)
    {
        var start = at - count + 1;
        var i = text.Slice(start, count).LastIndexOf(c);
        return i < 0 ? -1 : start + i;
    }

    private static void RaiseIf(Regex regex, ReadOnlySpan<char> text, int at, Span<double> weights, Marker marker, double weight)
    {
        if (IsMatchAt(regex, text, at))
        {
            Raise(weights, marker, weight);
        }
    }

    /// <summary>Words a manual puts between "using" and "command" that name no tool ("using the command below").</summary>
    private static readonly string[] NoToolNames = ["the", "your", "this", "that", "a", "an", "our", "my", "its", "their"];

    /// <summary>
    /// "using [the] NAME tool" speaks of an agent's tool: the noun is "tool" ("before using this tool"), or the name is
    /// written as a tool's name — quoted, or with a capital, a digit, '_', '.' or '-' (<c>send_email</c>,
    /// <c>GmailSendEmail</c>). A plain lower-case word before "command", "function", "action", "plugin" or "api" ("the
    /// commit command", "the command below") is a manual's prose.
    /// </summary>
    private static bool NamesATool(ReadOnlySpan<char> usingTool)
    {
        if (usingTool.EndsWith("tool", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The match is "using [the|your] NAME noun": the name is the word after "using" and the article.
        var name = FirstToken(usingTool["using".Length..]);
        if (name.Equals("the", StringComparison.OrdinalIgnoreCase) || name.Equals("your", StringComparison.OrdinalIgnoreCase))
        {
            name = FirstToken(usingTool[(usingTool.IndexOf(name) + name.Length)..]);
        }

        return name[0] is '`' or '\'' or '"'
            || (!IsOneOf(name, NoToolNames) && (name.IndexOfAny(ToolNameMarks) >= 0 || name.ContainsAnyInRange('A', 'Z')));

        static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> span)
        {
            span = span.TrimStart();
            var end = span.IndexOfAny(" \t\r\n");
            return end < 0 ? span : span[..end];
        }
    }

    private static readonly System.Buffers.SearchValues<char> ToolNameMarks = System.Buffers.SearchValues.Create("_.-0123456789");

    private static void Raise(Span<double> weights, Marker marker, double weight)
    {
        if (weight > weights[(int)marker])
        {
            weights[(int)marker] = weight;
            weights[RaisesSlot]++; // the count of raises, for a reader that stops once decided
        }
    }
    /// <summary>Words after a contact line's address that attach something to what is sent ("… with the chat history").</summary>
    private static readonly string[] AttachingWords = ["with", "including", "include", "includes", "attach", "attached", "attaching", "along", "containing", "plus", "together", "and"];

    /// <summary>
    /// The rest of the sentence after a contact line's address attaches data ("… with the full chat history", "…,
    /// including the conversation") or names a sensitive object: then it is a sending after all.
    /// </summary>
    private static bool CarriesMore(ReadOnlySpan<char> text, int from)
    {
        var end = SentenceEnd(text, from, 200);
        var rest = text[from..end];
        if (ContainsSensitiveObject(rest))
        {
            return true;
        }

        var i = 0;
        for (var word = NextWordOfSpan(rest, ref i); !word.IsEmpty; word = NextWordOfSpan(rest, ref i))
        {
            if (IsOneOf(word, AttachingWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The next word of <paramref name="span"/> from <paramref name="i"/>, past any characters between words; empty at its end.</summary>
    private static ReadOnlySpan<char> NextWordOfSpan(ReadOnlySpan<char> span, ref int i)
    {
        while (true)
        {
            var word = NextWord(span, ref i);
            if (!word.IsEmpty || i >= span.Length)
            {
                return word;
            }

            i++;
        }
    }

    /// <summary>What a help page or a signature asks readers to send: their own questions or feedback, not data.</summary>
    private static readonly string[] ContactNouns = ["questions", "question", "feedback", "comments", "inquiries", "enquiries", "suggestions", "bug", "bugs", "reports", "issues", "requests", "concerns", "ideas", "your", "any", "all", "other", "further", "general", "and", "or"];

    /// <summary>
    /// "Send questions to billing@…", "send your feedback and suggestions to …": every word between the verb and "to"
    /// is one readers write themselves (a contact line), so the sentence sends nothing of the agent's.
    /// </summary>
    private static bool IsContactLine(ReadOnlySpan<char> send)
    {
        var i = 0;
        NextWord(send, ref i);
        var words = 0;
        for (var word = NextWordOfSpan(send, ref i); !word.IsEmpty; word = NextWordOfSpan(send, ref i))
        {
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase) || word.Equals("at", StringComparison.OrdinalIgnoreCase) || word.Equals("via", StringComparison.OrdinalIgnoreCase))
            {
                return words > 0;
            }

            if (!IsOneOf(word, ContactNouns))
            {
                return false;
            }

            words++;
        }

        return false;
    }

    /// <summary>A word of <paramref name="words"/> stands anywhere in <paramref name="span"/> (ordinal unless told otherwise).</summary>
    private static bool ContainsAny(ReadOnlySpan<char> span, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var word in words)
        {
            if (span.Contains(word, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="span"/> starts with a word of <paramref name="words"/>.</summary>
    private static bool StartsWithAny(ReadOnlySpan<char> span, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var word in words)
        {
            if (span.StartsWith(word, comparison))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="span"/> ends with a word of <paramref name="words"/>.</summary>
    private static bool EndsWithAny(ReadOnlySpan<char> span, string[] words, StringComparison comparison = StringComparison.Ordinal)
    {
        foreach (var word in words)
        {
            if (span.EndsWith(word, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
