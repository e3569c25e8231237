using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Programs whose own command language has a shell escape (an editor's <c>:!cmd</c>, a debugger's <c>shell cmd</c>,
/// an FTP or SQL client's <c>!cmd</c> / <c>\! cmd</c> / <c>.shell cmd</c>): the commands they read from standard input
/// are followed like any other script, and when nothing on the line says what they will read (they start an
/// interactive session) the command is opaque.
/// </summary>
internal sealed partial class CommandUnwrapper
{
    /// <summary>Programs whose command language runs shell commands (<c>!cmd</c> and friends).</summary>
    private static readonly FrozenSet<string> EscapingPrograms = FrozenSet.ToFrozenSet(
    [
        "vi", "vim", "nvim", "vim.tiny", "vim.basic", "vim.nox", "gvim", "view", "rview", "rvim", "vimdiff", "ex", "ed", "red", "nano", "pico", "emacs", "jed", "joe", "mg", "micro", "kak", "ne",
        "gdb", "gdb-multiarch", "cgdb", "lldb", "minicom", "picocom", "cu", "screen", "tmux", "byobu",
        "ftp", "sftp", "lftp", "smbclient", "telnet", "cpan", "crash", "ginsh", "dc", "nmap", "mysql", "mariadb", "psql", "sqlite3", "duckdb",
        "ncftp", "psftp", "tdbtool", "ispell",

        // Full-screen programs with a key or command that opens a shell: file managers, text browsers, mail readers, git and IRC clients.
        "ncdu", "ranger", "nnn", "vifm", "lf", "w3m", "lynx", "elinks", "links", "links2", "mutt", "neomutt", "aerc", "tig", "irssi", "weechat",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Subcommands that open a REPL of the program's language, beside <c>shell</c> and <c>repl</c> for any program:
    /// what the session runs is typed after it starts. Only when nothing follows the subcommand (a script file or an
    /// option such as <c>--help</c> makes it a batch run).
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> ReplSubcommands = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["dotnet"] = ["fsi"],
        ["rails"] = ["console", "c", "dbconsole", "db"],
        ["sbt"] = ["console", "consoleQuick"],
        ["lein"] = ["repl"],
        ["mix"] = ["repl"],
        ["swift"] = ["repl"],
        ["deno"] = ["repl"],
        ["bun"] = ["repl"],
        ["scala-cli"] = ["repl", "console"],
        ["jupyter"] = ["console", "qtconsole"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The subcommand that opens a REPL (<c>shell</c>, <c>repl</c>, <c>dotnet fsi</c>, <c>rails console</c>), or null.</summary>
    private static string? OpensRepl(CommandDraft draft, string name)
    {
        var operands = draft.Operands();
        if (operands.Count == 0)
        {
            return null;
        }

        var first = operands[0].Text;
        if (first is "shell" or "repl")
        {
            return first;
        }

        return ReplSubcommands.TryGetValue(name, out var subcommands) && Array.IndexOf(subcommands, first) >= 0 && operands.Count == 1
            && !draft.Args.Exists(a => NonInteractiveOptions.Contains(a.Text)) ? first : null;
    }

    /// <summary>Database clients: their input is usually SQL from a file or a pipe, so only escapes in input the line shows are followed.</summary>
    private static readonly FrozenSet<string> DatabaseClients = FrozenSet.ToFrozenSet(["mysql", "mariadb", "psql", "sqlite3", "duckdb"], StringComparer.Ordinal);

    /// <summary>Options that make an escaping program run without reading commands from a person (batch mode, help, version, listing).</summary>
    private static readonly FrozenSet<string> NonInteractiveOptions = FrozenSet.ToFrozenSet(
    [
        "--help", "-h", "-help", "--version", "-V", "-version", "--batch", "-batch", "-b", "--script", "-c", "-f", "-e", "-ls", "-list", "-wipe", "-Q", "-X", "-l",
        "-dump", "--dump", "-source", "-dump_source", "-head",
    ], StringComparer.Ordinal);

    /// <summary>Options of one program that make it write a report or a page and exit (<c>ncdu -o FILE</c>).</summary>
    private static readonly FrozenDictionary<string, string> BatchOptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ncdu"] = "-o",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private void InteractiveSession(CommandDraft draft, string name, int depth, ref NestedInherited nested)
    {
        if (!EscapingPrograms.Contains(name) || (name == "nmap" && !draft.HasArg("--interactive")))
        {
            return;
        }

        if (draft.StdinText is { } input)
        {
            foreach (Match escape in InputEscape().Matches(input))
            {
                var command = escape.Groups["cmd"].Value.Trim();
                ParseScriptArgument(draft, ExpandedWord.Literal(command), name + " input escape", depth, nested.Get());
                draft.Tag(ShellTags.Opaque, name + " runs a shell command from its input: " + Shorten(command));
            }

            return;
        }

        if (DatabaseClients.Contains(name) || draft.Redirects.Any(r => r.Operator is "<" or "<<" or "<<-" or "<<<"))
        {
            return;
        }

        if (draft.Upstream is { } upstream)
        {
            draft.Tag(ShellTags.Opaque, name + " reads its commands (which may escape to a shell) from what " + upstream.Program + " prints");
            return;
        }

        if (draft.Args.Exists(a => NonInteractiveOptions.Contains(a.Text)) || (BatchOptions.TryGetValue(name, out var batch) && draft.HasArg(batch)) || (name == "tmux" && draft.Operands().FirstOrDefault().Text is { } sub && sub is not ("new" or "new-session" or "attach" or "attach-session" or "a" or "at")))
        {
            return;
        }

        if (name == "sftp" && ShellClassifier.IsSftpRetrieval(draft))
        {
            return;
        }

        draft.Tag(ShellTags.Opaque, name + " starts an interactive session with shell escapes " + WhereItRuns(draft) + ": what it runs is typed after it starts");
    }

    /// <summary>A line of input that escapes to a shell: <c>!cmd</c>, <c>:!cmd</c>, <c>\! cmd</c>, <c>~!cmd</c>, <c>.shell cmd</c>, <c>.system cmd</c>, <c>shell cmd</c>, <c>system cmd</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:[:~]|\\)?![ \t]*|(?:\.shell|\.system|shell|system|\\!)[ \t]+)(?<cmd>[^\s!=].*?)[ \t]*$", RegexOptions.CultureInvariant | RegexOptions.Multiline, 100)]
    private static partial Regex InputEscape();
}
