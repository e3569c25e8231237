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
    ], StringComparer.Ordinal);

    /// <summary>Database clients: their input is usually SQL from a file or a pipe, so only escapes in input the line shows are followed.</summary>
    private static readonly FrozenSet<string> DatabaseClients = FrozenSet.ToFrozenSet(["mysql", "mariadb", "psql", "sqlite3", "duckdb"], StringComparer.Ordinal);

    /// <summary>Options that make an escaping program run without reading commands from a person (batch mode, help, version, listing).</summary>
    private static readonly FrozenSet<string> NonInteractiveOptions = FrozenSet.ToFrozenSet(
    [
        "--help", "-h", "-help", "--version", "-V", "-version", "--batch", "-batch", "-b", "--script", "-c", "-f", "-e", "-ls", "-list", "-wipe", "-Q", "-X", "-l",
    ], StringComparer.Ordinal);

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

        if (DatabaseClients.Contains(name) || draft.Redirects.Any(r => r.Operator is "<" or "<<" or "<<-" or "<<<") || draft.Wrappers.Any(IsContainerRunner))
        {
            return;
        }

        if (draft.Upstream is { } upstream)
        {
            draft.Tag(ShellTags.Opaque, name + " reads its commands (which may escape to a shell) from what " + upstream.Program + " prints");
            return;
        }

        if (draft.Args.Exists(a => NonInteractiveOptions.Contains(a.Text)) || (name == "tmux" && draft.Operands().FirstOrDefault().Text is { } sub && sub is not ("new" or "new-session" or "attach" or "attach-session" or "a" or "at")))
        {
            return;
        }

        if (name == "sftp" && ShellClassifier.IsSftpRetrieval(draft))
        {
            return;
        }

        draft.Tag(ShellTags.Opaque, name + " starts an interactive session with shell escapes: what it runs is typed after it starts");
    }

    /// <summary>A line of input that escapes to a shell: <c>!cmd</c>, <c>:!cmd</c>, <c>\! cmd</c>, <c>~!cmd</c>, <c>.shell cmd</c>, <c>.system cmd</c>, <c>shell cmd</c>, <c>system cmd</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:[:~]|\\)?![ \t]*|(?:\.shell|\.system|shell|system|\\!)[ \t]+)(?<cmd>[^\s!=].*?)[ \t]*$", RegexOptions.CultureInvariant | RegexOptions.Multiline, 100)]
    private static partial Regex InputEscape();
}
