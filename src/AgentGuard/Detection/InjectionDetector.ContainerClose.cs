namespace AgentGuard;

/// <content>
/// Data that closes its own container and goes on: an e-mail whose body holds <c>&lt;/email&gt;</c> or
/// <c>[END EMAIL]</c> with no opening of its own before it, followed by a new sentence. A prompt wraps the data it hands a
/// model in such a container; an e-mail, a page or a tool's result that closes it early means to be read, from there on,
/// as the prompt around the data, not as data. A close the text opened itself (<c>&lt;email&gt;…&lt;/email&gt;</c>), a
/// close at the very end, one followed by another tag (a piece of an XML file) or by the rest of a sentence (a manual
/// that names the closing tag) is not.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>Names of the containers a prompt puts data in, longest first where one starts another.</summary>
    private static readonly string[] ContainerNames =
        ["e-mail", "email", "mail", "document", "context", "tool_result", "tool_output", "tool_response", "function_results", "function_result", "function_output", "search_results", "search_result", "webpage", "web_page"];

    /// <summary>How many letters must follow the close within <see cref="ContainerCloseReach"/> characters for the data to go on.</summary>
    private const int ContainerCloseLetters = 10;

    /// <summary>How far after a close the text that goes on is looked for.</summary>
    private const int ContainerCloseReach = 200;

    /// <summary>How many earlier mentions of the container's name are looked at for its opening before the close counts as opened.</summary>
    private const int ContainerOpeningLooks = 64;

    /// <summary>
    /// <c>&lt;/email&gt;</c>, <c>[END EMAIL]</c>, <c>[END OF DOCUMENT]</c>, <c>[/EMAIL]</c> at <paramref name="at"/> with no
    /// opening before it and a new sentence after it: 0.5 (<c>fake-completion</c>).
    /// </summary>
    private static void ContainerClose(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (weights[(int)Marker.FakeCompletion] >= 0.5 || (at > 0 && text[at - 1] is '`' or '"' or '\''))
        {
            return;
        }

        var end = text[at] == '<' ? ClosingTag(text, at, out var name) : ClosingLabel(text, at, out name);
        if (end < 0 || !GoesOnAfterClose(text, end) || OpensContainer(text, at, name))
        {
            return;
        }

        Raise(weights, Marker.FakeCompletion, 0.5);
    }

    /// <summary>Where <c>&lt;/name&gt;</c> at <paramref name="at"/> ends, with the container's name; -1 when it is no such tag.</summary>
    private static int ClosingTag(ReadOnlySpan<char> text, int at, out string name)
    {
        return NameThenCloser(text, SkipSpaces(text, at + 2), '>', out name);
    }

    /// <summary>Where <c>[END EMAIL]</c>, <c>[END_OF_DOCUMENT]</c>, <c>[/EMAIL]</c> at <paramref name="at"/> ends, with the container's name; -1 when it is no such label.</summary>
    private static int ClosingLabel(ReadOnlySpan<char> text, int at, out string name)
    {
        name = string.Empty;
        var i = SkipSpaces(text, at + 1);
        if (i < text.Length && text[i] == '/')
        {
            i++;
        }
        else if (AsciiCase.StartsWith(text[i..], "end"))
        {
            i = SkipSeparators(text, i + 3);
            if (AsciiCase.StartsWith(text[i..], "of") && i + 2 < text.Length && text[i + 2] is ' ' or '_' or '-')
            {
                i = SkipSeparators(text, i + 2);
            }
        }
        else
        {
            return -1;
        }

        return NameThenCloser(text, i, ']', out name);
    }

    /// <summary>Where the container's name at <paramref name="at"/> and the <paramref name="closer"/> after it end; -1 when they are not there.</summary>
    private static int NameThenCloser(ReadOnlySpan<char> text, int at, char closer, out string name)
    {
        var after = ContainerNameAt(text, at, out name);
        if (after < 0)
        {
            return -1;
        }

        after = SkipSpaces(text, after);
        return after < text.Length && text[after] == closer ? after + 1 : -1;
    }

    /// <summary>Where the container's name at <paramref name="at"/> ends (it must end there as a word), or -1.</summary>
    private static int ContainerNameAt(ReadOnlySpan<char> text, int at, out string name)
    {
        foreach (var candidate in ContainerNames)
        {
            var after = at + candidate.Length;
            if (after <= text.Length && AsciiCase.StartsWith(text[at..], candidate) && (after == text.Length || !(char.IsAsciiLetterOrDigit(text[after]) || text[after] is '_' or '-')))
            {
                name = candidate;
                return after;
            }
        }

        name = string.Empty;
        return -1;
    }

    /// <summary>
    /// Whether a new piece of text follows the close at <paramref name="end"/>: past spaces and separator lines, not
    /// another tag and not the lower-case rest of a sentence, with at least <see cref="ContainerCloseLetters"/> letters.
    /// </summary>
    private static bool GoesOnAfterClose(ReadOnlySpan<char> text, int end)
    {
        var i = end;
        var newLine = false;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] is '-' or '=' or '_' or '*' or '~' or '#'))
        {
            newLine |= text[i] == '\n';
            i++;
        }

        if (i >= text.Length || text[i] == '<' || (!newLine && char.IsAsciiLetterLower(text[i])))
        {
            return false;
        }

        var letters = 0;
        var stop = Math.Min(text.Length, i + ContainerCloseReach);
        for (; i < stop && letters < ContainerCloseLetters; i++)
        {
            letters += char.IsLetter(text[i]) ? 1 : 0;
        }

        return letters >= ContainerCloseLetters;
    }

    /// <summary>Whether the text opened the container before <paramref name="at"/>: <c>&lt;email</c> or <c>[email</c>, <c>[BEGIN EMAIL</c>, <c>[START OF EMAIL</c>.</summary>
    private static bool OpensContainer(ReadOnlySpan<char> text, int at, string name)
    {
        var before = text[..at];
        for (var look = 0; look < ContainerOpeningLooks; look++)
        {
            var found = before.LastIndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var i = found - 1;
            while (i >= 0 && text[i] is ' ' or '_' or '-')
            {
                i--;
            }

            // "[BEGIN EMAIL", "[START OF EMAIL": step back over the opening words.
            foreach (var word in (ReadOnlySpan<string>)["of", "begin", "start"])
            {
                if (i + 1 >= word.Length && AsciiCase.Equals(text.Slice(i + 1 - word.Length, word.Length), word))
                {
                    i -= word.Length;
                    while (i >= 0 && text[i] is ' ' or '_' or '-')
                    {
                        i--;
                    }
                }
            }

            if (i >= 0 && text[i] is '<' or '[')
            {
                return true;
            }

            before = before[..found];
        }

        // A text that names its container this often is read as having opened it.
        return true;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static int SkipSeparators(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '_' or '-')
        {
            i++;
        }

        return i;
    }
}
