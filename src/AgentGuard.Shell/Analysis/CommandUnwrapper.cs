namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Looks through wrappers to the program that really runs: sudo, doas, env, nohup, timeout, nice, xargs, find -exec,
/// and shells or interpreters given a script (<c>bash -c</c>, <c>eval</c>, <c>python -c</c>, stdin fed by a pipe or a
/// here-document). Each command found is classified and emitted.
/// </summary>
internal sealed partial class CommandUnwrapper(AnalysisSession session)
{
    internal static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "posh", "rc", "sash", "yash", "oksh", "loksh", "elvish", "nu", "xonsh", "rbash" };

    private static readonly HashSet<string> PrivilegeWrappers = new(StringComparer.Ordinal) { "sudo", "doas", "pkexec", "runuser" };

    private static readonly Dictionary<string, string> InterpreterCodeFlags = new(StringComparer.Ordinal)
    {
        ["python"] = "c", ["python2"] = "c", ["python3"] = "c", ["pypy"] = "c", ["pypy3"] = "c",
        ["node"] = "ep", ["nodejs"] = "ep", ["deno"] = "e", ["bun"] = "e",
        ["perl"] = "eE", ["ruby"] = "e", ["php"] = "r", ["lua"] = "e", ["Rscript"] = "e",
        ["pwsh"] = "c", ["powershell"] = "c", ["osascript"] = "e", ["julia"] = "e", ["tclsh"] = string.Empty, ["wish"] = string.Empty, ["irb"] = string.Empty,
        ["ghci"] = "e", ["jrunscript"] = "e", ["jjs"] = string.Empty, ["scala"] = "e", ["groovy"] = "e", ["bb"] = "e", ["elixir"] = "e", ["iex"] = string.Empty,
        ["erl"] = string.Empty, ["racket"] = "e", ["guile"] = "c", ["sbcl"] = string.Empty, ["ecl"] = string.Empty, ["slsh"] = "e", ["tclsh8.6"] = string.Empty, ["m4"] = string.Empty, ["clisp"] = "x", ["octave"] = string.Empty, ["octave-cli"] = string.Empty, ["gnuplot"] = "e", ["R"] = "e",
    };

    /// <summary>Emits a command that cannot be understood.</summary>
    public CommandDraft EmitOpaque(string program, string origin, string reason, Inherited inherited)
    {
        var draft = new CommandDraft
        {
            Path = program,
            Program = program,
            Args = [],
            Redirects = [],
            Wrappers = inherited.Wrappers,
            Origin = origin,
            WorkingDirectory = session.WorkingDirectory,
            CollectOnly = inherited.CollectOnly,
        };
        draft.Tag(ShellTags.Opaque, reason);
        Add(draft, null);
        return draft;
    }

    /// <summary>Emits the commands for one expanded simple command; returns the one that really runs.</summary>
    public CommandDraft? Emit(List<ExpandedWord> words, IReadOnlyList<RedirectInfo> redirects, CommandDraft? upstream, string origin, int depth, Inherited inherited, List<CommandDraft> emitted)
    {
        // Copied on write (Append): most commands have no wrapper and inherit no tag, and then cost no list.
        var wrappers = inherited.Wrappers;
        var tags = inherited.Tags;
        var i = 0;
        var xargs = false;
        while (i < words.Count)
        {
            var word = words[i];
            if (word.Dynamic || word.Glob || word.Text.Length == 0)
            {
                break;
            }

            var program = ProgramName(word.Text);

            // Builtins and keywords cannot be run by a path: /path/to/command is a program called "command".
            if (word.Text.Contains('/', StringComparison.Ordinal) && program is "command" or "builtin" or "exec" or "time")
            {
                break;
            }

            var next = program switch
            {
                "env" => SkipEnv(words, i + 1, depth, inherited with { Wrappers = [.. wrappers, "env"], Tags = tags }, emitted),
                "nohup" or "builtin" or "unbuffer" or "chronic" or "busybox" or "toybox" => i + 1,
                "time" => SkipOptions(words, i + 1, "o", "p"),
                "strace" => SkipOptions(words, i + 1, "oepsuEIabPX", "fFqvcCwyrtTiDkhV"),
                "ltrace" => SkipOptions(words, i + 1, "aADeFlnopsuwx", "bcCfhiLrStTV"),
                "exec" => SkipOptions(words, i + 1, "a", "cl"),
                "command" => words.Skip(i + 1).Any(w => w.Text is "-v" or "-V") ? -1 : SkipOptions(words, i + 1, string.Empty, "pvV"),
                "nice" => SkipNice(words, i + 1),
                "ionice" => SkipOptions(words, i + 1, "cnp", "t"),
                "stdbuf" => SkipOptions(words, i + 1, "ioe", string.Empty),
                "timeout" => SkipTimeout(words, i + 1),
                "chroot" => SkipChroot(words, i + 1),
                "xargs" => SkipOptions(words, i + 1, "IinPLsdEae", "0rtpxl"),
                "sudo" => SkipOptions(words, i + 1, "ugCDhprTUc", "AbEeHiKklnPSsVv"),
                "doas" => SkipOptions(words, i + 1, "uC", "ns"),
                "pkexec" => SkipOptions(words, i + 1, "u", string.Empty),
                "runuser" => SkipOptions(words, i + 1, "ugGc", "lmp"),
                _ => Runners.CommandStart(program, words, i),
            };

            if (next < 0)
            {
                break;
            }

            // A runner's own words are classified as a command of their own, and so are the option values any other
            // wrapper consumed when one names a credential file (xargs -a /etc/shadow, ltrace -F ~/.netrc): a value
            // the wrapper reads is an argument like any other.
            if (next > i && (Runners.IsRunner(program) || NamesCredentialFile(words, i + 1, next)))
            {
                var runnerDraft = NewDraft(word.Text, program, words.GetRange(i + 1, next - i - 1), redirects, wrappers, origin, upstream, inherited.CollectOnly, isWrapper: true);
                ShellClassifier.Classify(runnerDraft, session);
                Finish(runnerDraft, tags, emitted);
            }

            if (PrivilegeWrappers.Contains(program))
            {
                var wrapperDraft = NewDraft(word.Text, program, words.Skip(i + 1), redirects, wrappers, origin, upstream, inherited.CollectOnly, isWrapper: true);
                wrapperDraft.Tag(ShellTags.Privilege, program + " runs a command with elevated privileges");
                Finish(wrapperDraft, tags, emitted);
                if (!tags.Contains(ShellTags.Privilege))
                {
                    tags = Append(tags, ShellTags.Privilege);
                }
            }

            if (program == "env" && next >= words.Count)
            {
                break;
            }

            if (program == "env")
            {
                for (var k = i + 1; k < next; k++)
                {
                    var eq = words[k].Text.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0 && ShellClassifier.IsHijackVariable(words[k].Text[..eq]) && !tags.Contains(ShellTags.Opaque))
                    {
                        tags = Append(tags, ShellTags.Opaque);
                    }
                }
            }

            wrappers = Append(wrappers, program);
            xargs |= program == "xargs";
            i = next;
            if (i >= words.Count)
            {
                if (program == "xargs")
                {
                    words.Add(ExpandedWord.Literal("echo"));
                    continue;
                }

                return emitted.Count > 0 ? emitted[^1] : null;
            }
        }

        if (i >= words.Count)
        {
            return null;
        }

        // The words are this call's own (every caller builds them for it): the head and its wrappers are dropped in
        // place and the rest are the arguments, instead of a copy per command.
        var head = words[i];
        words.RemoveRange(0, i + 1);
        var args = words;
        if (xargs)
        {
            args.Add(new ExpandedWord(string.Empty, Dynamic: true));
        }

        if (head.Dynamic || head.Glob || head.Text.Length == 0)
        {
            var opaque = NewDraft(head.Text.Length == 0 ? "?" : head.Text, Basename(head.Text.Length == 0 ? "?" : head.Text), args, redirects, wrappers, origin, upstream, inherited.CollectOnly);
            opaque.Tag(ShellTags.Opaque, head.Glob ? "the program name is a glob pattern" : "the program name is computed at run time");
            if (head.RemoteContent)
            {
                opaque.Tag(ShellTags.RemoteCode, "runs downloaded or decoded content");
            }

            ShellClassifier.Classify(opaque, session);
            Finish(opaque, tags, emitted);
            return opaque;
        }

        var name = ProgramName(head.Text);
        var draft = NewDraft(head.Text, name, args, redirects, wrappers, origin, upstream, inherited.CollectOnly);
        if (head.Decoded)
        {
            draft.Tag(ShellTags.Opaque, "the program name is decoded from printf/echo escapes at run time");
        }

        var nested = new NestedInherited(wrappers, name, tags, inherited.CollectOnly);
        if (head.Text.Contains('/', StringComparison.Ordinal))
        {
            if (session.WrittenFile(head.Text) is { } script)
            {
                draft.AddTag(ShellTags.ScriptFile);
                session.ParseNested(script, head.Text, depth + 1, nested.Get());
            }

            if (ShellClassifier.IsDownloaded(session, head.Text))
            {
                draft.Tag(ShellTags.RemoteCode, "runs a file downloaded earlier on the line");
            }

            if (NameStatesShellOrCapture(head.Text))
            {
                draft.Tag(ShellTags.Opaque, head.Text + "'s name says it opens a shell or captures input: what it does is in a file the line does not show");
            }
        }

        if (Shells.Contains(name) || name is "source" or ".")
        {
            HandleShell(draft, name, depth, nested.Get());
        }
        else if (name == "eval")
        {
            HandleEval(draft, depth, nested.Get());
        }
        else if (InterpreterCodeFlags.TryGetValue(StripVersion(name), out var flags))
        {
            HandleInterpreter(draft, flags, depth, nested.Get());
        }
        else if (ReplPrograms.TryGetValue(name, out var repl))
        {
            HandleRepl(draft, name, repl, depth, nested.Get());
        }
        else if (name == "java")
        {
            JavaLauncher(draft, depth, nested.Get());
            HandleEmbeddedCommands(draft, name, depth, ref nested);
        }
        else if (name == "su")
        {
            draft.Tag(ShellTags.Privilege, "su switches user");
            var script = ValueOf(args, "-c", "--command");
            if (script is { } s)
            {
                ParseScriptArgument(draft, s, "su -c", depth, nested.Get() with { Tags = [.. tags, ShellTags.Privilege] });
            }
        }
        else if (name is "ssh" && RemoteCommand(args) is { } remote)
        {
            ParseScriptArgument(draft, remote, "ssh", depth, nested.Get());
        }
        else if (name is "watch" && args.Count > 0)
        {
            var rest = SkipOptions(args, 0, "nd", "tbegcx");
            if (rest >= 0 && rest < args.Count)
            {
                session.ParseNested(string.Join(' ', args.Skip(rest).Select(a => a.Text)), "watch", depth + 1, nested.Get());
            }
        }
        else if (name == "find")
        {
            HandleFindExec(draft, depth, nested.Get(), emitted);
        }
        else
        {
            HandleEmbeddedCommands(draft, name, depth, ref nested);
        }

        if (EnablesShellEscapes(draft) is { } escapeOption)
        {
            draft.Tag(ShellTags.Opaque, name + " " + escapeOption + " lets the files it reads run commands: what they run is not on the line");
        }

        if (EscapingPrograms.Contains(name))
        {
            InteractiveSession(draft, name, depth, ref nested);
        }

        if ((name is "ssh" or "docker" or "podman" or "nerdctl" || LoginSessions.ContainsKey(name)) && IsProgramPath(head.Text))
        {
            RemoteLoginSession(draft, name, depth, nested.Get());
        }
        ShellClassifier.Classify(draft, session);
        Finish(draft, tags, emitted);
        return draft;
    }

    private void Finish(CommandDraft draft, IReadOnlyList<string> tags, List<CommandDraft> emitted)
    {
        for (var t = 0; t < tags.Count; t++)
        {
            draft.AddTag(tags[t]);
        }

        Add(draft, emitted);
    }

    private void Add(CommandDraft draft, List<CommandDraft>? emitted)
    {
        emitted?.Add(draft);
        if (!draft.CollectOnly)
        {
            if (session.LimitReached)
            {
                session.Commands[^1].Tag(ShellTags.Opaque, "the line has more than " + AnalysisSession.MaxCommands + " commands");
                return;
            }

            session.Commands.Add(draft);
        }
    }

    private static bool NamesCredentialFile(List<ExpandedWord> words, int start, int end)
    {
        for (var k = start; k < end && k < words.Count; k++)
        {
            if (!words[k].Dynamic && PathRules.CredentialMatch(words[k]) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new list of <paramref name="list"/> and <paramref name="item"/>: lists passed on to drafts and nested commands are never changed after.</summary>
    private static List<string> Append(IReadOnlyList<string> list, string item)
    {
        var result = new List<string>(list.Count + 1);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(list[i]);
        }

        result.Add(item);
        return result;
    }

    private CommandDraft NewDraft(string path, string program, IEnumerable<ExpandedWord> args, IReadOnlyList<RedirectInfo> redirects, IReadOnlyList<string> wrappers, string origin, CommandDraft? upstream, bool collectOnly, bool isWrapper = false)
    {
        var draft = new CommandDraft
        {
            Path = path,
            Program = program,
            Args = args as List<ExpandedWord> ?? [.. args],
            Redirects = redirects,
            Wrappers = wrappers.Count == 0 ? [] : [.. wrappers],
            Origin = origin,
            WorkingDirectory = session.WorkingDirectory,
            IsWrapper = isWrapper,
            CollectOnly = collectOnly,
        };
        draft.Upstream = upstream;
        var readsFile = false;
        for (var r = 0; r < redirects.Count; r++)
        {
            var redirect = redirects[r];
            readsFile |= redirect.Operator == "<";
            if (redirect.HereDocumentBody is { } body && redirect.Operator is "<<" or "<<-" or "<<<")
            {
                draft.StdinText = body;
            }
        }

        if (draft.StdinText is null && upstream?.OutputText is { } piped)
        {
            draft.StdinText = piped;
        }
        else if (draft.StdinText is null && upstream is null && !readsFile)
        {
            draft.StdinText = session.ProcessStandardInput;
        }

        return draft;
    }

    /// <summary>The program's name without its directory: <c>/usr/bin/rm</c> is <c>rm</c>.</summary>
    /// <summary>
    /// The program a command word names. A name in capitals (<c>GIT</c>, <c>RM</c>) runs the lower-case program where
    /// the file system ignores case (macOS by default), so it is analysed as that program; the few real programs named
    /// in capitals (lwp's <c>GET</c>, <c>HEAD</c>, <c>POST</c>…) keep their name.
    /// </summary>
    public static string ProgramName(string path)
    {
        var name = Basename(path);
        return IsCapitalsOnly(name) && !CapitalPrograms.Contains(name) ? name.ToLowerInvariant() : name;
    }

    private static readonly HashSet<string> CapitalPrograms = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "MAKEDEV", "R", "X" };

    private static bool IsCapitalsOnly(string name)
    {
        var capitals = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return false;
            }

            capitals |= char.IsAsciiLetterUpper(c);
        }

        return capitals;
    }

    public static string Basename(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var name = slash < 0 ? trimmed : trimmed[(slash + 1)..];
        return name.Length == 0 ? path : name;
    }

    internal static string StripVersion(string name)
    {
        var end = name.Length;
        while (end > 0 && (char.IsAsciiDigit(name[end - 1]) || name[end - 1] == '.'))
        {
            end--;
        }

        var stem = name[..end];
        return stem is "python" or "pypy" or "perl" or "ruby" or "php" or "lua" or "node" ? stem : name;
    }

    /// <summary>Skips options; <paramref name="withValue"/> lists short options that take a value. Returns the command's index.</summary>
    private static int SkipOptions(List<ExpandedWord> words, int start, string withValue, string flags)
    {
        var i = start;
        while (i < words.Count)
        {
            var text = words[i].Text;
            if (text == "--")
            {
                return i + 1;
            }

            if (text.Length < 2 || text[0] != '-' || words[i].Dynamic)
            {
                return i;
            }

            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var takesValue = false;
            for (var k = 1; k < text.Length; k++)
            {
                if (withValue.Contains(text[k], StringComparison.Ordinal))
                {
                    takesValue = k == text.Length - 1;
                    break;
                }

                _ = flags;
            }

            i += takesValue ? 2 : 1;
        }

        return i;
    }

    private static int SkipNice(List<ExpandedWord> words, int start)
    {
        var i = start;
        while (i < words.Count && words[i].Text.StartsWith('-'))
        {
            i += words[i].Text is "-n" or "--adjustment" ? 2 : 1;
        }

        return i;
    }

    private static int SkipTimeout(List<ExpandedWord> words, int start)
    {
        var i = start;
        while (i < words.Count && words[i].Text.StartsWith('-') && words[i].Text != "--")
        {
            i += words[i].Text is "-s" or "-k" or "--signal" or "--kill-after" ? 2 : 1;
        }

        if (i < words.Count && words[i].Text == "--")
        {
            i++;
        }

        return i + 1;
    }

    private static int SkipChroot(List<ExpandedWord> words, int start)
    {
        var i = start;
        while (i < words.Count && words[i].Text.StartsWith('-'))
        {
            i++;
        }

        if (i + 1 >= words.Count)
        {
            words.Add(ExpandedWord.Literal("/bin/sh"));
        }

        return i + 1;
    }

    private int SkipEnv(List<ExpandedWord> words, int start, int depth, Inherited inherited, List<CommandDraft> emitted)
    {
        var i = start;
        while (i < words.Count)
        {
            var text = words[i].Text;
            if (text is "-S" or "--split-string" || text.StartsWith("--split-string=", StringComparison.Ordinal) || (text.StartsWith("-S", StringComparison.Ordinal) && text.Length > 2))
            {
                var script = text switch
                {
                    "-S" or "--split-string" => i + 1 < words.Count ? words[i + 1].Text : string.Empty,
                    _ when text.StartsWith("--", StringComparison.Ordinal) => text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..],
                    _ => text[2..],
                };
                var restStart = text is "-S" or "--split-string" ? i + 2 : i + 1;
                var rest = string.Join(' ', words.Skip(restStart).Select(w => w.Text));
                emitted.AddRange(session.ParseNested(script + " " + rest, "env -S", depth + 1, inherited));
                return words.Count;
            }

            if (text is "-u" or "--unset" or "-C" or "--chdir")
            {
                i += 2;
                continue;
            }

            if (text == "--")
            {
                i++;
                continue;
            }

            if ((text.StartsWith('-') && text.Length > 1) || (text.Contains('=', StringComparison.Ordinal) && !text.StartsWith('=')))
            {
                i++;
                continue;
            }

            break;
        }

        return i;
    }

    private static ExpandedWord? ValueOf(List<ExpandedWord> args, string shortFlag, string longFlag)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if ((args[i].Text == shortFlag || args[i].Text == longFlag) && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].Text.StartsWith(longFlag + "=", StringComparison.Ordinal))
            {
                return args[i] with { Text = args[i].Text[(longFlag.Length + 1)..] };
            }
        }

        return null;
    }

    /// <summary>The command ssh runs on the host, joined as ssh joins it, or null when there is none; dynamic when any of its words is.</summary>
    private static ExpandedWord? RemoteCommand(List<ExpandedWord> args)
    {
        var i = SshCommandStart(args, out _);
        if (i < 0 || i >= args.Count)
        {
            return null;
        }

        var words = args.Skip(i).ToList();
        return new ExpandedWord(
            string.Join(' ', words.Select(a => a.Text)),
            words.Exists(a => a.Dynamic),
            RemoteContent: words.Exists(a => a.RemoteContent),
            Decoded: words.Exists(a => a.Decoded));
    }
}
