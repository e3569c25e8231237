using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Code execution inside tools that are not shells: an editor's or pager's <c>:!cmd</c>, <c>system("…")</c> and
/// friends in a tool's script argument, a shell's path handed to a tool (<c>--pre-hook /bin/sh</c>), sed's <c>e</c>
/// command and <c>s///e</c> flag, and <c>python -m http.server</c> serving the whole disk.
/// </summary>
internal sealed partial class CommandUnwrapper
{
    /// <summary>Programs whose arguments are data (messages, patterns, file contents): their words are not scanned for escapes.</summary>
    private static readonly HashSet<string> DataArgumentPrograms = new(StringComparer.Ordinal)
    {
        "echo", "printf", "grep", "egrep", "fgrep", "rg", "ag", "ack", "git", "tee", "cat", "head", "tail", "ls", "file", "stat", "which", "type", "whereis",
        "cp", "mv", "ln", "diff", "test", "[", "touch", "wc", "sort", "jq", "yq", "chmod", "chown", "mkdir", "rm", "find", "xargs", "gh", "glab", "jira",
        "curl", "wget", "http", "xh", "psql", "mysql", "sqlite3", "export", "declare", "local", "alias", "read", "cd", "kill", "sleep", "date", "basename", "dirname",
    };

    private void ToolEscapes(CommandDraft draft, string name, int depth, Func<Inherited> nested)
    {
        if (DataArgumentPrograms.Contains(name) && name is not ("mysql" or "psql" or "sqlite3"))
        {
            return;
        }

        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (text.Length < 2)
            {
                continue;
            }

            var match = EscapeCommand().Match(text);
            if (match.Success)
            {
                var command = match.Groups["cmd"].Value.Trim();
                ParseScriptArgument(draft, arg with { Text = command }, name + " escape", depth, nested());
                draft.Tag(ShellTags.Opaque, name + " runs a command from its arguments: " + Shorten(command));
                continue;
            }

            if (ShellPath().IsMatch(text))
            {
                draft.Tag(ShellTags.Opaque, name + " is handed a shell (" + Shorten(text) + "): what it runs is not known before it runs");
            }
        }
    }

    private void SedCommands(CommandDraft draft, int depth, Inherited nested)
    {
        var scripts = new List<string>();
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (text is "-e" or "--expression" && i + 1 < draft.Args.Count)
            {
                scripts.Add(draft.Args[++i].Text);
            }
            else if (text.StartsWith("--expression=", StringComparison.Ordinal))
            {
                scripts.Add(text["--expression=".Length..]);
            }
            else if (!text.StartsWith('-') && scripts.Count == 0)
            {
                scripts.Add(text);
                break;
            }
        }

        foreach (var script in scripts)
        {
            foreach (Match command in SedExecute().Matches(script))
            {
                var text = command.Groups["cmd"].Value.Trim();
                if (text.Length == 0)
                {
                    draft.Tag(ShellTags.Opaque, "sed e runs the pattern space as a command");
                }
                else
                {
                    ParseScriptArgument(draft, ExpandedWord.Literal(text), "sed e", depth, nested);
                    draft.Tag(ShellTags.Opaque, "sed e runs a command: " + Shorten(text));
                }
            }

            if (SedSubstituteExecute().IsMatch(script))
            {
                draft.Tag(ShellTags.Opaque, "sed s///e runs the result of the substitution as a command");
            }
        }
    }

    private void Module(CommandDraft draft, string module, List<string> rest)
    {
        if (module is "http.server" or "SimpleHTTPServer" or "pyftpdlib" or "uploadserver")
        {
            draft.Tags.Add(ShellTags.Network);
            var directory = rest.FindIndex(a => a is "--directory" or "-d") is var d and >= 0 && d + 1 < rest.Count ? rest[d + 1] : session.WorkingDirectory ?? ".";
            if (directory is "/" or "~" || directory.StartsWith("/etc", StringComparison.Ordinal) || directory.StartsWith("~/.", StringComparison.Ordinal) || PathRules.IsHomeRoot(directory))
            {
                draft.Tag(ShellTags.Exfiltration, "python -m " + module + " serves " + directory + " to the network");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>
    /// <c>:!cmd</c>, <c>!cmd</c>, <c>\! cmd</c>, <c>.shell cmd</c>, <c>system("cmd")</c>, <c>exec("cmd")</c>, <c>os.execute</c>,
    /// <c>shell_exec</c>, <c>popen</c>, <c>spawn</c>, <c>callCommand</c>, <c>run-shell-command</c>, <c>esyscmd(cmd)</c>,
    /// <c>\write18{cmd}</c>, <c>%(cmd)</c>, <c>$(shell cmd)</c>, <c>execute(cmd)</c>.
    /// </summary>
    [GeneratedRegex(@"^\s*:?\s*(?:\\)?!\s*(?<cmd>[/\w.~$].*)$|^\.shell\s+(?<cmd>.+)$|(?:\bsystem|\bexec|\bexecute|\bos\.execute|\bshell_exec|\bpassthru|\bpopen|\bspawn|\bcallCommand|run-shell-command|\besyscmd|\\write18|\$\(shell)\s*[\(\{ ]\s*[""']?(?<cmd>[^""')\}]+)|%\((?<cmd>[^)]+)\)", RegexOptions.CultureInvariant | RegexOptions.Singleline, 100)]
    private static partial Regex EscapeCommand();

    /// <summary>A shell's path in a word: <c>/bin/sh</c>, <c>/usr/bin/bash</c>, <c>/bin/zsh -i</c>.</summary>
    [GeneratedRegex(@"(?<![\w.-])(?:/usr)?(?:/local)?/bin/(?:ba|da|z|k|c|tc|fi|a|mk|y|r)?sh\b", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ShellPath();

    /// <summary>sed's <c>e</c> command (<c>1e cmd</c>, <c>/x/e</c>, <c>e</c> alone).</summary>
    [GeneratedRegex(@"(?:^|[;\n{}])\s*(?:\d+|\$|/[^/]*/)?(?:,\s*(?:\d+|\$|/[^/]*/))?\s*e(?:\s+(?<cmd>[^;\n}]*))?(?=$|[;\n}])", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SedExecute();

    /// <summary>sed's <c>s/…/…/e</c> flag.</summary>
    [GeneratedRegex(@"(?:^|[;\n{}])\s*(?:\d+|\$|/[^/]*/)?\s*s(?<d>[^\w\s\\])(?:(?!\k<d>).)*\k<d>(?:(?!\k<d>).)*\k<d>[gpiImM0-9w]*e", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SedSubstituteExecute();
}
