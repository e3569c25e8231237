using System.Collections.Frozen;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Destructive subcommands of any service CLI (cloud, containers, orchestration, databases, registries, git hosting,
/// infrastructure as code), found by the verb of the subcommand rather than by a list of known commands, with a small
/// table of exceptions; and REST calls that change or delete remote state.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Verbs that destroy or stop something when they are (or start) a subcommand: <c>delete</c>, <c>delete-db-instance</c>, <c>apps:destroy</c>.</summary>
    private static readonly FrozenSet<string> DestructiveVerbs = FrozenSet.ToFrozenSet(
    [
        "delete", "del", "destroy", "remove", "rm", "rmi", "rb", "purge", "drop", "terminate", "prune", "uninstall", "reset", "wipe", "erase",
        "deregister", "unregister", "revoke", "unpublish", "yank", "deprecate", "flush", "flushall", "flushdb", "truncate", "kill", "stop", "halt",
        "nuke", "obliterate", "decommission", "evict", "force-push", "poweroff", "reboot", "shutdown", "isolate", "emergency", "rescue", "hibernate",
        "suspend", "hybrid-sleep", "kexec", "switch-root", "soft-reboot", "reauthor",
    ], StringComparer.Ordinal);

    /// <summary>Programs whose operands are data or files, or that have their own rules: the verb rule does not apply.</summary>
    private static readonly FrozenSet<string> NotServiceClis = FrozenSet.ToFrozenSet(
    [
        "echo", "printf", "cat", "tac", "head", "tail", "less", "more", "grep", "egrep", "fgrep", "rg", "ag", "ack", "sed", "awk", "gawk", "jq", "yq",
        "ls", "cp", "mv", "ln", "touch", "mkdir", "rmdir", "rm", "unlink", "chmod", "chown", "chgrp", "stat", "file", "wc", "sort", "uniq", "cut", "tr",
        "diff", "cmp", "tee", "test", "[", "find", "xargs", "which", "type", "whereis", "man", "help", "info", "tldr", "kill", "pkill", "killall",
        "git", "make", "cmake", "ninja", "go", "rustc", "dotnet", "msbuild", "mvn", "gradle", "javac", "java", "tsc", "gcc", "g++", "clang",
        "python", "python3", "node", "ruby", "perl", "php", "bash", "sh", "zsh", "env", "sudo", "time", "timeout", "nice", "nohup", "watch", "tar",
        "zip", "unzip", "gzip", "gunzip", "curl", "wget", "http", "https", "xh", "ssh", "scp", "rsync", "psql", "mysql", "sqlite3", "redis-cli", "mongosh",
        "duckdb", "sqlcmd", "cqlsh", "clickhouse-client", "truncate", "dd", "shred", "crontab", "trap", "alias", "unalias", "unset", "read", "export",
        "local", "declare", "set", "cd", "pushd", "popd", "source", ".", "eval", "exec", "command", "builtin", ":", "true", "false", "ps", "pgrep", "top",
        "htop", "tmux", "screen", "vim", "vi", "nvim", "nano", "emacs", "code", "journalctl", "date", "sleep", "seq", "basename", "dirname", "realpath",
        "readlink", "md5sum", "sha256sum", "base64", "xxd", "od", "hexdump", "column", "paste", "join", "comm", "fold", "fmt", "nl", "expand", "rev",
    ], StringComparer.Ordinal);

    /// <summary>Local package managers: their first-level remove/uninstall/prune only edits the project's dependencies.</summary>
    private static readonly FrozenSet<string> LocalPackageManagers = FrozenSet.ToFrozenSet(
    [
        "npm", "pnpm", "yarn", "bun", "cargo", "pip", "pip3", "pipx", "uv", "poetry", "pdm", "gem", "bundle", "composer", "brew", "conda", "mamba", "rustup",
        "nvm", "pyenv", "asdf", "mise", "apt", "apt-get", "dnf", "yum", "pacman", "apk", "zypper", "snap", "flatpak", "port", "nix-env", "choco", "winget",
        "scoop", "deno", "corepack", "volta", "sdk", "gh-extension",
    ], StringComparer.Ordinal);

    /// <summary>Operands after which a verb only edits local settings: <c>kubectl config delete-context</c>, <c>pulumi plugin rm</c>.</summary>
    private static readonly FrozenSet<string> LocalScopes = FrozenSet.ToFrozenSet(
        ["config", "context", "contexts", "plugin", "plugins", "cache", "alias", "extension", "extensions", "completion", "profile", "remote", "worktree", "help", "pkg", "env"],
        StringComparer.Ordinal);

    /// <summary>True for package managers whose operands name packages (a package may be called <c>bash</c>).</summary>
    public static bool IsLocalPackageManager(string program) => LocalPackageManagers.Contains(program);

    private static void ServiceVerbs(CommandDraft draft)
    {
        var program = draft.Program;
        if (NotServiceClis.Contains(program) || draft.Args.Count == 0 || IsDryRun(draft))
        {
            return;
        }

        var index = 0;
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (text.StartsWith('-'))
            {
                if (text.StartsWith("--", StringComparison.Ordinal) && !text.Contains('=', StringComparison.Ordinal) && i + 1 < draft.Args.Count && !draft.Args[i + 1].Text.StartsWith('-'))
                {
                    i++;
                }

                continue;
            }

            if (index >= 4 || text.Length == 0 || text.Length > 40 || text.AsSpan().IndexOfAny("/=@\\ ") >= 0)
            {
                break;
            }

            if (LocalScopes.Contains(text))
            {
                return;
            }

            if (IsDestructiveVerb(text) && !(index == 0 && LocalPackageManagers.Contains(program) && text is "remove" or "rm" or "uninstall" or "un" or "r" or "prune" or "purge" or "autoremove" or "clean"))
            {
                draft.Tag(ShellTags.Destructive, program + " " + text + " deletes, stops or resets a resource");
                return;
            }

            index++;
        }

        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (text is "--purge" or "--rmi" or "--prune" or "--delete" or "--force-delete" or "--all-collections" || text.StartsWith("--delete-", StringComparison.Ordinal))
            {
                draft.Tag(ShellTags.Destructive, program + " " + text + " deletes remote data");
                return;
            }
        }

        if (program is "kubectl" or "oc" && draft.Args.Exists(a => a.Text is "--replicas=0") || (draft.HasArg("--replicas") && draft.HasArg("0") && draft.HasArg("scale")))
        {
            draft.Tag(ShellTags.Destructive, program + " scale to 0 stops a workload");
        }

        if (program is "iptables" or "ip6tables" && draft.Args.Exists(a => a.Text is "-F" or "--flush" or "-X" or "--delete-chain"))
        {
            draft.Tag(ShellTags.Destructive, program + " flushes firewall rules");
        }
    }

    private static string? ValueAfter(CommandDraft draft, string option)
    {
        var index = draft.Args.FindIndex(a => a.Text == option);
        return index >= 0 && index + 1 < draft.Args.Count ? draft.Args[index + 1].Text : null;
    }

    private static bool IsDestructiveVerb(string operand)
    {
        if (DestructiveVerbs.Contains(operand))
        {
            return true;
        }

        var colon = operand.LastIndexOf(':');
        if (colon >= 0 && colon + 1 < operand.Length && IsDestructiveVerb(operand[(colon + 1)..]))
        {
            return true;
        }

        var dash = operand.IndexOfAny(['-', '_']);
        return dash > 0 && DestructiveVerbs.Contains(operand[..dash]);
    }

    private static bool IsDryRun(CommandDraft draft)
        => draft.Args.Exists(a => a.Text is "--dry-run" or "--dryrun" or "--dry-run=client" or "--dry-run=server" or "--generate-cli-skeleton" or "--what-if" or "--help" or "-h" or "--preview"
            || a.Text.StartsWith("--generate-cli-skeleton", StringComparison.Ordinal))
            || (draft.Program == "systemctl" && draft.Args.Exists(a => a.Text == "cancel"));

    /// <summary>The HTTP method a curl, wget, httpie/xh or gh api command sends, when it is written on the line.</summary>
    private static string? RestMethod(CommandDraft draft)
    {
        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            var next = i + 1 < args.Count ? args[i + 1].Text : string.Empty;
            if (text is "-X" or "--request" or "--method")
            {
                return next.ToUpperInvariant();
            }

            if (text.StartsWith("--request=", StringComparison.Ordinal) || text.StartsWith("--method=", StringComparison.Ordinal))
            {
                return text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..].ToUpperInvariant();
            }

            if (text.Length > 2 && text[0] == '-' && text[1] != '-' && draft.Program == "curl")
            {
                var x = text.IndexOf('X', StringComparison.Ordinal);
                if (x > 0)
                {
                    return x == text.Length - 1 ? next.ToUpperInvariant() : text[(x + 1)..].ToUpperInvariant();
                }
            }
        }

        if (draft.Program is "http" or "https" or "xh" or "xhs")
        {
            var first = draft.Operands().FirstOrDefault().Text?.ToUpperInvariant();
            return first is "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" ? first : null;
        }

        return null;
    }

    private static void RestVerbs(CommandDraft draft)
    {
        if (draft.Program is "POST" or "PUT")
        {
            draft.Tag(ShellTags.Exfiltration, draft.Program + " sends a request that changes remote state");
            return;
        }

        if (draft.Program is "lwp-request" && ValueAfter(draft, "-m")?.ToUpperInvariant() is { } lwpMethod && lwpMethod is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            draft.Tag(lwpMethod == "DELETE" ? ShellTags.Destructive : ShellTags.Exfiltration, "lwp-request sends a " + lwpMethod + " request");
            return;
        }

        if (draft.Program is not ("curl" or "wget" or "http" or "https" or "xh" or "xhs" or "gh") || (draft.Program == "gh" && !draft.HasArg("api")))
        {
            return;
        }

        switch (RestMethod(draft))
        {
            case "DELETE":
                draft.Tag(ShellTags.Destructive, draft.Program + " sends a DELETE request");
                break;
            case "POST" or "PUT" or "PATCH":
                draft.Tag(ShellTags.Exfiltration, draft.Program + " sends a request that changes remote state");
                break;
            default:
                break;
        }
    }
}
