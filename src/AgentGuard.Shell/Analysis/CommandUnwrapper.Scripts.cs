namespace AgentGuard.Shell.Analysis;

/// <summary>Follows the scripts that shells, eval, interpreters, find -exec and command options run.</summary>
internal sealed partial class CommandUnwrapper
{
    private void HandleShell(CommandDraft draft, string name, int depth, Inherited nested)
    {
        draft.AddTag(ShellTags.ShellWrapper);
        var args = draft.Args;
        if (args.Exists(a => a.Text is "-i" or "--interactive" or "-il" or "-li"))
        {
            draft.Tag(ShellTags.Opaque, name + " -i runs an interactive shell " + WhereItRuns(draft) + ": its input is not known before it runs");
        }

        if (name is "source" or ".")
        {
            if (args.Count > 0)
            {
                ScriptFile(draft, args[0], depth, nested);
            }

            return;
        }

        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text is "-o" or "+o" or "-O" or "+O")
            {
                i++;
                continue;
            }

            if (text.Length > 1 && text[0] is '-' or '+' && !text.StartsWith("--", StringComparison.Ordinal) && text.Contains('c', StringComparison.Ordinal))
            {
                var script = args.Skip(i + 1).FirstOrDefault();
                if (i + 1 >= args.Count)
                {
                    draft.Tag(ShellTags.Opaque, name + " -c has no script");
                    return;
                }

                ParseScriptArgument(draft, script, name + " -c", depth, nested);
                return;
            }

            if (text.Length > 1 && text[0] is '-' or '+')
            {
                continue;
            }

            ScriptFile(draft, args[i], depth, nested);
            return;
        }

        ReadsStdin(draft, name, depth, nested, asShell: true);
    }

    private void HandleEval(CommandDraft draft, int depth, Inherited nested)
    {
        if (draft.Args.Count == 0)
        {
            return;
        }

        var script = new ExpandedWord(
            string.Join(' ', draft.Args.Select(a => a.Text)),
            draft.Args.Exists(a => a.Dynamic),
            false,
            draft.Args.Exists(a => a.FromSubstitution),
            draft.Args.Exists(a => a.RemoteContent),
            Decoded: draft.Args.Exists(a => a.Decoded));
        ParseScriptArgument(draft, script, "eval", depth, nested);
    }

    private void ParseScriptArgument(CommandDraft draft, ExpandedWord script, string origin, int depth, Inherited nested)
    {
        if (script.RemoteContent)
        {
            draft.Tag(ShellTags.RemoteCode, "runs downloaded or decoded content");
        }

        if (script.Dynamic || script.Decoded)
        {
            draft.Tag(ShellTags.Opaque, origin + " runs a script computed at run time");
        }

        session.ParseNested(script.Text, origin, depth + 1, nested);
    }

    private void ScriptFile(CommandDraft draft, ExpandedWord file, int depth, Inherited nested)
    {
        if (file.ProcessSubstitution is { } producer)
        {
            if (producer.CarriesRemoteContent)
            {
                draft.Tag(ShellTags.RemoteCode, "runs the output of " + producer.Program);
            }
            else if (producer.OutputText is { } text)
            {
                session.ParseNested(text, draft.Program + " <(...)", depth + 1, nested);
            }
            else
            {
                draft.Tag(ShellTags.Opaque, "runs the output of " + producer.Program);
            }

            return;
        }

        if (file.Dynamic)
        {
            draft.Tag(ShellTags.Opaque, "runs a script whose name is computed at run time");
            return;
        }

        if (NameStatesShellOrCapture(file.Text))
        {
            draft.Tag(ShellTags.Opaque, draft.Program + " runs " + Shorten(file.Text) + ", whose name says it opens a shell or captures input: what it does is in a file the line does not show");
        }

        var asShell = Shells.Contains(draft.Program) || draft.Program is "source" or ".";
        if (file.Text is "/dev/stdin" or "-")
        {
            ReadsStdin(draft, draft.Program, depth, nested, asShell);
            return;
        }

        if (ShellClassifier.IsDownloaded(session, file.Text))
        {
            draft.Tag(ShellTags.RemoteCode, "runs a file downloaded earlier on the line");
        }

        if (session.WrittenFile(file.Text) is { } written)
        {
            if (asShell)
            {
                session.ParseNested(written, draft.Program + " " + file.Text, depth + 1, nested);
            }
            else
            {
                AnalyzeCode(draft, written, depth, nested);
            }
        }

        draft.AddTag(ShellTags.ScriptFile);
    }

    private void ReadsStdin(CommandDraft draft, string name, int depth, Inherited nested, bool asShell)
    {
        if (draft.Redirects.FirstOrDefault(r => r.Operator == "<") is { } input)
        {
            ScriptFile(draft, input.Target, depth, nested);
            return;
        }

        if (draft.Redirects.Any(r => r.Operator is "<<<" && r.Target.RemoteContent))
        {
            draft.Tag(ShellTags.RemoteCode, name + " runs downloaded or decoded content given as a here-string");
        }

        if (draft.Upstream is { CarriesRemoteContent: true } producer)
        {
            draft.Tag(ShellTags.RemoteCode, producer.Program + " output is piped into " + name);
        }

        if (draft.Upstream is { OutputDecoded: true } decoder)
        {
            draft.Tag(ShellTags.Opaque, name + " runs text " + decoder.Program + " decodes from escapes");
        }

        if (draft.StdinText is { } text)
        {
            if (asShell)
            {
                session.ParseNested(text, name + " stdin", depth + 1, nested);
            }
            else
            {
                AnalyzeCode(draft, text, depth, nested);
            }

            return;
        }

        if (draft.Upstream is { } upstream && !upstream.CarriesRemoteContent)
        {
            draft.Tag(ShellTags.Opaque, name + " runs what " + upstream.Program + " prints");
        }
        else if (draft.Upstream is null && (asShell || name is "expect" || InterpreterCodeFlags.ContainsKey(StripVersion(name)) || ReplPrograms.ContainsKey(name)) && !PrintsAndExits(draft))
        {
            draft.Tag(ShellTags.Opaque, name + " starts interactively " + WhereItRuns(draft) + ": what it runs comes from an input nobody can see before it runs");
        }
    }

    /// <summary>
    /// <c>node -v</c>, <c>python3 --version</c>, <c>bash --help</c>: the program prints and exits without reading
    /// commands. A shell's short options are shell options (<c>bash -h</c> is hashall, <c>sh -v</c> verbose) and
    /// python's <c>-v</c> is verbose, so only their long forms count.
    /// </summary>
    private static bool PrintsAndExits(CommandDraft draft)
    {
        var longOnly = Shells.Contains(draft.Program);
        var verboseV = longOnly || draft.Program.StartsWith("python", StringComparison.Ordinal) || draft.Program.StartsWith("pypy", StringComparison.Ordinal);
        return draft.Args.Exists(a => a.Text is "--version" or "--help" || (!longOnly && a.Text is "-V" or "-h" or "-help" or "-version") || (!verboseV && a.Text == "-v"));
    }

    /// <summary>
    /// <c>make --eval=TEXT</c> / <c>-E TEXT</c>: the text is makefile source, and its recipe lines (after a tab, without
    /// make's <c>-</c>, <c>@</c> and <c>+</c> prefixes) are shell commands make runs.
    /// </summary>
    private void MakeEval(CommandDraft draft, int depth, Inherited nested)
    {
        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            var source = text.StartsWith("--eval=", StringComparison.Ordinal) ? text["--eval=".Length..]
                : text is "--eval" or "-E" && i + 1 < args.Count ? args[++i].Text
                : null;
            if (source is null)
            {
                continue;
            }

            foreach (var line in source.Split('\n'))
            {
                if (line.StartsWith('\t') && line.TrimStart('\t', '-', '@', '+', ' ') is { Length: > 0 } recipe)
                {
                    ParseScriptArgument(draft, args[i] with { Text = recipe }, "make --eval recipe", depth, nested);
                }
            }

            // $(shell CMD) runs CMD while make reads the text.
            for (var at = source.IndexOf("$(shell ", StringComparison.Ordinal); at >= 0; at = source.IndexOf("$(shell ", at + 1, StringComparison.Ordinal))
            {
                var end = source.IndexOf(')', at);
                var command = end < 0 ? source[(at + 8)..] : source[(at + 8)..end];
                ParseScriptArgument(draft, args[i] with { Text = command }, "make $(shell)", depth, nested);
            }
        }
    }

    /// <summary>Folders of installed programs (<c>/bin</c>, <c>/usr/local/sbin</c>…).</summary>
    private static bool IsBinaryFolder(string path)
        => path.TrimEnd('/') is "/bin" or "/sbin" or "/usr/bin" or "/usr/sbin" or "/usr/local/bin" or "/usr/local/sbin" or "/opt/homebrew/bin";

    /// <summary>
    /// <c>-e</c>, <c>-ne</c>, <c>-lane</c>: single-letter flags ending in the code flag. Not an option whose value is
    /// attached (<c>-MLWP::Simple</c>, <c>-rrake</c>, <c>-Iinclude</c>): its last letter belongs to the value, and the code
    /// flag is a later word.
    /// </summary>
    private static bool IsFlagCluster(string text)
        => text.Length == 2 || (!text.AsSpan(1).ContainsAnyExcept(AsciiLetters) && text[1] is not ('m' or 'r' or 'x' or 'd' or 'i' or 'M' or 'I' or 'X' or 'D' or 'C' or 'F'));

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private void HandleInterpreter(CommandDraft draft, string codeFlags, int depth, Inherited nested)
    {
        if (draft.Program is "pwsh" or "powershell" or "pwsh-preview" or "powershell.exe" or "pwsh.exe")
        {
            HandlePowerShell(draft, depth, nested);
            return;
        }

        if (InteractiveFlag(draft) is { } interactive)
        {
            draft.Tag(ShellTags.Opaque, draft.Program + " " + interactive + " stays interactive after its script " + WhereItRuns(draft) + ": what it runs next is typed after it starts");
        }

        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            var isCodeFlag = text is "--eval" or "--print" or "-Command" or "-command" or "-EncodedCommand" or "-encodedcommand" or "-e" or "-c" or "-eval"
                || (i == 0 && text == "eval" && draft.Program is "deno" or "bun")
                || (text.Length >= 2 && text[0] == '-' && text[1] != '-' && codeFlags.Contains(text[^1], StringComparison.Ordinal) && IsFlagCluster(text));
            if (isCodeFlag && text != "-")
            {
                if (text.StartsWith("-Enc", StringComparison.OrdinalIgnoreCase) || text.StartsWith("-enc", StringComparison.Ordinal))
                {
                    draft.Tag(ShellTags.Opaque, "runs encoded code");
                    return;
                }

                if (i + 1 >= args.Count)
                {
                    return;
                }

                var code = args[i + 1];
                if (code.RemoteContent)
                {
                    draft.Tag(ShellTags.RemoteCode, "runs downloaded or decoded code");
                }

                if (code.Dynamic)
                {
                    draft.Tag(ShellTags.Opaque, "runs code computed at run time");
                }

                AnalyzeCode(draft, code.Text, depth, nested);
                return;
            }

            if (text.Length > 1 && text[0] == '-')
            {
                if (text == "-m" && i + 1 < args.Count)
                {
                    Module(draft, args[i + 1].Text, args.Skip(i + 2).Select(a => a.Text).ToList());
                    return;
                }

                if (text is "-W" or "-X" or "-I" or "-r" or "--require")
                {
                    i++;
                }

                continue;
            }

            if (draft.Program is "node" or "nodejs" && text is "inspect" or "debug")
            {
                draft.Tag(ShellTags.Opaque, draft.Program + " " + text + " opens a debugger prompt that runs any code " + WhereItRuns(draft) + ": what it runs is typed after it starts");
                return;
            }

            if (i == args.Count - 1 && ReplSubcommands.TryGetValue(draft.Program, out var subcommands) && Array.IndexOf(subcommands, text) >= 0)
            {
                draft.Tag(ShellTags.Opaque, draft.Program + " " + text + " opens an interactive session " + WhereItRuns(draft) + ": what it runs is typed after it starts");
                return;
            }

            ScriptFile(draft, args[i], depth, nested);
            return;
        }

        ReadsStdin(draft, draft.Program, depth, nested, asShell: false);
    }

    /// <summary>PowerShell's options that take a value (case-insensitive, any unambiguous prefix PowerShell accepts is listed).</summary>
    private static readonly HashSet<string> PowerShellValueOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "-ExecutionPolicy", "-ex", "-exec", "-ep", "-WindowStyle", "-w", "-win", "-ConfigurationName", "-config", "-OutputFormat", "-o", "-of", "-InputFormat", "-in", "-if",
        "-WorkingDirectory", "-wd", "-wo", "-Version", "-v", "-PSConsoleFile", "-SettingsFile", "-settings", "-CustomPipeName", "-ConfigurationFile", "-ExecutionTimeout",
    };

    /// <summary>
    /// PowerShell reads its command line its own way: options that take a value (<c>-ExecutionPolicy Bypass</c>) are
    /// skipped with it, <c>-Command</c> takes every word after it as the code, <c>-File</c> names a script, encoded
    /// commands are opaque, and a positional word is a script file when it names a <c>.ps1</c> file and otherwise the
    /// start of a command (Windows PowerShell's default; pwsh would try it as a file first, so the analysis sees more).
    /// </summary>
    private void HandlePowerShell(CommandDraft draft, int depth, Inherited nested)
    {
        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text.Length > 1 && text[0] == '-')
            {
                if (text is "--version" or "--help" or "-?" || text.Equals("-Help", StringComparison.OrdinalIgnoreCase) || text.Equals("-h", StringComparison.OrdinalIgnoreCase)
                    || ((text.Equals("-Version", StringComparison.OrdinalIgnoreCase) || text.Equals("-v", StringComparison.OrdinalIgnoreCase)) && (i + 1 >= args.Count || !char.IsAsciiDigit(args[i + 1].Text.FirstOrDefault()))))
                {
                    return;
                }

                if (PowerShellValueOptions.Contains(text))
                {
                    i++;
                    continue;
                }

                if (text.StartsWith("-e", StringComparison.OrdinalIgnoreCase) && "-encodedcommand".StartsWith(text, StringComparison.OrdinalIgnoreCase) || text.Equals("-ec", StringComparison.OrdinalIgnoreCase))
                {
                    draft.Tag(ShellTags.Opaque, "runs encoded code");
                    return;
                }

                if (text.Equals("-f", StringComparison.OrdinalIgnoreCase) || text.Equals("-File", StringComparison.OrdinalIgnoreCase))
                {
                    if (i + 1 < args.Count)
                    {
                        ScriptFile(draft, args[i + 1], depth, nested);
                    }

                    return;
                }

                if (text.Equals("-c", StringComparison.OrdinalIgnoreCase) || (text.Length > 2 && "-command".StartsWith(text, StringComparison.OrdinalIgnoreCase)))
                {
                    PowerShellCode(draft, args, i + 1, depth, nested);
                    return;
                }

                continue;
            }

            if (text.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || text == "-")
            {
                ScriptFile(draft, args[i], depth, nested);
                return;
            }

            PowerShellCode(draft, args, i, depth, nested);
            return;
        }

        ReadsStdin(draft, draft.Program, depth, nested, asShell: false);
    }

    /// <summary>The words from <paramref name="start"/> on, joined as PowerShell joins them, analysed as code.</summary>
    private void PowerShellCode(CommandDraft draft, List<ExpandedWord> args, int start, int depth, Inherited nested)
    {
        if (start >= args.Count)
        {
            return;
        }

        var code = new System.Text.StringBuilder();
        for (var k = start; k < args.Count; k++)
        {
            var word = args[k];
            if (word.RemoteContent)
            {
                draft.Tag(ShellTags.RemoteCode, "runs downloaded or decoded code");
            }

            if (word.Dynamic)
            {
                draft.Tag(ShellTags.Opaque, "runs code computed at run time");
            }

            code.Append(k > start ? " " : string.Empty).Append(word.Text);
        }

        AnalyzeCode(draft, code.ToString(), depth, nested);
    }

    private void AnalyzeCode(CommandDraft draft, string code, int depth, Inherited nested)
    {
        draft.Code = code;
        draft.Tag(ShellTags.InlineCode, "runs inline " + draft.Program + " code");
        var collect = nested with { CollectOnly = true };
        foreach (var literal in CodeScanner.ShellStrings(code))
        {
            foreach (var inner in session.ParseNested(literal, draft.Program + " code", depth + 1, collect))
            {
                foreach (var tag in inner.Tags)
                {
                    if (ShellTags.IsHighRisk(tag) && tag != ShellTags.Opaque)
                    {
                        draft.Tag(tag, "code runs: " + inner.Program + " (" + string.Join(", ", inner.Findings.Take(1)) + ")");
                    }
                }
            }
        }

        CodeScanner.Scan(draft, code);
    }

    private void HandleFindExec(CommandDraft draft, int depth, Inherited nested, List<CommandDraft> emitted)
    {
        var args = draft.Args;
        var start = args.FindIndex(a => a.Text.StartsWith('-') || a.Text is "(" or "!");
        var roots = (start < 0 ? args : args.Take(start)).Select(a => a.Text).ToList();
        var root = roots.Count == 0 ? "." : roots[0];
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Text is not ("-exec" or "-execdir" or "-ok" or "-okdir"))
            {
                continue;
            }

            var inner = new List<ExpandedWord>();
            var j = i + 1;
            for (; j < args.Count && args[j].Text is not (";" or "+"); j++)
            {
                inner.Add(args[j].Text.Contains("{}", StringComparison.Ordinal)
                    ? args[j] with { Text = args[j].Text.Replace("{}", root.TrimEnd('/') + "/{}", StringComparison.Ordinal) }
                    : args[j]);
            }

            if (inner.Count > 0)
            {
                var innerDraft = Emit(inner, [], null, "find -exec", depth + 1, nested, emitted);
                if (innerDraft is not null)
                {
                    draft.AddFinding("find runs " + innerDraft.Program);
                }
            }

            i = j;
        }
    }

    /// <summary>
    /// Programs that run a command given as an argument: <c>trap 'cmd'</c>, <c>at</c>/<c>batch</c> (stdin), <c>script -c</c>,
    /// awk programs (<c>system("…")</c>), <c>tar --to-command=</c> / <c>--checkpoint-action=exec=</c>, <c>rsync -e</c>,
    /// and <c>git -c core.sshCommand=</c> / <c>core.pager=</c> / <c>alias.x=!…</c>.
    /// </summary>
    private void HandleEmbeddedCommands(CommandDraft draft, string name, int depth, ref NestedInherited nested)
    {
        var args = draft.Args;
        switch (name)
        {
            case "trap" when args.Count > 0 && args[0].Text is not ("-" or "-p" or "-l" or ""):
                ParseScriptArgument(draft, args[0], "trap", depth, nested.Get());
                break;
            case "at" or "batch":
                if (ValueOf(args, "-f", "--file") is { } file)
                {
                    ScriptFile(draft, file, depth, nested.Get());
                }
                else
                {
                    ReadsStdin(draft, name, depth, nested.Get(), asShell: true);
                }

                break;
            case "script" when ValueOf(args, "-c", "--command") is { } command:
                ParseScriptArgument(draft, command, "script -c", depth, nested.Get());
                break;
            case "script":
                draft.Tag(ShellTags.Opaque, "script without -c starts an interactive shell");
                break;
            case "make" or "gmake" or "bmake":
                MakeEval(draft, depth, nested.Get());
                ToolEscapes(draft, name, depth, ref nested);
                break;
            case "run-parts" when args.Exists(a => a.Text.Length > 0 && a.Text[0] != '-' && IsBinaryFolder(a.Text)):
                draft.Tag(ShellTags.Opaque, "run-parts runs every program of a system binary folder that its pattern selects (shells included)");
                break;
            case "ssh" or "scp" or "sftp" or "rsync" when args.Exists(a => a.Text.Contains("ProxyCommand", StringComparison.OrdinalIgnoreCase) || a.Text.Contains("LocalCommand", StringComparison.OrdinalIgnoreCase)):
                draft.Tag(ShellTags.Opaque, name + " runs a local command from its options (ProxyCommand/LocalCommand)");
                break;
            case "awk" or "gawk" or "mawk" or "nawk" or "busybox-awk":
                for (var i = 0; i < args.Count; i++)
                {
                    var text = args[i].Text;
                    if (text is "-f" or "--file" && i + 1 < args.Count)
                    {
                        ScriptFile(draft, args[i + 1], depth, nested.Get());
                        break;
                    }

                    if (text is "-F" or "-v")
                    {
                        i++;
                        continue;
                    }

                    if (!text.StartsWith('-'))
                    {
                        AnalyzeCode(draft, text, depth, nested.Get());
                        break;
                    }
                }

                break;
            case "tar" or "rsync" or "git" or "zip":
                for (var i = 0; i < args.Count; i++)
                {
                    var text = args[i].Text;
                    string? embedded = null;
                    foreach (var prefix in EmbeddedCommandOptions)
                    {
                        if (text.StartsWith(prefix, StringComparison.Ordinal))
                        {
                            embedded = text[prefix.Length..];
                        }
                    }

                    if (embedded is null && i + 1 < args.Count && ((name == "rsync" && text == "-e") || (name == "tar" && text == "-I") || (name == "zip" && text == "-TT")))
                    {
                        embedded = args[++i].Text;
                    }

                    if (embedded is null && name == "git" && text == "-c" && i + 1 < args.Count)
                    {
                        var setting = args[++i].Text;
                        var eq = setting.IndexOf('=', StringComparison.Ordinal);
                        var key = eq < 0 ? setting : setting[..eq];
                        var value = eq < 0 ? string.Empty : setting[(eq + 1)..];
                        if (IsGitRunSetting(key, value))
                        {
                            embedded = value.TrimStart('!');
                        }
                    }

                    // --config-env=KEY=VAR takes the setting's value from an environment variable: not on the line.
                    if (embedded is null && name == "git" && text.StartsWith("--config-env=", StringComparison.Ordinal)
                        && text["--config-env=".Length..] is var configEnv && configEnv.IndexOf('=', StringComparison.Ordinal) is var at and > 0
                        && IsGitRunSetting(configEnv[..at], "?"))
                    {
                        draft.Tag(ShellTags.Opaque, "git " + text + " runs a command taken from the environment at run time");
                    }

                    if (embedded is null && name == "git" && text == "config")
                    {
                        var rest = args.Skip(i + 1).Where(a => !a.Text.StartsWith('-')).ToList();
                        if (rest.Count >= 2 && (IsGitCommandSetting(rest[0].Text, rest[1].Text) || rest[0].Text.EndsWith("hookspath", StringComparison.OrdinalIgnoreCase) || rest[0].Text.Equals("credential.helper", StringComparison.OrdinalIgnoreCase) && rest[1].Text.StartsWith('!')))
                        {
                            draft.Tag(ShellTags.Opaque, "git config makes git run " + Shorten(rest[1].Text) + " later (" + rest[0].Text + ")");
                            embedded = rest[1].Text.TrimStart('!');
                        }

                        break;
                    }

                    // A command option whose value is computed at run time (git -c core.sshCommand="$X", rsync -e "$X").
                    if (embedded is not null && args[i].Dynamic)
                    {
                        draft.Tag(ShellTags.Opaque, name + " runs a command computed at run time (" + Shorten(args[i].Text) + ")");
                    }

                    if (!string.IsNullOrWhiteSpace(embedded))
                    {
                        ParseScriptArgument(draft, args[i] with { Text = embedded }, name + " option", depth, nested.Get());
                    }
                }

                break;
            case "sed" or "gsed":
                SedCommands(draft, depth, nested.Get());
                break;
            case "flock" when ValueOf(args, "-c", "--command") is { } command:
                ParseScriptArgument(draft, command, "flock -c", depth, nested.Get());
                break;
            case "man" when ValueOf(args, "-P", "--pager") is { } pager:
                ParseScriptArgument(draft, pager, "man -P", depth, nested.Get());
                draft.Tag(ShellTags.Opaque, "man -P runs a pager command");
                break;
            case "man" when ManBrowser(args) is { } browser:
                ParseScriptArgument(draft, browser, "man --html", depth, nested.Get());
                draft.Tag(ShellTags.Opaque, "man --html runs a browser command");
                break;
            case "at" or "batch" or "systemd-run":
                break;
            default:
                ToolEscapes(draft, name, depth, ref nested);
                break;
        }
    }

    /// <summary>git settings whose value is a command git runs: <c>core.sshCommand</c>, <c>core.pager</c>, <c>core.editor</c>, <c>core.fsmonitor</c>, <c>filter.*</c>, <c>diff.external</c>, <c>*.textconv</c>, <c>alias.x=!cmd</c>.</summary>
    private static bool IsGitCommandSetting(string key, string value)
        => value.StartsWith('!') || key.EndsWith("sshcommand", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".pager", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith(".editor", StringComparison.OrdinalIgnoreCase) || key.EndsWith("fsmonitor", StringComparison.OrdinalIgnoreCase) || key.StartsWith("filter.", StringComparison.OrdinalIgnoreCase)
            || key.Equals("diff.external", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".textconv", StringComparison.OrdinalIgnoreCase);

    /// <summary>man's <c>-H</c>/<c>--html</c> with a browser command attached (<c>-Hfirefox</c>, <c>--html=cmd</c>), or null: without one it uses <c>BROWSER</c>.</summary>
    private static ExpandedWord? ManBrowser(List<ExpandedWord> args)
    {
        foreach (var arg in args)
        {
            var text = arg.Text;
            if (text.StartsWith("--html=", StringComparison.Ordinal) && text.Length > "--html=".Length)
            {
                return arg with { Text = text["--html=".Length..] };
            }

            if (text.Length > 2 && text[0] == '-' && text[1] == 'H')
            {
                return arg with { Text = text[2..] };
            }
        }

        return null;
    }

    /// <summary>
    /// A setting given for one run (<c>git -c</c>, <c>--config-env</c>) whose value git runs as a command: the settings of
    /// <see cref="IsGitCommandSetting"/>, and <c>pager.&lt;cmd&gt;</c> (unless a boolean), any <c>*.program</c>
    /// (<c>gpg.program</c>), any <c>*.cmd</c> (<c>difftool.x.cmd</c>, <c>browser.x.cmd</c>) and <c>core.askPass</c>.
    /// </summary>
    private static bool IsGitRunSetting(string key, string value)
        => IsGitCommandSetting(key, value) || key.EndsWith(".program", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".cmd", StringComparison.OrdinalIgnoreCase)
            || key.EndsWith(".askpass", StringComparison.OrdinalIgnoreCase)
            || (key.StartsWith("pager.", StringComparison.OrdinalIgnoreCase) && !Array.Exists(GitBooleans, b => value.Equals(b, StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] GitBooleans = ["true", "false", "yes", "no", "on", "off", "1", "0"];

    private static readonly string[] EmbeddedCommandOptions = ["--to-command=", "--checkpoint-action=exec=", "--use-compress-program=", "--rsh=", "--info-script=", "--new-volume-script="];
}
