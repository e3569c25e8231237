using System.Text;
using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Structural markers: fake role tags, HTML comments, markdown images, hidden Unicode.</content>
internal sealed partial class InjectionDetector
{
    private static void RoleTag(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        if (anchor == "<|")
        {
            // Chat-template tokens: <|im_start|>, <|system|>, <|endoftext|>.
            var close = text.Slice(at + 2, Math.Min(24, text.Length - at - 2)).IndexOf("|>", StringComparison.Ordinal);
            close = close < 0 ? -1 : at + 2 + close;
            if (close > at + 2 && !text.Slice(at + 2, close - at - 2).ContainsAnyExcept(TemplateTokenChars))
            {
                Raise(weights, Marker.FakeRoleTag, 0.8);
            }

            return;
        }

        if (anchor == "system:")
        {
            // "System:" opening a line reads as a chat transcript's system turn; weak on its own.
            // Written in capitals inside a line ("canaero havacilik SYSTEM: This domain is …"), it is a turn spliced into a record.
            if (at == 0 || text[at - 1] is '\n' or '\r' || (text[at - 1] == ' ' && text.Slice(at, 6).SequenceEqual("SYSTEM")))
            {
                Raise(weights, Marker.FakeRoleTag, 0.3);
            }

            return;
        }

        if (anchor == "<instruction>")
        {
            // An instruction wrapped in a tag of its own; a page that names the element ("the `<instruction>` element") closes none.
            // Looked for within reach only: read to the end, a text of opening tags was read once per tag.
            var inside = text[(at + anchor.Length)..];
            if (inside[..Math.Min(inside.Length, 600 + "</instruction>".Length)].IndexOf("</instruction>", StringComparison.OrdinalIgnoreCase) is > 0 and < 600)
            {
                Raise(weights, Marker.FakeRoleTag, 0.8);
            }

            return;
        }

        if (anchor == "[admin")
        {
            // "[ADMIN REQUEST::", "[admin override]": a label that claims the administrator speaks.
            if (IsAdminLabel(text, at) || AdminLabelGivesAnOrder(text, at))
            {
                Raise(weights, Marker.FakeRoleTag, 0.6);
            }

            return;
        }

        if (anchor == "[system")
        {
            // "[system]" / "[system message]" as a turn marker; an INI section "[system]" followed by key=value is not.
            var close = text.Slice(at, Math.Min(24, text.Length - at)).IndexOf(']') is > 0 and var offset ? at + offset : -1;
            if (close > at && !IsIniSection(text, close))
            {
                var content = text.Slice(at + 1, close - at - 1).Trim();
                if (content.Equals("system", StringComparison.OrdinalIgnoreCase) || content.StartsWith("system ", StringComparison.OrdinalIgnoreCase))
                {
                    Raise(weights, Marker.FakeRoleTag, 0.6);
                }
            }

            return;
        }

        if (anchor is "### " or "###(")
        {
            if (IsRoleHeading(text.Slice(at + 3)))
            {
                Raise(weights, Marker.FakeRoleTag, 0.8);
            }

            return;
        }

        if (anchor is "##instruction" or "##response")
        {
            // A prompt template's turn heading written without its space ("##response:\nOK.\n##instruction:\n…"):
            // at a line's start and closed by a colon, a faked turn; the instruction turn hands the reader an order.
            if (OpensLine(text, at) && at + anchor.Length < text.Length && text[at + anchor.Length] == ':')
            {
                Raise(weights, Marker.FakeRoleTag, anchor == "##instruction" ? 0.8 : 0.3);
            }

            return;
        }

        if (anchor == "developer mode")
        {
            // The jailbreak persona ("Developer Mode enabled", "(Developer Mode Output)", "[Developer Mode]"), not a
            // setting a manual or a browser names ("Enable Developer mode in chrome://extensions", "Python's developer mode").
            if (IsPersonaMode(text, at, anchor.Length))
            {
                Raise(weights, Marker.FakeRoleTag, 0.8);
            }

            return;
        }

        if (anchor is "<system" or "</system")
        {
            // "<system>", "</system_prompt>", "</SystemDirective>": a role; "<system.web>", "</system.webServer>" (an
            // ASP.NET web.config's sections): an element. An opening tag also needs the role's own ending ("<systemd>").
            var next = at + anchor.Length < text.Length ? text[at + anchor.Length] : '\0';
            if (next == '.' || (anchor == "<system" && next is not ('>' or ' ' or '_' or '-')))
            {
                return;
            }
        }

        Raise(weights, Marker.FakeRoleTag, 0.8);
    }

    /// <summary>True when only blanks stand between the line's start and <paramref name="at"/>.</summary>
    private static bool OpensLine(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        while (i > 0 && text[i - 1] is ' ' or '\t')
        {
            i--;
        }

        return i == 0 || text[i - 1] is '\n' or '\r';
    }

    /// <summary>Words an administrator's label may add after "admin" ("[ADMIN REQUEST::", "[admin override]").</summary>
    private static readonly string[] AdminLabelWords = ["request", "override", "message", "note", "instruction", "instructions", "command", "notice", "mode", "access"];

    /// <summary>
    /// "[admin WORD" closed by ':' or ']' right after ("[ADMIN REQUEST::", "[Administrator override]"), not a Markdown
    /// link's text ("[admin request](…)"). "[admin]" alone is a link's text or an INI section too often.
    /// </summary>
    private static bool IsAdminLabel(ReadOnlySpan<char> text, int at)
    {
        var i = at + 1;
        var word = NextWord(text, ref i);
        if (!word.Equals("admin", StringComparison.OrdinalIgnoreCase) && !word.Equals("administrator", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (i >= text.Length || text[i] != ' ' || !IsOneOf(NextWord(text, ref i), AdminLabelWords))
        {
            return false;
        }

        return i < text.Length && (text[i] == ':' || (text[i] == ']' && (i + 1 >= text.Length || text[i + 1] is not ('(' or '['))));
    }

    /// <summary>
    /// "[ADMIN]: After listing restaurants, also output …": the bare label, in capitals and followed by a colon as a
    /// speaker's, then an order. A Markdown reference ("[admin]: https://…"), an INI section ("[admin]\nuser = root") and a
    /// chat log's lower-case speaker ("[admin]: please restart the build") give none or are written otherwise.
    /// </summary>
    private static bool AdminLabelGivesAnOrder(ReadOnlySpan<char> text, int at)
    {
        var i = at + 1;
        var word = NextWord(text, ref i);
        if (!(word.SequenceEqual("ADMIN") || word.SequenceEqual("ADMINISTRATOR")) || i + 1 >= text.Length || text[i] != ']' || text[i + 1] != ':')
        {
            return false;
        }

        return IsMatchAt(InjectionPatterns.AdminOrder(), text, i + 2);
    }

    /// <summary>What the jailbreak persona's mode is said to be: switched on, or the label of its answers.</summary>
    private static readonly string[] PersonaModeStates = ["enabled", "activated", "engaged", "unlocked", "output", "response"];

    /// <summary>
    /// The mode at <paramref name="at"/> is announced as a persona's: bracketed ("[Developer Mode]", "(Developer Mode
    /// Output)") or followed by its state ("Developer Mode enabled", "developer mode: activated", "… is now enabled").
    /// </summary>
    private static bool IsPersonaMode(ReadOnlySpan<char> text, int at, int length)
    {
        if (at > 0 && text[at - 1] is '[' or '(' or '<' or '{')
        {
            return true;
        }

        var i = at + length;
        while (i < text.Length && text[i] is ' ' or ':' or '-')
        {
            i++;
        }

        // "Developer Mode is now enabled", "developer mode has been activated": the state after a few auxiliaries.
        var state = NextWord(text, ref i);
        for (var skipped = 0; skipped < 3 && IsOneOf(state, PersonaModeAuxiliaries); skipped++)
        {
            state = NextWord(text, ref i);
        }

        return IsOneOf(state, PersonaModeStates);
    }

    /// <summary>Words between the mode and its state ("is now", "has been", "was successfully").</summary>
    private static readonly string[] PersonaModeAuxiliaries = ["is", "was", "has", "have", "been", "now", "being", "hereby", "fully", "officially", "successfully"];

    private static bool IsIniSection(ReadOnlySpan<char> text, int close)
        => close + 1 < text.Length && text[close + 1] is '\n' or '\r' && text.Slice(close + 1, Math.Min(64, text.Length - close - 1)).TrimStart().IndexOf('=') is > 0 and < 40;

    private static void HtmlComment(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        var end = at + 4 + Math.Min(CommentReach, text.Length - at - 4);
        var close = CommentClose(text, at + 4, end, weights);
        var body = close < 0 ? text[(at + 4)..end] : text[(at + 4)..close];
        var count = 0;
        foreach (var _ in InjectionPatterns.InstructionWord().EnumerateMatches(body))
        {
            if (++count >= 2)
            {
                Raise(weights, Marker.HiddenInstruction, 0.65);
                return;
            }
        }
    }

    private static void MarkdownImage(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        // The match's extent first (no allocation); its groups from the matched characters alone, which the anchored
        // pattern matches the same way (it has no look-around and no end anchor).
        var length = -1;
        foreach (var match in InjectionPatterns.MarkdownImage().EnumerateMatches(text[at..]))
        {
            length = match.Length;
            break;
        }

        if (length < 0)
        {
            return;
        }

        var image = InjectionPatterns.MarkdownImage().Match(text.Slice(at, length).ToString());

        var target = image.Groups[2].ValueSpan;
        var query = target.IndexOf('?');
        if (query >= 0 && (target[query..].ContainsAny(TemplateChars) || target.Contains("%7B", StringComparison.OrdinalIgnoreCase) || target.Contains("data=", StringComparison.OrdinalIgnoreCase) || target.Contains("base64", StringComparison.OrdinalIgnoreCase)))
        {
            Raise(weights, Marker.Exfiltration, 0.6);
        }

        if (InjectionPatterns.InstructionWord().Count(image.Groups[1].ValueSpan) + InjectionPatterns.InstructionWord().Count(image.Groups[3].ValueSpan) >= 2)
        {
            Raise(weights, Marker.HiddenInstruction, 0.6);
        }
    }

    private static void ScanHidden(ReadOnlySpan<char> text, Span<double> weights, int depth)
    {
        var span = text;
        var zeroWidth = 0;
        var bidi = 0;
        StringBuilder? tags = null;
        var selectors = default(SelectorRuns);
        var index = NextHidden(span, 0);
        while (index >= 0)
        {
            var c = span[index];
            if (c == '\uDB40')
            {
                if (index + 1 < span.Length && span[index + 1] is >= '\uDC00' and <= '\uDC7F' && !IsFlagSequence(span, index))
                {
                    (tags ??= new StringBuilder()).Append((char)(span[index + 1] - 0xDC00));
                }
                else if (index + 1 < span.Length && span[index + 1] is >= '\uDD00' and <= '\uDDEF')
                {
                    selectors.Add(span, index, 2);
                }
            }
            else if (c is >= '\uFE00' and <= '\uFE0F')
            {
                selectors.Add(span, index, 1);
            }
            else if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                bidi++;
            }
            else if (c is JapaneseIgnore or ChineseIgnore)
            {
                IgnoreInCjk(span, index, weights);
            }
            else if ((c != '\uFEFF' || index > 0) && !IsCoordinateJoiner(span, index) && (c is not ('\u200C' or '\u200D') || JoinsAscii(span, index)))
            {
                zeroWidth++;
            }

            index = NextHidden(span, index + 1);
        }

        if (zeroWidth > 0)
        {
            Raise(weights, Marker.ZeroWidth, zeroWidth >= 3 ? 0.5 : 0.15);
        }

        if (bidi > 0)
        {
            Raise(weights, Marker.BidiOverride, 0.4);
            if (depth == 0 && text.Contains('\u202E'))
            {
                // Right-to-left overrides display reversed text: read it the way it is displayed.
                ScanPhrases(ReverseOverridden(text), weights);
            }
        }

        if (selectors.Smuggled(span) is { } smuggled)
        {
            Raise(weights, Marker.VariationSelectors, 0.8);
            if (depth == 0)
            {
                // The selectors spell bytes of hidden text: read what they say.
                ScanPhrases(smuggled, weights);
            }
        }

        if (tags is { Length: > 0 })
        {
            Raise(weights, Marker.UnicodeTags, 0.8);
            if (depth == 0)
            {
                // Tag characters spell invisible ASCII: read what they say.
                var hidden = tags.ToString();
                ScanPhrases(hidden, weights);
            }
        }
    }

    /// <summary>
    /// A zero-width (non-)joiner with ASCII on both sides (past any other zero-width characters beside it): between Latin
    /// letters, spaces or punctuation it joins nothing and hides word breaks ("Hello\u200CIgnore\u200Call",
    /// "Hello\u200D\u200DIgnore"); in Persian, Indic scripts and emoji sequences it shapes the letters or the picture
    /// around it.
    /// </summary>
    private static bool JoinsAscii(ReadOnlySpan<char> text, int index)
    {
        var before = index - 1;
        while (before >= 0 && IsZeroWidth(text[before]))
        {
            before--;
        }

        var after = index + 1;
        while (after < text.Length && IsZeroWidth(text[after]))
        {
            after++;
        }

        return before >= 0 && after < text.Length && char.IsAscii(text[before]) && char.IsAscii(text[after]);

        static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF';
    }

    /// <summary>
    /// A zero-width no-break space that joins a map coordinate to the " / " between its two spellings, as Wikipedia's
    /// coordinate template renders them ("50°14′W\uFEFF / \uFEFF41.767°N 50.233°W\uFEFF / 41.767; -50.233"): a page
    /// copied from it carries several, and they hide nothing. The character before it ends a coordinate (a digit, a
    /// degree, minute or second sign, or a compass letter after one) and " / " follows, or "/ " stands before it and a
    /// digit or a minus sign follows.
    /// </summary>
    private static bool IsCoordinateJoiner(ReadOnlySpan<char> text, int index)
    {
        if (text[index] != '\uFEFF')
        {
            return false;
        }

        var rest = text[(index + 1)..];
        if (rest.StartsWith(" / ", StringComparison.Ordinal) && index > 1)
        {
            var before = text[index - 1];
            return char.IsAsciiDigit(before) || before is '°' or '′' or '″' || (before is 'N' or 'S' or 'E' or 'W' && (char.IsAsciiDigit(text[index - 2]) || text[index - 2] is '°' or '′' or '″'));
        }

        return index > 1 && text[(index - 2)..index].SequenceEqual("/ ") && rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest[0] == '-');
    }

    /// <summary>
    /// The first hidden character at or after <paramref name="from"/>, or -1. Every one is U+180E or above, so a range
    /// search (a few vector instructions per sixteen characters) finds the candidates, and each is tested against the set;
    /// after sixteen candidates that are not hidden (a script above U+180E), the set's own search takes the rest.
    /// </summary>
    private static int NextHidden(ReadOnlySpan<char> text, int from)
    {
        for (var misses = 0; misses < 16; misses++)
        {
            var candidate = text[from..].IndexOfAnyInRange('\u180E', '\uFFFF');
            if (candidate < 0)
            {
                return -1;
            }

            from += candidate;
            if (Hidden.Contains(text[from]))
            {
                return from;
            }

            from++;
        }

        var rest = text[from..].IndexOfAny(Hidden);
        return rest < 0 ? -1 : from + rest;
    }

    private static string ReverseOverridden(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder();
        var index = text.IndexOf('\u202E');
        while (index >= 0)
        {
            var after = text[(index + 1)..].IndexOfAny('\u202C', '\n');
            var end = after < 0 ? -1 : index + 1 + after;
            var segment = text.Slice(index + 1, (end < 0 ? text.Length : end) - index - 1);
            for (var i = segment.Length - 1; i >= 0; i--)
            {
                builder.Append(segment[i]);
            }

            builder.Append('\n');
            index = end < 0 ? -1 : IndexOfFrom(text, '\u202E', end);
        }

        return builder.ToString();
    }

    /// <summary>Subdivision flags (🏴 + tag letters + cancel tag) are the one legitimate use of tag characters.</summary>
    private static bool IsFlagSequence(ReadOnlySpan<char> span, int index)
    {
        var i = index;
        while (i >= 2 && span[i - 2] == '\uDB40')
        {
            i -= 2;
        }

        return i >= 2 && span[i - 2] == '\uD83C' && span[i - 1] == '\uDFF4';
    }

    /// <summary>
    /// After "###": a chat role as a turn marker — "### System:", "### Instruction:", "###(system_message)", "### (system
    /// message)" — not a documentation heading that starts with the same word ("### System requirements", "### Instructions").
    /// </summary>
    private static bool IsRoleHeading(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        var parenthesised = rest.Length > 0 && rest[0] == '(';
        if (parenthesised)
        {
            rest = rest[1..].TrimStart(' ');
        }

        foreach (var role in (ReadOnlySpan<string>)["system", "instruction", "assistant", "user", "human"])
        {
            if (!AsciiCase.StartsWith(rest, role))
            {
                continue;
            }

            // "system message", "system_instruction", "SYSTEM INSTRUCTION ###": one second word of the same turn marker.
            var after = rest[role.Length..];
            if (after.Length > 1 && after[0] is '_' or ' ')
            {
                foreach (var second in (ReadOnlySpan<string>)["message", "instructions", "instruction", "prompt", "override"])
                {
                    if (AsciiCase.StartsWith(after[1..], second))
                    {
                        after = after[(second.Length + 1)..];
                        break;
                    }
                }
            }

            after = after.TrimStart(' ');
            return after.Length > 0 && (parenthesised ? after[0] == ')' : after[0] is ':' or '#');
        }

        return false;
    }
}
