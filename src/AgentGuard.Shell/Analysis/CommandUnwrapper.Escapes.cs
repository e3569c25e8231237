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
        "man", "info", "apropos", "whatis", "help", "tldr", "pkill", "pgrep", "killall", "ps", "command", "hash",

        // Programs that only inspect a file: handing them a shell's binary (readlink -f /bin/sh) runs nothing.
        "readlink", "realpath", "ldd", "md5sum", "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "shasum", "b2sum", "cksum", "sum",
        "strings", "objdump", "readelf", "nm", "otool", "size", "hexdump", "xxd", "od", "du", "lsattr",
    };

    /// <summary>Programs for which a shell's name is an ordinary operand (documentation, a login shell setting).</summary>
    private static readonly HashSet<string> HandsShellByName = new(StringComparer.Ordinal) { "man", "info", "apropos", "whatis", "help", "chsh", "usermod", "useradd", "tldr", "cheat", "pkg-config", "update-alternatives", "dpkg-query" };

    private void ToolEscapes(CommandDraft draft, string name, int depth, ref NestedInherited nested)
    {
        if (name is "rg" && draft.Args.Exists(a => a.Text is "--pre" or "--hostname-bin" || a.Text.StartsWith("--pre=", StringComparison.Ordinal) || a.Text.StartsWith("--hostname-bin=", StringComparison.Ordinal)))
        {
            draft.Tag(ShellTags.Opaque, "rg --pre/--hostname-bin runs a program for every file it reads");
        }

        if (DataArgumentPrograms.Contains(name) && name is not ("mysql" or "psql" or "sqlite3"))
        {
            return;
        }

        if (OpensRepl(draft, name) is { } repl)
        {
            draft.Tag(ShellTags.Opaque, name + " " + repl + " opens an interactive session: what it runs is not known before it runs");
        }

        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (text.Length < 2)
            {
                continue;
            }


            if ((text[0] == ':' || EscapingPrograms.Contains(name)) && ScriptingInterface().Match(text) is { Success: true } scripting)
            {
                AnalyzeCode(draft, scripting.Groups["code"].Value, depth, nested.Get());
                continue;
            }

            var match = MayEscape(text) ? EscapeCommand().Match(text) : null;
            if (match is { Success: true })
            {
                var command = match.Groups["cmd"].Value.Trim();
                ParseScriptArgument(draft, arg with { Text = command }, name + " escape", depth, nested.Get());
                draft.Tag(ShellTags.Opaque, name + " runs a command from its arguments: " + Shorten(command));
                continue;
            }

            if ((text.Contains("/bin/", StringComparison.Ordinal) && ShellPath().IsMatch(text)) || (Shells.Contains(text) && !HandsShellByName.Contains(name) && !ShellClassifier.IsLocalPackageManager(name) && !NamesShellForCompletion(draft)))
            {
                draft.Tag(ShellTags.Opaque, name + " is handed a shell (" + Shorten(text) + "): what it runs is not known before it runs");
                continue;
            }

            if (text.StartsWith("-o", StringComparison.Ordinal) && (text.Length > 2 ? text : NextArg(draft.Args, arg)) is { } mountOptions && mountOptions.Contains('=', StringComparison.Ordinal))
            {
                CommandInMountOptions(draft, name, text.Length > 2 ? mountOptions[2..] : mountOptions, depth, ref nested);
                continue;
            }

            if (text[0] == '-' && CommandOption().Match(text) is { Success: true } option)
            {
                var value = option.Groups["value"].Success ? option.Groups["value"].Value : NextArg(draft.Args, arg);
                if (value is not null && LooksLikeCommand(value))
                {
                    ParseScriptArgument(draft, arg with { Text = value }, name + " " + option.Groups["name"].Value, depth, nested.Get());
                    draft.Tag(ShellTags.Opaque, name + " runs a command given in " + option.Groups["name"].Value + ": " + Shorten(value));
                }
            }
        }
    }

    /// <summary>
    /// <c>-o name=value[,name=value]</c> (sshfs, mount, ssh): a name that says it runs a program (<c>ssh_command</c>,
    /// <c>ProxyCommand</c>, <c>program</c>…) with a value that names one makes the tool run it.
    /// </summary>
    private void CommandInMountOptions(CommandDraft draft, string name, string options, int depth, ref NestedInherited nested)
    {
        foreach (var option in options.Split(','))
        {
            var eq = option.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = option[(eq + 1)..].Trim('\'', '"');
            if (CommandOption().Match("--" + option[..eq]) is { Success: true } && LooksLikeCommand(value))
            {
                ParseScriptArgument(draft, ExpandedWord.Literal(value), name + " -o " + option[..eq], depth, nested.Get());
                draft.Tag(ShellTags.Opaque, name + " runs a command given in -o " + option[..eq] + ": " + Shorten(value));
            }
        }
    }

    /// <summary><c>kubectl completion zsh</c>, <c>rustup completions fish</c>, <c>gh completion -s bash</c>: the shell is named to print its completion script, not run.</summary>
    private static bool NamesShellForCompletion(CommandDraft draft)
        => draft.Args.Exists(a => a.Text is "completion" or "completions" or "complete" or "--completion" or "--completions" or "shell-completion" or "generate-shell-completion" || a.Text.StartsWith("--completion=", StringComparison.Ordinal));

    /// <summary>
    /// The option that switches on a program's own way of running commands from the documents or scripts it reads:
    /// TeX's <c>--shell-escape</c>/<c>--enable-write18</c>, dvips <c>-R0</c>, Ghostscript <c>-dNOSAFER</c>, OpenVPN
    /// <c>--script-security 2</c>, bpftrace <c>--unsafe</c>, Deno <c>--allow-run</c>/<c>--allow-all</c>, the roff tools'
    /// unsafe mode (<c>groff -U</c>, <c>pic -U</c>: their <c>sh</c> and <c>.sy</c> requests run commands).
    /// </summary>
    private static string? EnablesShellEscapes(CommandDraft draft)
    {
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            var enables = text switch
            {
                "--shell-escape" or "-shell-escape" or "--enable-write18" or "-enable-write18" or "-dNOSAFER" or "-dNOSAFER=true" or "--allow-run" or "--allow-all" => true,
                "-R0" => draft.Program == "dvips",
                "--unsafe" => draft.Program == "bpftrace",
                "-A" => draft.Program == "deno",
                "-U" => draft.Program is "groff" or "troff" or "nroff" or "pic" or "gpic" or "grog",
                "--script-security" => i + 1 < draft.Args.Count && draft.Args[i + 1].Text is "2" or "3",
                "-k" => draft.Program == "less",
                _ => text.StartsWith("--allow-run=", StringComparison.Ordinal) || (text.StartsWith("--lesskey", StringComparison.Ordinal) && draft.Program == "less"),
            };
            if (enables)
            {
                return text;
            }
        }

        return null;
    }

    private static string? NextArg(List<ExpandedWord> args, ExpandedWord current)
    {
        var index = args.IndexOf(current);
        return index >= 0 && index + 1 < args.Count ? args[index + 1].Text : null;
    }

    /// <summary>A value that names something to run: it has a space, a path to a program, or is a shell or interpreter.</summary>
    private static bool LooksLikeCommand(string value)
    {
        var trimmed = value.Trim().TrimStart('|', '!');
        if (trimmed.Length == 0 || trimmed.All(c => char.IsAsciiDigit(c) || c is '.' or 's' or 'm' or 'h'))
        {
            return false;
        }

        var first = trimmed.Split(' ', 2)[0];
        return trimmed.Contains(' ', StringComparison.Ordinal) || first.StartsWith('/') || first.StartsWith("./", StringComparison.Ordinal)
            || Shells.Contains(Basename(first)) || InterpreterCodeFlags.ContainsKey(StripVersion(Basename(first)));
    }

    /// <summary>Options that take a command or a script to run: <c>--exec</c>, <c>--command</c>, <c>--pre-hook</c>, <c>--shell</c>, <c>--editor</c>, <c>--pager</c>, <c>--rsh</c>, <c>--filter</c>, <c>--wrapper</c>, <c>--entrypoint</c>, <c>--script</c>, <c>--on-event</c>…</summary>
    [GeneratedRegex(@"^--?(?<name>[\w-]*(?:exec|command|cmd|hook|shell|editor|pager|rsh|filter|wrapper|entrypoint|preprocessor|askpass|program|script|interpreter|on-[\w]+)[\w-]*)(?:=(?<value>.+))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 100)]
    private static partial Regex CommandOption();

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
        if (NameStatesShellOrCapture(module))
        {
            draft.Tag(ShellTags.Opaque, "python -m " + module + ": the module's name says it opens a shell or captures input, and what it does is in a file the line does not show");
        }

        if (IsDebuggerModule(module) && !rest.Exists(a => a is "--version" or "--help" or "-h"))
        {
            draft.Tag(ShellTags.Opaque, "python -m " + module + " opens a debugger prompt that runs any code " + WhereItRuns(draft) + ": what it runs is typed after it starts");
        }

        if (IsConsoleModule(module) && !rest.Exists(a => a.Length > 0 && a[0] != '-') && !rest.Exists(a => a is "-c" or "--version" or "--help" or "-h") && draft.StdinText is null && draft.Upstream is null)
        {
            draft.Tag(ShellTags.Opaque, "python -m " + module + " opens an interactive console " + WhereItRuns(draft) + ": what it runs is typed after it starts");
        }

        if (module is "http.server" or "SimpleHTTPServer" or "pyftpdlib" or "uploadserver")
        {
            draft.AddTag(ShellTags.Network);
            var directory = rest.FindIndex(a => a is "--directory" or "-d") is var d and >= 0 && d + 1 < rest.Count ? rest[d + 1] : session.WorkingDirectory ?? ".";
            var bind = rest.FindIndex(a => a is "--bind" or "-b") is var b and >= 0 && b + 1 < rest.Count ? rest[b + 1] : "0.0.0.0";
            if (bind is not ("127.0.0.1" or "localhost" or "::1"))
            {
                draft.Tag(ShellTags.Exfiltration, "python -m " + module + " serves " + directory + " on every network interface");
            }
            else if (directory is "/" or "~" || directory.StartsWith("/etc", StringComparison.Ordinal) || directory.StartsWith("~/.", StringComparison.Ordinal) || PathRules.IsHomeRoot(directory))
            {
                draft.Tag(ShellTags.Exfiltration, "python -m " + module + " serves " + directory + " to the network");
            }
        }
    }

    /// <summary>
    /// False when <see cref="EscapeCommand"/> cannot match: every branch needs a <c>!</c>, a bracket or white space
    /// (<c>.shell cmd</c>, <c>system(…)</c>, <c>%(…)</c>). Most arguments are plain words, and this spares them the regex.
    /// </summary>
    private static bool MayEscape(string text)
    {
        foreach (var c in text)
        {
            if (c is '!' or '(' or '{' || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>
    /// <c>:!cmd</c>, <c>!cmd</c>, <c>\! cmd</c>, <c>.shell cmd</c>, <c>system("cmd")</c>, <c>exec("cmd")</c>, <c>os.execute</c>,
    /// <c>shell_exec</c>, <c>popen</c>, <c>spawn</c>, <c>callCommand</c>, <c>run-shell-command</c>, <c>esyscmd(cmd)</c>,
    /// <c>\write18{cmd}</c>, <c>%(cmd)</c>, <c>$(shell cmd)</c>, <c>execute(cmd)</c>.
    /// </summary>
    [GeneratedRegex(@"^\s*:?\s*(?:\\)?!\s*(?<cmd>[/\w.~$].*)$|^\.shell\s+(?<cmd>.+)$|(?:\bsystem|\bexec|\bexecute|\bos\.execute|\bshell_exec|\bpassthru|\bpopen|\bspawn|\bcallCommand|run-shell-command|shell-command|\besyscmd|\\write18|\$\(shell)\s*[\(\{ ]\s*[""']?(?<cmd>[^""')\}]+)|%\((?<cmd>[^)]+)\)", RegexOptions.CultureInvariant | RegexOptions.Singleline, 100)]
    private static partial Regex EscapeCommand();

    /// <summary>An editor's or debugger's scripting interface given code: <c>:py3 …</c>, <c>:lua …</c>, <c>:perl …</c>, <c>python …</c> (gdb).</summary>
    [GeneratedRegex(@"^\s*:?\s*(?:py3?|python3?|pyx|lua|perl|ruby|tcl|luado|pydo|py3do|perldo|rubydo)\s+(?<code>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline, 100)]
    private static partial Regex ScriptingInterface();

    /// <summary>A shell's path in a word: <c>/bin/sh</c>, <c>/usr/bin/bash</c>, <c>/bin/zsh -i</c>.</summary>
    [GeneratedRegex(@"(?<![\w-])(?:/usr)?(?:/local)?/bin/(?:ba|da|z|k|c|tc|fi|a|mk|y|r)?sh\b", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ShellPath();

    /// <summary>sed's <c>e</c> command (<c>1e cmd</c>, <c>/x/e</c>, <c>e</c> alone).</summary>
    [GeneratedRegex(@"(?:^|[;\n{}])\s*(?:\d+|\$|/[^/]*/)?(?:,\s*(?:\d+|\$|/[^/]*/))?\s*e(?:\s+(?<cmd>[^;\n}]*))?(?=$|[;\n}])", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SedExecute();

    /// <summary>sed's <c>s/…/…/e</c> flag.</summary>
    [GeneratedRegex(@"(?:^|[;\n{}])\s*(?:\d+|\$|/[^/]*/)?\s*s(?<d>[^\w\s\\])(?:(?!\k<d>).)*\k<d>(?:(?!\k<d>).)*\k<d>[gpiImM0-9w]*e", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SedSubstituteExecute();
}
