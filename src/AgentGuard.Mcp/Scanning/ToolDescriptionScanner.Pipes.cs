namespace AgentGuard.Mcp;

/// <content>
/// Downloaded code run as it arrives: a pipe into a shell ("curl -s https://… | sh", "wget -qO- … | bash") or, from a
/// download on the same line, into an interpreter ("curl -s http://… | python3 -", "wget -qO- … | perl"); a recursive
/// permission or owner change of the whole home directory or the root ("chmod -R 0666 ~", "chown -R nobody /").
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>The shells a pipe may feed.</summary>
    private static readonly string[] PipedShells = ["sh", "bash", "zsh"];

    /// <summary>Interpreters a pipe may feed, counted only after a download on the same line (a table's "| python3 |" cell is not one).</summary>
    private static readonly string[] PipedInterpreters = ["python3", "python2", "python", "perl", "ruby", "node", "php", "pwsh", "powershell"];

    /// <summary>What may stand between a pipe and the shell it feeds ("| sudo bash").</summary>
    private static readonly string[] Elevators = ["sudo"];

    /// <summary>What downloads, before a pipe on its line.</summary>
    private static readonly string[] Downloaders = ["curl", "wget", "iwr", "invoke-webrequest", "://"];

    /// <summary>
    /// A '|' (not "||", a fallback) followed, after spaces (and "sudo"), by a shell's name as a whole word, or an interpreter's after
    /// a download on the pipe's line (<see cref="Downloaders"/>): what comes through the pipe is run. A table's cells
    /// ("| shape |", "| python3 |") and a shell named in prose ("sh, bash or zsh") are not.
    /// </summary>
    private static bool PipesIntoShell(ReadOnlySpan<char> text)
    {
        for (var from = 0; ;)
        {
            var found = text[from..].IndexOf('|');
            if (found < 0)
            {
                return false;
            }

            var pipe = from + found;
            from = pipe + 1;
            if ((pipe > 0 && text[pipe - 1] == '|') || (from < text.Length && text[from] == '|'))
            {
                from++;
                continue;
            }

            var at = SkipBlanks(text, from);
            if (NamedAt(text, at, Elevators))
            {
                at = SkipBlanks(text, at + 4);
            }

            if (NamedAt(text, at, PipedShells) || (NamedAt(text, at, PipedInterpreters) && DownloadBefore(text, pipe)))
            {
                return true;
            }
        }
    }

    /// <summary>One of <paramref name="names"/> as a whole word at <paramref name="at"/>.</summary>
    private static bool NamedAt(ReadOnlySpan<char> text, int at, string[] names)
    {
        foreach (var name in names)
        {
            var end = at + name.Length;
            if (end <= text.Length && AsciiCase.StartsWith(text[at..], name) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A downloader (<see cref="Downloaders"/>) on the line before the pipe at <paramref name="pipe"/>.</summary>
    private static bool DownloadBefore(ReadOnlySpan<char> text, int pipe)
    {
        var line = text[..pipe];
        line = line[(line.LastIndexOf('\n') + 1)..];
        foreach (var downloader in Downloaders)
        {
            if (line.Contains(downloader, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a recursive mode command ending at <paramref name="end"/> ("chmod -R"), one argument (a mode or an owner),
    /// then the home directory or the root as the whole target: "~", "~/", "/", "$HOME" or "$HOME/", followed by white
    /// space, the text's end or a punctuation mark. "chmod -R 755 ./build" and "chown -R app:app /srv/data" change a
    /// folder of their own.
    /// </summary>
    internal static bool AppliedToHomeOrRoot(ReadOnlySpan<char> text, int end)
    {
        var i = SkipBlanks(text, end);
        var argument = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i == argument)
        {
            return false;
        }

        var target = SkipBlanks(text, i);
        var stop = target;
        while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && text[stop] is not (',' or ';' or ')' or '`' or '"' or '\''))
        {
            stop++;
        }

        var path = text[target..stop].TrimEnd('.');
        return path is "~" or "~/" or "/" or "$HOME" or "$HOME/";
    }
}
