using System.Collections.Frozen;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Read-eval-print loops of languages that have no code flag (<c>groovysh</c>, <c>ipython</c>, <c>swift</c>,
/// <c>jshell</c> with options), interpreters' flags that stay interactive after a script (<c>python -i</c>), java's
/// launcher, and programs or scripts whose file name states that they open a shell or capture input (a class called
/// <c>Shell</c>, <c>revshell.py</c>, <c>keylogger.js</c>, <c>add_login_item.osa</c>): what they run is typed after they
/// start, or is in a file the line does not show, so they are opaque.
/// </summary>
internal sealed partial class CommandUnwrapper
{
    /// <summary>How a REPL program reads its command line.</summary>
    /// <param name="OptionsWithValue">Options whose value is the next word.</param>
    /// <param name="BatchOptions">Options (or prefixes of options, such as clojure's <c>-X:alias</c>) that make it run something given on the line and exit.</param>
    private sealed record ReplSpec(string[] OptionsWithValue, string[] BatchOptions);

    private static readonly ReplSpec JvmRepl = new(["-cp", "-classpath", "--class-path", "--classpath", "-p", "--module-path", "--add-modules", "--add-exports", "--feedback", "--startup", "--execution", "-d", "-jdk-home", "-jvm-target", "-module-name", "-kotlin-home", "-api-version", "-language-version"], ["-e", "-expression", "-script"]);

    private static readonly ReplSpec ClojureRepl = new(["-Sdeps", "-Scp", "-Sthreads"], ["-X", "-T", "-m", "--main", "-e", "--eval", "-i", "--init", "-Spath", "-Stree", "-Sdescribe", "-Sverbose", "-P"]);

    private static readonly ReplSpec PythonRepl = new(["--profile", "--ipython-dir", "--config", "--logfile", "--logappend", "--colors", "--gui", "--pylab", "--paste"], ["-c", "-m", "--help-all"]);

    private static readonly ReplSpec PlainRepl = new(["-r", "-I", "-l", "--require"], ["-e", "-b", "--eval"]);

    /// <summary>Programs that are a REPL when no script or subcommand is given.</summary>
    private static readonly FrozenDictionary<string, ReplSpec> ReplPrograms = new Dictionary<string, ReplSpec>(StringComparer.Ordinal)
    {
        ["jshell"] = JvmRepl,
        ["groovysh"] = JvmRepl,
        ["kotlinc"] = JvmRepl,
        ["kotlinc-jvm"] = JvmRepl,
        ["clj"] = ClojureRepl,
        ["clojure"] = ClojureRepl,
        ["ipython"] = PythonRepl,
        ["ipython3"] = PythonRepl,
        ["bpython"] = PythonRepl,
        ["ptpython"] = PythonRepl,
        ["ptipython"] = PythonRepl,
        ["pry"] = PlainRepl,
        ["psysh"] = PlainRepl,
        ["luajit"] = PlainRepl,
        ["swift"] = PlainRepl,
        ["ocaml"] = PlainRepl,
        ["utop"] = PlainRepl,
        ["evcxr"] = PlainRepl,
        ["ts-node"] = PlainRepl,
        ["tsx"] = PlainRepl,
        ["coffee"] = PlainRepl,
        ["gore"] = PlainRepl,
        ["csi"] = PlainRepl,
        ["chez"] = PlainRepl,
        ["scheme"] = PlainRepl,
        ["petite"] = PlainRepl,
        ["mit-scheme"] = PlainRepl,
        ["gforth"] = PlainRepl,
        ["swipl"] = PlainRepl,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Interpreters' flags that keep a session open for typed input after the script or code (<c>python -i</c>, <c>node -i</c>).</summary>
    private static readonly FrozenDictionary<string, string[]> InteractiveFlags = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["python"] = ["-i"],
        ["pypy"] = ["-i"],
        ["node"] = ["-i", "--interactive"],
        ["nodejs"] = ["-i", "--interactive"],
        ["lua"] = ["-i"],
        ["julia"] = ["-i"],
        ["racket"] = ["-i", "--repl"],
        ["scala"] = ["-i"],
        ["ipython"] = ["-i"],
        ["ipython3"] = ["-i"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Python modules that open an interactive console (<c>python -m code</c>, <c>-m asyncio</c>) when given no script.</summary>
    private static bool IsConsoleModule(string module)
        => module is "code" or "asyncio" or "IPython" or "ptpython" or "bpython" or "ptipython";

    /// <summary>Debuggers whose prompt runs any code or shell command (<c>python -m pdb x.py</c>, <c>node inspect x.js</c>): interactive whatever script they are given.</summary>
    private static bool IsDebuggerModule(string module) => module is "pdb" or "ipdb" or "pudb" or "pudb3";

    /// <summary><c>ipython</c>, <c>groovysh</c>, <c>swift</c>…: a script or subcommand makes it a batch run; nothing makes it a REPL reading what is typed.</summary>
    private void HandleRepl(CommandDraft draft, string name, ReplSpec spec, int depth, Inherited nested)
    {
        if (InteractiveFlag(draft) is { } interactive)
        {
            draft.Tag(ShellTags.Opaque, name + " " + interactive + " stays interactive after its script " + WhereItRuns(draft) + ": what it runs next is typed after it starts");
        }

        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (Array.Exists(spec.BatchOptions, o => text == o || (o.Length == 2 && text.StartsWith(o, StringComparison.Ordinal) && name is "clj" or "clojure")))
            {
                return;
            }

            if (text is "-" or "/dev/stdin")
            {
                break;
            }

            if (text.Length > 1 && text[0] == '-')
            {
                i += Array.IndexOf(spec.OptionsWithValue, text) >= 0 ? 1 : 0;
                continue;
            }

            if (i == args.Count - 1 && ReplSubcommands.TryGetValue(name, out var subcommands) && Array.IndexOf(subcommands, text) >= 0)
            {
                draft.Tag(ShellTags.Opaque, name + " " + text + " opens an interactive session " + WhereItRuns(draft) + ": what it runs is typed after it starts");
                return;
            }

            // A file (swift main.swift, ocaml x.ml) is a script; any other word is a subcommand (swift build).
            if (text.Contains('.', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal) || args[i].Dynamic)
            {
                ScriptFile(draft, args[i], depth, nested);
            }

            return;
        }

        ReadsStdin(draft, name, depth, nested, asShell: false);
    }

    /// <summary>The interactive flag of an interpreter (<c>-i</c>), when nothing is fed on its standard input.</summary>
    private static string? InteractiveFlag(CommandDraft draft)
    {
        if (!InteractiveFlags.TryGetValue(StripVersion(draft.Program), out var flags) || draft.StdinText is not null || draft.Upstream is not null)
        {
            return null;
        }

        // Only the interpreter's own options count: they end at the script, the code (-c, -e, -m) or "--";
        // later words are the script's arguments (python3 scanner.py -i 10.0.0.7).
        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (Array.IndexOf(flags, text) >= 0 || (flags[0] == "-i" && IsPythonInteractiveCluster(draft.Program, text)))
            {
                return text;
            }

            if (text.Length < 2 || text[0] != '-' || arg.Dynamic || text is "--" or "-c" or "-e" or "-m" or "-p" or "--eval" or "--print")
            {
                break;
            }
        }

        return null;
    }

    /// <summary>python's flags combined with <c>-i</c> (<c>-ic</c>, <c>-iq</c>, <c>-Bi</c>): python's single-letter options without a value, and <c>c</c> last.</summary>
    private static bool IsPythonInteractiveCluster(string program, string text)
        => text.Length > 2 && text[0] == '-' && text[1] != '-' && text.Contains('i', StringComparison.Ordinal) && StripVersion(program) is "python" or "pypy"
            && text.AsSpan(1, text.Length - 2).IndexOfAnyExcept("bBdEiIOPqsSuvR") < 0 && text[^1] is 'c' or 'b' or 'B' or 'd' or 'E' or 'i' or 'I' or 'O' or 'P' or 'q' or 's' or 'S' or 'u' or 'v' or 'R';

    /// <summary>java's options whose value is the next word.</summary>
    private static readonly FrozenSet<string> JavaOptionsWithValue = FrozenSet.ToFrozenSet(
    [
        "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path", "--add-modules", "--add-exports", "--add-opens", "--add-reads",
        "--enable-native-access", "--limit-modules", "--patch-module", "--source",
    ], StringComparer.Ordinal);

    /// <summary>
    /// <c>java [options] MainClass|-jar file.jar|File.java</c>: the class, jar or source it runs is judged as a script
    /// file (downloaded or written on the line, or named for what it does); <c>-version</c> and <c>--help</c> only print.
    /// </summary>
    private void JavaLauncher(CommandDraft draft, int depth, Inherited nested)
    {
        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text is "-version" or "--version" or "-help" or "--help" or "-h" or "-?" or "-showversion" or "--show-version" or "--list-modules" or "--dry-run")
            {
                return;
            }

            if (text is "-jar" or "-m" or "--module")
            {
                if (i + 1 < args.Count)
                {
                    ScriptFile(draft, args[i + 1], depth, nested);
                }

                return;
            }

            if (text.Length > 1 && text[0] == '-')
            {
                // A class path names jars and folders whose classes run (java -cp revshell.jar Main).
                if (text is "-cp" or "-classpath" or "--class-path" && i + 1 < args.Count && Array.Exists(args[i + 1].Text.Split(':'), NameStatesShellOrCapture))
                {
                    draft.Tag(ShellTags.Opaque, "java's class path names " + Shorten(args[i + 1].Text) + ", whose name says it opens a shell or captures input");
                }

                i += JavaOptionsWithValue.Contains(text) ? 1 : 0;
                continue;
            }

            ScriptFile(draft, args[i], depth, nested);
            return;
        }
    }

    /// <summary>
    /// True when a program's, script's or class's file name (folder and extension aside, letters only, any case) says
    /// it opens a shell, captures input or installs a login item: exactly <c>shell</c>, or containing <c>revshell</c>,
    /// <c>reverseshell</c>, <c>bindshell</c>, <c>webshell</c>, <c>keylog</c> or <c>loginitem</c>. Names of a kind of
    /// program rather than of an effect (<c>malware.py</c>, <c>exploit.py</c>, <c>backdoor.pl</c>, which the continue
    /// labels count as running a local script) and any other name (<c>shell_completion.py</c>) say nothing about what the file does.
    /// </summary>
    internal static bool NameStatesShellOrCapture(string path)
    {
        // Each dot-separated part is read: an extension (revshell.py) or a Java package (com.evil.RevShell) around the name.
        var name = Basename(path).AsSpan();
        if (name.Length > 256)
        {
            return false;
        }

        foreach (var range in name.Split('.'))
        {
            if (PartStatesShellOrCapture(name[range]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PartStatesShellOrCapture(ReadOnlySpan<char> part)
    {
        Span<char> letters = stackalloc char[part.Length];
        var count = 0;
        foreach (var c in part)
        {
            if (char.IsAsciiLetter(c))
            {
                letters[count++] = char.ToLowerInvariant(c);
            }
        }

        ReadOnlySpan<char> word = letters[..count];
        return word is "shell" || word.Contains("revshell", StringComparison.Ordinal) || word.Contains("reverseshell", StringComparison.Ordinal)
            || word.Contains("bindshell", StringComparison.Ordinal) || word.Contains("webshell", StringComparison.Ordinal)
            || word.Contains("keylog", StringComparison.Ordinal) || word.Contains("loginitem", StringComparison.Ordinal);
    }
}
