using System.Buffers;
using System.Text;

namespace AgentGuard;

/// <summary>
/// The lines of a text as a model reads them when they were written to dodge word matching: letters borrowed from other
/// scripts inside Latin words (Cyrillic "о" in "ignоre"), full-width and mathematical letters, invisible format
/// characters and combining marks inside words, unusual or repeated spaces and tabs between words, and Markdown emphasis
/// or inline HTML tags wrapped around single words. A model reads each of these as the plain words; a detector that
/// compares words does not. Only lines that change are returned, each folded, so a clean text costs one vectorised
/// search and no allocation.
/// </summary>
internal static class PlainReading
{
    /// <summary>Characters that start a look at their line: ASCII ones that can hide words, and every non-ASCII one that folds.</summary>
    private static readonly SearchValues<char> Triggers = SearchValues.Create(TriggerCharacters());

    /// <summary>For each letter from U+00C0 to U+024F, the ASCII letter it is an accented form of, or <c>'\0'</c>.</summary>
    private static readonly char[] AccentFree = AccentFreeLetters();

    /// <summary>
    /// The changed lines of <paramref name="text"/>, folded, one per line; null when no line changes. A reading that
    /// does not begin with the text's first line begins with a line break, so the line openings are read as openings.
    /// </summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAny(Triggers);
        var doubleSpace = text.IndexOf("  ", StringComparison.Ordinal);
        if (at < 0 && doubleSpace < 0)
        {
            return null;
        }

        StringBuilder? reading = null;
        var next = Math.Min(at < 0 ? int.MaxValue : at, doubleSpace < 0 ? int.MaxValue : doubleSpace);
        while (next < text.Length)
        {
            var start = next == 0 ? 0 : text[..next].LastIndexOf('\n') + 1;
            var length = text[start..].IndexOf('\n');
            var end = length < 0 ? text.Length : start + length;
            var line = text[start..end];
            if (Fold(line) is { } folded)
            {
                reading ??= new StringBuilder(text.Length / 4);
                if (reading.Length > 0 || start > 0)
                {
                    reading.Append('\n');
                }

                reading.Append(folded);
            }

            if (end >= text.Length)
            {
                break;
            }

            var after = text[(end + 1)..];
            var trigger = after.IndexOfAny(Triggers);
            var spaces = after.IndexOf("  ", StringComparison.Ordinal);
            var found = Math.Min(trigger < 0 ? int.MaxValue : trigger, spaces < 0 ? int.MaxValue : spaces);
            next = found == int.MaxValue ? int.MaxValue : end + 1 + found;
        }

        return reading?.ToString();
    }

    /// <summary>One line folded, or null when folding changes nothing that matters.</summary>
    internal static string? Fold(ReadOnlySpan<char> line)
    {
        if (NeedsCompatibilityFold(line))
        {
            // Full-width, mathematical, enclosed and letter-like forms ("ｉｇｎｏｒｅ", "𝐢𝐠𝐧𝐨𝐫𝐞", "ⓘⓖⓝⓞⓡⓔ") are compatibility forms of plain letters;
            // decomposed, so an accent the form carried is a mark the fold drops.
            var compatible = line.ToString().Normalize(NormalizationForm.FormKD);
            return Fold(compatible, changed: !line.SequenceEqual(compatible));
        }

        return Fold(line, changed: false);
    }

    private static string? Fold(ReadOnlySpan<char> text, bool changed)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            var length = 0;
            var wrappers = 0;
            var latinLine = LatinMostly(text);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (IsInvisible(c) || (IsCombiningMark(c) && length > 0 && char.IsAsciiLetter(buffer[length - 1])))
                {
                    changed = true;
                    continue;
                }

                if (c is '\u2018' or '\u2019')
                {
                    // A typographic apostrophe reads as the ASCII one the patterns spell ("user’s", "what’s").
                    buffer[length++] = '\'';
                    changed = true;
                    continue;
                }

                if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
                {
                    buffer[length++] = (char)(c - 0xFEE0);
                    changed = true;
                    continue;
                }

                if (IsSpace(c))
                {
                    var run = i;
                    while (run < text.Length && IsSpace(text[run]))
                    {
                        run++;
                    }

                    if (length > 0 && !IsSpace(buffer[length - 1]) && run < text.Length && (run - i > 1 || c != ' '))
                    {
                        buffer[length++] = ' ';
                        changed = true;
                    }
                    else
                    {
                        text[i..run].CopyTo(buffer.AsSpan(length));
                        length += run - i;
                    }

                    i = run - 1;
                    continue;
                }

                if (c is >= '\u00C0' and <= '\u024F' && AccentFree[c - '\u00C0'] is var plain and not '\0')
                {
                    // "Ignóré" reads as "Ignore".
                    buffer[length++] = plain;
                    changed = true;
                    continue;
                }

                if (Latin(c) is var latin and not '\0' && (latinLine || WordHasAsciiLetter(text, i)))
                {
                    buffer[length++] = latin;
                    changed = true;
                    continue;
                }

                if (c is '*' or '_' or '~' && EmphasisRun(text, i) is var emphasis and > 0)
                {
                    wrappers++;
                    i += emphasis - 1;
                    continue;
                }

                if (c == '<' && InlineTag(text, i) is var tag and > 0)
                {
                    wrappers++;
                    i += tag - 1;
                    continue;
                }

                if (c == '&' && Entity(text[i..], out var decoded) is var entity and > 0)
                {
                    buffer[length++] = decoded;
                    changed = true;
                    i += entity - 1;
                    continue;
                }

                buffer[length++] = c;
            }

            // One wrapper is ordinary formatting ("see the docs</b>"); words wrapped one by one are not.
            return changed || wrappers >= 2 ? new string(buffer, 0, length) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The Latin letter a Cyrillic or Greek letter looks like, or <c>'\0'</c>.</summary>
    internal static char Latin(char c) => c switch
    {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        'ɡ' => 'g',
        'ν' => 'v',
        'ο' => 'o',
        'α' => 'a',
        'ι' => 'i',
        'κ' => 'k',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ү' => 'Y',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => '\0',
    };

    /// <summary>Invisible characters a model skips: soft hyphen, zero-width and joiner characters, word joiners, the byte-order mark.</summary>
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u034F' or '\u180E' or >= '\u200B' and <= '\u200F' or >= '\u2060' and <= '\u2064' or '\uFEFF';

    /// <summary>An ASCII letter, or its full-width form.</summary>
    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || c is >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A';

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u1680' or >= '\u2000' and <= '\u200A' or '\u202F' or '\u205F' or '\u3000';

    private static bool NeedsCompatibilityFold(ReadOnlySpan<char> line)
        => line.IndexOfAny('\uD835', '\uD83C') >= 0 || line.IndexOfAnyInRange('\uFF21', '\uFF3A') >= 0 || line.IndexOfAnyInRange('\uFF41', '\uFF5A') >= 0 || line.IndexOfAnyInRange('\u2100', '\u214F') >= 0 || line.IndexOfAnyInRange('\u2460', '\u24FF') >= 0 || line.IndexOfAnyInRange('\uFB00', '\uFB06') >= 0;

    /// <summary>More ASCII letters than other letters on the line: borrowed letters there are disguise, not another language.</summary>
    private static bool LatinMostly(ReadOnlySpan<char> line)
    {
        var ascii = 0;
        var other = 0;
        foreach (var c in line)
        {
            if (IsLatinLetter(c))
            {
                ascii++;
            }
            else if (char.IsLetter(c) && Latin(c) == '\0')
            {
                other++;
            }
        }

        return ascii > other;
    }

    private static bool WordHasAsciiLetter(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        for (var i = start; i < text.Length && char.IsLetter(text[i]); i++)
        {
            if (IsLatinLetter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The length of a run of one to three <c>*</c>, <c>_</c> or <c>~</c> that wraps a word (a letter on one side and
    /// not on the other, or, for <c>*</c> and <c>~</c>, inside a word), or 0: "**ignore**", "ig*n*ore". A list bullet, a
    /// product "5 * 3" and a name such as "user_name" are not wrappers.
    /// </summary>
    private static int EmphasisRun(ReadOnlySpan<char> text, int at)
    {
        var c = text[at];
        var end = at;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        var length = end - at;
        if (length > 3)
        {
            return 0;
        }

        var before = at > 0 && char.IsLetterOrDigit(text[at - 1]);
        var after = end < text.Length && char.IsLetterOrDigit(text[end]);
        return before != after || (before && c != '_') ? length : 0;
    }

    /// <summary>
    /// The length of an inline formatting tag without attributes (<c>&lt;b&gt;</c>, <c>&lt;/span&gt;</c>), or 0. Links,
    /// block tags and tags with attributes stay: they are a page's structure, not a way to split words.
    /// </summary>
    private static int InlineTag(ReadOnlySpan<char> text, int at)
    {
        var end = text[at..].IndexOf('>');
        if (end < 2 || end > 10)
        {
            return 0;
        }

        var name = text[(at + 1)..(at + end)].TrimStart('/').TrimEnd('/');
        foreach (var inline in InlineTags)
        {
            if (name.Equals(inline, StringComparison.OrdinalIgnoreCase))
            {
                return end + 1;
            }
        }

        return 0;
    }

    private static readonly string[] InlineTags = ["b", "i", "u", "s", "q", "em", "strong", "span", "mark", "small", "sub", "sup", "font", "code", "kbd", "del", "ins", "strike", "big", "tt", "bdi", "wbr", "abbr", "cite", "dfn", "var", "samp", "nobr"];

    /// <summary>The length of an HTML entity for a quote, apostrophe, space or ampersand at the start of <paramref name="text"/>, or 0.</summary>
    private static int Entity(ReadOnlySpan<char> text, out char decoded)
    {
        foreach (var (entity, value) in Entities)
        {
            if (text.StartsWith(entity, StringComparison.OrdinalIgnoreCase))
            {
                decoded = value;
                return entity.Length;
            }
        }

        decoded = '\0';
        return 0;
    }

    private static readonly (string Entity, char Value)[] Entities = [("&#39;", '\''), ("&#x27;", '\''), ("&apos;", '\''), ("&quot;", '"'), ("&#34;", '"'), ("&nbsp;", ' '), ("&#160;", ' '), ("&amp;", '&')];

    private static char[] AccentFreeLetters()
    {
        var letters = new char['\u024F' - '\u00C0' + 1];
        for (var c = '\u00C0'; c <= '\u024F'; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            letters[c - '\u00C0'] = decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0]) ? decomposed[0] : '\0';
        }

        return letters;
    }

    private static string TriggerCharacters()
    {
        var set = new StringBuilder("\t*_~<&\u2018\u2019\u00A0\u00AD\u034F\u1680\u180E\u202F\u205F\u3000\uFEFF\u0261\uD835\uD83C");
        static void Range(StringBuilder into, char from, char to)
        {
            for (var c = from; c <= to; c++)
            {
                into.Append(c);
            }
        }

        Range(set, '\u00C0', '\u024F');
        Range(set, '\u0300', '\u036F');
        Range(set, '\u0391', '\u03C9');
        Range(set, '\u0405', '\u04CF');
        Range(set, '\u0500', '\u051D');
        Range(set, '\u2000', '\u200F');
        Range(set, '\u2060', '\u2064');
        Range(set, '\u2100', '\u214F');
        Range(set, '\u2460', '\u24FF');
        Range(set, '\uFB00', '\uFB06');
        Range(set, '\uFF10', '\uFF5A');
        return set.ToString();
    }
}
