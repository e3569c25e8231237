namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Turning off the machine's security controls (firewall, SELinux, audit, immutable flags) and erasing the shell's
/// history, which hides what ran; and file servers that publish a folder to the network.
/// </summary>
internal static partial class ShellClassifier
{
    private static readonly HashSet<string> HistoryFiles = new(StringComparer.Ordinal) { ".bash_history", ".zsh_history", ".history", ".sh_history", ".python_history", ".mysql_history", ".psql_history", "wtmp", "btmp", "lastlog" };

    private static readonly HashSet<string> FileServerPrograms = new(StringComparer.Ordinal) { "darkhttpd", "miniserve", "http-server", "webfsd", "serve", "simple-http-server", "updog", "busybox-httpd" };

    private static readonly HashSet<string> ControlPrograms = new(StringComparer.Ordinal)
    {
        "ufw", "setenforce", "auditctl", "spctl", "csrutil", "chattr", "aa-disable", "aa-complain", "modprobe", "insmod", "rmmod", "kldload", "kextload", "kmutil", "defaults",
        "history", "unset", "export", "declare", "set", "env", "rm", "shred", "truncate", "unlink", "ln", "cp", "mv", "install",
        "systemctl", "launchctl", "chkconfig", "update-rc.d", "rc-update",
    };

    private static void SecurityControls(CommandDraft draft)
    {
        var program = draft.Program;
        if (!ControlPrograms.Contains(program))
        {
            if (draft.Redirects.Count > 0 && TruncatesHistory(draft.Redirects))
            {
                draft.Tag(ShellTags.Destructive, program + " erases the shell history or login records, which hides what ran");
            }

            return;
        }

        ControlsAndHistory(draft, program);
    }

    private static void ControlsAndHistory(CommandDraft draft, string program)
    {
        var operands = draft.OperandTexts();
        var weakens = program switch
        {
            "ufw" => operands.FirstOrDefault() is "disable" or "reset",
            "setenforce" => operands.FirstOrDefault() is "0" or "Permissive" or "permissive",
            "auditctl" => draft.HasArg("-D") || (draft.HasArg("-e") && draft.HasArg("0")),
            "spctl" => draft.HasArg("--master-disable") || draft.HasArg("--global-disable"),
            "csrutil" => operands.FirstOrDefault() is "disable",
            "chattr" => draft.Args.Exists(a => a.Text.StartsWith('-') && a.Text.AsSpan(1).IndexOfAny("ia") >= 0) && operands.Exists(o => PathRules.IsSystem(draft.Resolve(ExpandedWord.Literal(o)).Text)),
            "aa-disable" or "aa-complain" or "modprobe" or "insmod" or "rmmod" or "kldload" or "kextload" or "kmutil" => !draft.Args.Exists(a => a.Text is "--help" or "-h" or "--show-depends" or "-D" or "--dry-run" or "-n"),
            "defaults" => operands.FirstOrDefault() is "write" or "delete" && operands.Skip(1).Any(o => o.StartsWith("/Library", StringComparison.Ordinal) || o.StartsWith("com.apple.security", StringComparison.Ordinal) || o.StartsWith("com.apple.alf", StringComparison.Ordinal)),
            _ => false,
        };
        var registers = program switch
        {
            "systemctl" => operands.FirstOrDefault() is "enable" or "reenable" or "link" && !draft.HasArg("--dry-run"),
            "launchctl" => operands.FirstOrDefault() is "load" or "bootstrap" or "enable" or "submit",
            "chkconfig" => operands.Count >= 2 && operands[^1] is "on" || draft.HasArg("--add"),
            "update-rc.d" => operands.Count >= 2 && operands[1] is "defaults" or "enable" or "start",
            "rc-update" => operands.FirstOrDefault() is "add",
            _ => false,
        };
        if (registers)
        {
            draft.Tag(ShellTags.Opaque, program + " registers a service that starts on its own, later and outside this guard");
        }

        if (program is "cp" or "ln" or "mv" or "install" && operands.Count >= 2 && IsUserBinFolder(operands[^1]))
        {
            draft.Tag(ShellTags.Opaque, program + " puts a program in " + operands[^1] + ", which is on PATH: later commands may run it instead of the one they name");
        }

        if (weakens)
        {
            draft.Tag(ShellTags.Privilege, program + " weakens the machine's security controls or loads code into the kernel");
        }

        var history = program switch
        {
            "history" => draft.HasFlag('c') || draft.HasFlag('d') || draft.HasArg("-w") && operands.Contains("/dev/null"),
            "unset" => operands.Exists(o => o is "HISTFILE"),
            "export" or "declare" or "set" or "env" => draft.Args.Exists(a => a.Text is "HISTFILE=/dev/null" or "HISTSIZE=0" or "HISTFILESIZE=0" || a.Text == "+o" && operands.Contains("history")),
            _ => draft.Redirects.Any(r => r.IsWrite && r.Operator is not (">>" or "&>>") && IsHistoryFile(r.Target.Text))
                || (program is "rm" or "shred" or "truncate" or "unlink" or "ln" or "cp") && operands.Exists(IsHistoryFile),
        };
        if (history)
        {
            draft.Tag(ShellTags.Destructive, program + " erases the shell history or login records, which hides what ran");
        }
    }

    /// <summary>True for the root, a home folder or a system tree: serving it publishes far more than a project.</summary>
    private static bool ServesWholeTree(string directory) => directory is "/" or "~" or "~/" || PathRules.IsHomeRoot(directory) || PathRules.IsSystem(directory);

    private static bool IsUserBinFolder(string path)
        => path.StartsWith("~/.local/bin", StringComparison.Ordinal) || path.StartsWith("~/bin", StringComparison.Ordinal) || path.StartsWith("$HOME/.local/bin", StringComparison.Ordinal)
            || path.StartsWith("$HOME/bin", StringComparison.Ordinal) || path.StartsWith("~/.cargo/bin", StringComparison.Ordinal) || path.StartsWith("~/go/bin", StringComparison.Ordinal);

    private static bool TruncatesHistory(IReadOnlyList<RedirectInfo> redirects)
    {
        for (var i = 0; i < redirects.Count; i++)
        {
            var redirect = redirects[i];
            if (redirect.Operator is not (">>" or "&>>") && IsHistoryFile(redirect.Target.Text) && redirect.IsWrite)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHistoryFile(string path)
    {
        var trimmed = path.AsSpan().TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return HistoryFiles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(slash < 0 ? trimmed : trimmed[(slash + 1)..]);
    }

    private static void FileServers(CommandDraft draft)
    {
        var program = draft.Program;
        var serves = FileServerPrograms.Contains(program)
            || (program == "git" && draft.Args.Count > 0 && draft.Args[0].Text == "daemon" && draft.Args.Exists(a => a.Text.StartsWith("--base-path=", StringComparison.Ordinal) && ServesWholeTree(a.Text["--base-path=".Length..])))
            || (program == "caddy" && draft.HasArg("file-server"));
        if (serves && !draft.Args.Exists(a => a.Text is "127.0.0.1" or "localhost" or "::1" || a.Text.EndsWith("=127.0.0.1", StringComparison.Ordinal) || a.Text.EndsWith("=localhost", StringComparison.Ordinal)))
        {
            draft.AddTag(ShellTags.Network);
            draft.Tag(ShellTags.Exfiltration, program + " serves this machine's files to the network");
        }
    }
}
