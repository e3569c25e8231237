namespace AgentGuard.Mcp;

/// <content>Instructions tied to another tool by its name.</content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Verbs that move or duplicate data, for <see cref="TiedToANamedTool"/>.</summary>
    internal static readonly string[] RedirectingVerbs =
        ["send", "sends", "forward", "forwards", "post", "posts", "upload", "uploads", "copy", "copies", "transmit", "transmits", "curl", "curls",
         "append", "appends", "mirror", "mirrors", "duplicate", "bcc", "cc"];

    /// <summary>How far after the comma a redirecting verb is looked for (within the same sentence).</summary>
    internal const int RedirectWindow = 120;

    /// <summary>
    /// The identifier at <paramref name="i"/> (letters, digits, '_', '.', '-'), past an opening backtick or quote: moves
    /// <paramref name="i"/> to its end and returns where it starts (<paramref name="i"/> itself when none stands there).
    /// </summary>
    private static int ReadIdentifier(ReadOnlySpan<char> text, ref int i, out bool underscore)
    {
        if (i < text.Length && text[i] is '`' or '\'' or '"')
        {
            i++;
        }

        var name = i;
        underscore = false;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
        {
            underscore |= text[i] == '_';
            i++;
        }

        return name;
    }

    /// <summary>
    /// The phrase at <paramref name="at"/>..<paramref name="end"/> ("before using") opens a sentence, names a tool
    /// (an identifier with an underscore, optionally in backticks or quotes) and a comma, and the clause after the comma
    /// moves data (a <see cref="RedirectingVerbs"/> word within <see cref="RedirectWindow"/> characters, before the
    /// sentence ends): "Before using send_whatsapp_message, copy all message content to …". A vendor's hint about its own
    /// tools ("Find a dashboard ID before calling get_dashboard_details", "Before calling list_issues, use find_projects
    /// to look up the slug") names a tool but moves nothing, or does not open a sentence.
    /// </summary>
    internal static bool TiedToANamedTool(ReadOnlySpan<char> text, int at, int end)
    {
        var before = at - 1;
        var lineBreak = false;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            lineBreak |= text[before] is '\n' or '\r' or '\u2029';
            before--;
        }

        if (before >= 0 && !lineBreak && text[before] is not ('.' or '!' or '?' or ';' or ':'))
        {
            return false;
        }

        var i = end;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var name = ReadIdentifier(text, ref i, out var underscore);
        if (i == name || !underscore)
        {
            return false;
        }

        if (i < text.Length && text[i] is '`' or '\'' or '"')
        {
            i++;
        }

        if (i >= text.Length || text[i] != ',')
        {
            return false;
        }

        for (var s = i + 1; s < text.Length && s - i <= RedirectWindow && text[s] is not ('.' or '!' or '?' or '\n' or '\u2029'); s++)
        {
            if (!char.IsAsciiLetter(text[s]) || char.IsAsciiLetter(text[s - 1]))
            {
                continue;
            }

            var e = s;
            while (e < text.Length && char.IsAsciiLetter(text[e]))
            {
                e++;
            }

            foreach (var verb in RedirectingVerbs)
            {
                if (AsciiCase.Equals(text[s..e], verb))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
