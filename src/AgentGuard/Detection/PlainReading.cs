using System.Buffers;
using System.Collections.Frozen;
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
    /// <summary>ASCII characters that start a look at their line: they can hide words or lay them out oddly.</summary>
    private static readonly SearchValues<char> AsciiTriggers = SearchValues.Create("\t*_~<&");


    /// <summary>The ASCII triggers that may open markup: a tag, an entity, an emphasis run.</summary>
    private static readonly SearchValues<char> Markup = SearchValues.Create("<&*_~");

    /// <summary>Inline formatting tags (no links, no blocks), looked up by a tag's name as it stands in the text.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineTagNames =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ["b", "i", "u", "s", "q", "em", "strong", "span", "mark", "small", "sub", "sup", "font", "code", "kbd", "del", "ins", "strike", "big", "tt", "bdi", "wbr", "abbr", "cite", "dfn", "var", "samp", "nobr"])
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The HTML entities the fold decodes: quotes, apostrophes, no-break spaces and ampersands.</summary>
    private static readonly (string Entity, char Value)[] Entities = [("&#39;", '\''), ("&#x27;", '\''), ("&apos;", '\''), ("&quot;", '"'), ("&#34;", '"'), ("&nbsp;", ' '), ("&#160;", ' '), ("&amp;", '&')];

    /// <summary>For each letter from U+00C0 to U+024F, the ASCII letter it is an accented form of, or <c>'\0'</c>.</summary>
    private static readonly char[] AccentFree = AccentFreeLetters();

    /// <summary>
    /// The changed lines of <paramref name="text"/>, folded, each with the lines around it (<see cref="Read"/>); null when no
    /// line changes. A reading that does not begin with the text's first line begins with a line break, so the line
    /// openings are read as openings.
    /// </summary>
    public static string? Of(ReadOnlySpan<char> text) => Changed(text, out _) is { } changed ? Read(text, changed) : null;

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{char})"/>, except when every line that changes changes only in its spacing (runs of
    /// spaces or tabs between words, as justified text and rendered manuals have on most lines): then the reading is null
    /// and <paramref name="respaced"/> is the whole text with those lines folded, to be read instead of the text as written
    /// (it holds the same words, so reading both would read each line twice).
    /// </summary>
    public static string? Of(ReadOnlySpan<char> text, out string? respaced)
    {
        respaced = null;
        if (Changed(text, out var spacingOnly) is not { } changed)
        {
            return null;
        }

        if (!spacingOnly)
        {
            return Read(text, changed);
        }

        respaced = Respaced(text, changed);
        return null;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> that change, folded, by where they start; null when none does.
    /// <paramref name="spacingOnly"/>: none changes in more than its spacing.
    /// </summary>
    private static List<(int Start, string Folded)>? Changed(ReadOnlySpan<char> text, out bool spacingOnly)
    {
        spacingOnly = true;
        var trigger = NextTrigger(text, 0);
        var doubleSpace = text.IndexOf("  ", StringComparison.Ordinal);
        trigger = trigger < 0 ? int.MaxValue : trigger;
        doubleSpace = doubleSpace < 0 ? int.MaxValue : doubleSpace;
        List<(int Start, string Folded)>? changed = null;
        var next = Math.Min(trigger, doubleSpace);
        while (next < text.Length)
        {
            var start = text[..next].LastIndexOf('\n') + 1;
            var end = LineEnd(text, next);
            var line = text[start..end];
            if (MayFold(line) && Fold(line, out var spacing) is { } folded)
            {
                (changed ??= []).Add((start, folded));
                spacingOnly &= spacing;
            }

            if (end >= text.Length)
            {
                break;
            }

            // Each search resumes after the line only once the line has passed what it found last.
            if (trigger <= end)
            {
                var found = NextTrigger(text, end + 1);
                trigger = found < 0 ? int.MaxValue : found;
            }

            if (doubleSpace <= end)
            {
                var found = text[(end + 1)..].IndexOf("  ", StringComparison.Ordinal);
                doubleSpace = found < 0 ? int.MaxValue : end + 1 + found;
            }

            next = Math.Min(trigger, doubleSpace);
        }

        return changed;
    }

    /// <summary>The whole text with the changed lines replaced by their folds.</summary>
    private static string Respaced(ReadOnlySpan<char> text, List<(int Start, string Folded)> changed)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var read = 0;
            foreach (var (start, folded) in changed)
            {
                text[read..start].CopyTo(buffer.AsSpan(length));
                length += start - read;
                folded.CopyTo(buffer.AsSpan(length));
                length += folded.Length;
                read = LineEnd(text, start);
            }

            text[read..].CopyTo(buffer.AsSpan(length));
            length += text.Length - read;
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// What stands in a reading for the lines left out between two runs of lines: a line holding only a full stop, which
    /// ends a sentence and starts no word, so the last line before the gap and the first after it are not read as one
    /// phrase ("override" three lines above "all guardrails" is not "override all guardrails"). The injection detector
    /// reads each run on its own (a comment opened in one run is not closed in the next).
    /// </summary>
    internal const string GapLine = "\n.\n";

    /// <summary>Where the line that holds <paramref name="start"/> to <paramref name="end"/> starts, and where it ends (its line break or the text's end).</summary>
    internal static (int Start, int End) LineAround(ReadOnlySpan<char> text, int start, int end)
    {
        var lineBreak = text[end..].IndexOf('\n');
        return (text[..start].LastIndexOf('\n') + 1, lineBreak < 0 ? text.Length : end + lineBreak);
    }

    /// <summary>
    /// The reading a reading of some lines of a text (<see cref="LeetReading"/>, <see cref="JoinedWordsReading"/>) goes
    /// on in, ready for the line at <paramref name="lineStart"/>: when lines of the text lie between it and the last line
    /// read (which ended before <paramref name="nextLine"/>), the gap line's first two characters are appended, so the
    /// two are read as runs of their own (a comment one opens is not closed by the other). The line's own line break is
    /// the caller's.
    /// </summary>
    internal static StringBuilder ApartFromLast(StringBuilder? reading, int lineStart, int nextLine)
    {
        reading ??= new StringBuilder();
        if (reading.Length > 0 && lineStart > nextLine)
        {
            reading.Append(GapLine.AsSpan(0, GapLine.Length - 1));
        }

        return reading;
    }

    /// <summary>
    /// The changed lines folded, each with the lines before and after it as written (or folded, when they changed too; see
    /// <see cref="ContextCharacters"/>), so a phrase that runs from plain lines into a disguised one is read whole; runs
    /// of lines that touch are read as one, and runs apart are kept apart by a <see cref="GapLine"/>.
    /// </summary>
    private static string Read(ReadOnlySpan<char> text, List<(int Start, string Folded)> changed)
    {
        var reading = new StringBuilder(text.Length / 4);
        var read = 0;
        var next = 0;
        var lastEnd = -1;
        foreach (var (start, _) in changed)
        {
            var before = ContextStart(text, start, read);
            var after = ContextEnd(text, LineEnd(text, start));
            for (var line = Math.Max(read, before); line < text.Length && line <= after;)
            {
                var lineEnd = LineEnd(text, line);
                while (next < changed.Count && changed[next].Start < line)
                {
                    next++;
                }

                if (reading.Length > 0 && line > lastEnd + 1)
                {
                    // Lines left out lie between: a line of its own ends the sentence, so no phrase runs across the gap.
                    reading.Append(GapLine);
                }
                else if (reading.Length > 0 || line > 0)
                {
                    reading.Append('\n');
                }

                if (next < changed.Count && changed[next].Start == line)
                {
                    reading.Append(changed[next].Folded);
                }
                else
                {
                    reading.Append(text[line..lineEnd]);
                }

                lastEnd = lineEnd;
                line = lineEnd + 1;
            }

            read = Math.Max(read, after + 1);
        }

        return reading.ToString();
    }

    /// <summary>
    /// How much of the text as written a changed line is read with on each side: whole lines until they hold this many
    /// characters that are not white space. One line is not enough: "ignore", "all previous" and "іnstructions" (a Cyrillic
    /// "і") on lines of their own are one phrase to a model, and blank lines between them hold nothing. The detector's
    /// widest clause window is 240 characters.
    /// </summary>
    private const int ContextCharacters = 240;

    /// <summary>
    /// Where the lines read before the changed line at <paramref name="start"/> begin: whole lines back until they hold
    /// <see cref="ContextCharacters"/> characters that are not white space, the text's start, or <paramref name="read"/>
    /// (the reading already holds what lies before it). At least the line before, as far as <paramref name="read"/> allows.
    /// </summary>
    private static int ContextStart(ReadOnlySpan<char> text, int start, int read)
    {
        var at = start;
        for (var held = 0; at > read && held < ContextCharacters;)
        {
            var lineStart = text[..(at - 1)].LastIndexOf('\n') + 1;
            held += Printed(text[lineStart..(at - 1)]);
            at = lineStart;
        }

        return at;
    }

    /// <summary>
    /// Where the lines read after the changed line ending at <paramref name="end"/> end: whole lines on until they hold
    /// <see cref="ContextCharacters"/> characters that are not white space, or the text's end. At least the line after.
    /// </summary>
    private static int ContextEnd(ReadOnlySpan<char> text, int end)
    {
        var at = end;
        for (var held = 0; at < text.Length && held < ContextCharacters;)
        {
            var lineEnd = LineEnd(text, at + 1);
            held += Printed(text[(at + 1)..lineEnd]);
            at = lineEnd;
        }

        return at;
    }

    /// <summary>The characters of <paramref name="line"/> that are not white space.</summary>
    private static int Printed(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var c in line)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count;
    }

    /// <summary>Where the line holding <paramref name="at"/> ends: its line break, or the text's end.</summary>
    private static int LineEnd(ReadOnlySpan<char> text, int at)
    {
        var length = text[at..].IndexOf('\n');
        return length < 0 ? text.Length : at + length;
    }

    /// <summary>
    /// Whether a line holds anything the fold would change or strip: a non-ASCII character it folds, a tab, spaces
    /// repeated after the indent, an entity, an inline tag or an emphasis run. Searches only; most lines a trigger led to
    /// (a link, a snake_case name, a lone "*") end here.
    /// </summary>
    private static bool MayFold(ReadOnlySpan<char> line)
    {
        if (NextFoldable(line) >= 0 || line.Contains('\t'))
        {
            return true;
        }

        var indent = line.IndexOfAnyExcept(' ');
        if (indent >= 0 && line[indent..].Contains("  ", StringComparison.Ordinal))
        {
            return true;
        }

        for (var at = line.IndexOfAny(Markup); at >= 0; at = Next(line, at))
        {
            var found = line[at] switch
            {
                '<' => InlineTag(line, at) > 0,
                '&' => Entity(line[at..], out _) > 0,
                _ => EmphasisRun(line, at) > 0,
            };
            if (found)
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> line, int at)
        {
            var found = line[(at + 1)..].IndexOfAny(Markup);
            return found < 0 ? -1 : at + 1 + found;
        }
    }

    /// <summary>
    /// One line folded, or null when folding changes nothing that matters. <paramref name="spacingOnly"/>: the fold only
    /// joined runs of spaces or tabs between words into one space (a typographic apostrophe made ASCII is more than that).
    /// </summary>
    internal static string? Fold(ReadOnlySpan<char> line, out bool spacingOnly)
    {
        if (NeedsCompatibilityFold(line))
        {
            // Full-width, mathematical, enclosed and letter-like forms ("ｉｇｎｏｒｅ", "𝐢𝐠𝐧𝐨𝐫𝐞", "ⓘⓖⓝⓞⓡⓔ") are compatibility forms of plain letters;
            // decomposed, so an accent the form carried is a mark the fold drops.
            var compatible = line.ToString().Normalize(NormalizationForm.FormKD);
            return Fold(compatible, changed: !line.SequenceEqual(compatible), out spacingOnly);
        }

        return Fold(line, changed: false, out spacingOnly);
    }

    private static string? Fold(ReadOnlySpan<char> text, bool changed, out bool spacingOnly)
    {
        var other = changed;
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
                    other = true;
                    continue;
                }

                if (c is '\u2018' or '\u2019')
                {
                    // A typographic apostrophe reads as the ASCII one the patterns spell ("user’s", "what’s"); the words stay.
                    // It is more than spacing: as written it is no quote, folded it may open one ("print ’…’", "# ’ As ’ an
                    // expert …"), so a line that holds one is read as written as well as folded.
                    buffer[length++] = '\'';
                    changed = true;
                    other = true;
                    continue;
                }

                if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
                {
                    buffer[length++] = (char)(c - 0xFEE0);
                    changed = true;
                    other = true;
                    continue;
                }

                if (c == ' ' && JoinsSpacedLetters(text, i))
                {
                    // "i g n o r e  a l l": a single space between letters that stand alone is inside a word.
                    changed = true;
                    other = true;
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
                        other |= text[i..run].ContainsAnyExcept(' ', '\t');
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
                    other = true;
                    continue;
                }

                if (SmallCapital(c) is var small and not '\0')
                {
                    // "ɪɢɴᴏʀᴇ" reads as "ignore": no language writes its words in small capitals.
                    buffer[length++] = small;
                    changed = true;
                    other = true;
                    continue;
                }

                if (Latin(c) is var latin and not '\0' && (latinLine || WordHasAsciiLetter(text, i)))
                {
                    buffer[length++] = latin;
                    changed = true;
                    other = true;
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
                    other = true;
                    i += entity - 1;
                    continue;
                }

                buffer[length++] = c;
            }

            // One wrapper is ordinary formatting ("see the docs</b>"); words wrapped one by one are not.
            spacingOnly = !other && wrappers == 0;
            return changed || wrappers >= 2 ? new string(buffer, 0, length) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The single space at <paramref name="at"/> stands between two letters that each stand alone: "i g n o r e  a l l"
    /// is "ignore all" spaced apart, where the runs of two spaces are the word breaks ("t o" is "to"). Only lines the fold
    /// reads get here (they hold repeated spaces or another disguise); "Plan A or B" and "A  B  C  D" keep their spaces,
    /// and "N A S A" read as "NASA" is the same acronym.
    /// </summary>
    private static bool JoinsSpacedLetters(ReadOnlySpan<char> text, int at)
    {
        return StandsAlone(text, at - 1) && StandsAlone(text, at + 1);

        static bool StandsAlone(ReadOnlySpan<char> text, int i)
            => i >= 0 && i < text.Length && char.IsLetter(text[i]) && (i == 0 || text[i - 1] == ' ') && (i + 1 == text.Length || text[i + 1] == ' ');
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

    /// <summary>The letter a small capital stands for ("ᴀ", "ʙ", "ꜱ"), or <c>'\0'</c>.</summary>
    internal static char SmallCapital(char c) => c switch
    {
        '\u1D00' => 'a',
        '\u0299' => 'b',
        '\u1D04' => 'c',
        '\u1D05' => 'd',
        '\u1D07' => 'e',
        '\uA730' => 'f',
        '\u0262' => 'g',
        '\u029C' => 'h',
        '\u026A' => 'i',
        '\u1D0A' => 'j',
        '\u1D0B' => 'k',
        '\u029F' => 'l',
        '\u1D0D' => 'm',
        '\u0274' => 'n',
        '\u1D0F' => 'o',
        '\u1D18' => 'p',
        '\u0280' => 'r',
        '\uA731' => 's',
        '\u1D1B' => 't',
        '\u1D1C' => 'u',
        '\u1D20' => 'v',
        '\u1D21' => 'w',
        '\u028F' => 'y',
        '\u1D22' => 'z',
        _ => '\0',
    };

    /// <summary>Invisible characters a model skips: soft hyphen, zero-width and joiner characters, word joiners, variation selectors, the byte-order mark.</summary>
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u034F' or '\u180E' or >= '\u200B' and <= '\u200F' or >= '\u2060' and <= '\u2064' or >= '\uFE00' and <= '\uFE0F' or '\uFEFF';

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
        // Looked for only as far as a tag can reach: read to the end, a line of '<' without a '>' was read once per '<'.
        var end = text.Slice(at, Math.Min(11, text.Length - at)).IndexOf('>');
        if (end < 2 || end > 10)
        {
            return 0;
        }

        var name = text[(at + 1)..(at + end)].TrimStart('/').TrimEnd('/');
        return name.Length > 0 && InlineTagNames.Contains(name) ? end + 1 : 0;
    }


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

    /// <summary>
    /// The position of the next character from <paramref name="from"/> that starts a look at its line, or -1: the ASCII
    /// triggers by one vectorised search, non-ASCII characters by another (most text has few), each checked for folding.
    /// </summary>
    private static int NextTrigger(ReadOnlySpan<char> text, int from)
    {
        var ascii = text[from..].IndexOfAny(AsciiTriggers);
        var limit = ascii < 0 ? text.Length : from + ascii;
        var foldable = NextFoldable(text[from..limit]);
        return foldable >= 0 ? from + foldable : ascii < 0 ? -1 : limit;
    }

    /// <summary>The position of the first non-ASCII character of <paramref name="text"/> that folds, or -1.</summary>
    private static int NextFoldable(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var other = text[offset..].IndexOfAnyExceptInRange('\0', '\x7F');
            if (other < 0)
            {
                return -1;
            }

            if (IsFoldable(text[offset + other]))
            {
                return offset + other;
            }

            offset += other + 1;
        }

        return -1;
    }

    /// <summary>A non-ASCII character the fold changes or reads past.</summary>
    private static bool IsFoldable(char c) => c is '\u2018' or '\u2019' or '\u00A0' or '\u00AD' or '\u034F' or '\u1680' or '\u180E'
        or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' or '\u0261' or '\uD835' or '\uD83C'
        or (>= '\u00C0' and <= '\u024F') or (>= '\u0300' and <= '\u036F') or (>= '\u0391' and <= '\u03C9')
        or (>= '\u0405' and <= '\u04CF') or (>= '\u0500' and <= '\u051D') or (>= '\u2000' and <= '\u200F')
        or (>= '\u2060' and <= '\u2064') or (>= '\u2100' and <= '\u214F') or (>= '\u2460' and <= '\u24FF')
        or (>= '\uFB00' and <= '\uFB06') or (>= '\uFE00' and <= '\uFE0F') or (>= '\uFF10' and <= '\uFF5A')
        or (>= '\u1D00' and <= '\u1D22') or '\u0262' or '\u026A' or '\u0274' or '\u0280' or '\u028F' or '\u0299' or '\u029C' or '\u029F' or '\uA730' or '\uA731';
}
