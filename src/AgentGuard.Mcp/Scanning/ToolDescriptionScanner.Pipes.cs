namespace AgentGuard.Mcp;

/// <content>Downloaded code run as it arrives: a pipe into a shell ("curl -s https://… | sh", "wget -qO- … | bash").</content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>The shells a pipe may feed.</summary>
    private static readonly string[] PipedShells = ["sh", "bash", "zsh"];

    /// <summary>
    /// A '|' (not "||", a fallback) followed, after spaces, by a shell's name as a whole word: what comes through the pipe
    /// is run. A table's cells ("| shape |") and a shell named in prose ("sh, bash or zsh") are not.
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

            var at = from;
            while (at < text.Length && text[at] is ' ' or '\t')
            {
                at++;
            }

            foreach (var shell in PipedShells)
            {
                var end = at + shell.Length;
                if (end <= text.Length && AsciiCase.StartsWith(text[at..], shell) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return true;
                }
            }
        }
    }
}
