using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// The built-in classification of one command: what it destroys, sends out, runs from elsewhere, reads of
/// credentials, and which privileges it takes. Adds <see cref="ShellTags"/> with a finding for each.
/// </summary>
internal static partial class ShellClassifier
{
    private static readonly HashSet<string> Downloaders = new(StringComparer.Ordinal) { "curl", "wget", "fetch", "aria2c", "http", "https", "xh", "lwp-download", "lwp-request", "GET" };

    private static readonly HashSet<string> NetworkTools = new(StringComparer.Ordinal)
    {
        "curl", "wget", "fetch", "aria2c", "http", "https", "xh", "nc", "ncat", "netcat", "socat", "telnet", "ssh", "scp", "sftp", "rsync", "ftp", "lftp", "tftp",
        "dig", "nslookup", "host", "ping", "rclone", "openssl", "mail", "mailx", "sendmail", "mutt", "msmtp", "pastebinit", "cryptcat", "pwncat",
    };

    private static readonly HashSet<string> SocketTools = new(StringComparer.Ordinal) { "nc", "ncat", "netcat", "socat", "telnet", "cryptcat", "pwncat" };

    /// <summary>Classifies <paramref name="draft"/> in place.</summary>
    public static void Classify(CommandDraft draft, AnalysisSession session)
    {
        var program = draft.Program;
        ClassifyOutput(draft);
        if (NetworkTools.Contains(program))
        {
            draft.Tags.Add(ShellTags.Network);
        }

        switch (program)
        {
            case "rm" or "unlink" or "rmdir":
                Remove(draft);
                break;
            case "shred" or "srm" or "wipe":
                draft.Tag(ShellTags.Destructive, program + " destroys file contents");
                break;
            case "dd":
                foreach (var arg in draft.Args)
                {
                    if (arg.Text.StartsWith("of=", StringComparison.Ordinal) && (PathRules.IsDisk(arg.Text[3..]) || PathRules.IsSystem(arg.Text[3..])))
                    {
                        draft.Tag(ShellTags.Destructive, "dd writes to " + arg.Text[3..]);
                    }
                }

                break;
            case "mke2fs" or "mkswap" or "wipefs" or "blkdiscard" or "newfs" or "mkfs":
            case var mkfs when mkfs.StartsWith("mkfs.", StringComparison.Ordinal) || mkfs.StartsWith("newfs_", StringComparison.Ordinal):
                draft.Tag(ShellTags.Destructive, program + " erases a file system");
                break;
            case "fdisk" or "sfdisk" or "parted" or "gdisk" or "sgdisk" or "cfdisk":
                if (!draft.HasFlag('l', "--list") && !draft.HasArg("print"))
                {
                    draft.Tag(ShellTags.Destructive, program + " edits a partition table");
                }

                break;
            case "git":
                Git(draft);
                break;
            case "kubectl" or "oc":
                if (draft.Operands().FirstOrDefault().Text is "delete" or "drain" or "replace" && (draft.Operands().First().Text != "replace" || draft.HasArg("--force")))
                {
                    draft.Tag(ShellTags.Destructive, program + " " + draft.Operands().First().Text);
                }

                break;
            case "helm":
                if (draft.Operands().FirstOrDefault().Text is "uninstall" or "delete")
                {
                    draft.Tag(ShellTags.Destructive, "helm uninstall");
                }

                break;
            case "terraform" or "tofu" or "pulumi" or "terragrunt":
                if (draft.HasArg("destroy") || draft.HasArg("-destroy") || (draft.HasArg("state") && draft.HasArg("rm")))
                {
                    draft.Tag(ShellTags.Destructive, program + " destroys infrastructure");
                }

                break;
            case "aws" or "gcloud" or "az" or "gsutil" or "doctl":
                Cloud(draft);
                break;
            case "docker" or "podman":
                if (draft.HasArg("prune") || (draft.HasArg("volume") && draft.HasArg("rm")))
                {
                    draft.Tag(ShellTags.Destructive, program + " deletes containers' data");
                }

                break;
            case "psql" or "mysql" or "mariadb" or "sqlite3" or "sqlcmd" or "clickhouse-client" or "cqlsh" or "mongo" or "mongosh" or "redis-cli" or "duckdb" or "cockroach":
                Database(draft);
                break;
            case "shutdown" or "reboot" or "halt" or "poweroff":
                draft.Tag(ShellTags.Destructive, program + " stops the machine");
                break;
            case "init" or "telinit":
                if (draft.HasArg("0") || draft.HasArg("6"))
                {
                    draft.Tag(ShellTags.Destructive, program + " stops the machine");
                }

                break;
            case "systemctl":
                if (draft.Operands().FirstOrDefault().Text is "poweroff" or "reboot" or "halt" or "kexec")
                {
                    draft.Tag(ShellTags.Destructive, "systemctl stops the machine");
                }

                break;
            case "kill" or "pkill" or "killall":
                if (draft.HasArg("-1") && program == "kill")
                {
                    draft.Tag(ShellTags.Destructive, "kill -1 kills every process");
                }

                break;
            case "crontab":
                if (draft.HasFlag('r'))
                {
                    draft.Tag(ShellTags.Destructive, "crontab -r deletes the crontab");
                }

                break;
            case "truncate":
                if (draft.Operands().Select(draft.Resolve).Any(o => PathRules.IsSystem(o.Text) || PathRules.CredentialMatch(o) is not null) && !draft.Args.Exists(a => a.Text.Contains('+', StringComparison.Ordinal)))
                {
                    draft.Tag(ShellTags.Destructive, "truncate empties a system file");
                }

                break;
            case "mv":
                {
                    var operands = draft.Operands().Select(draft.Resolve).ToList();
                    if (operands.Count >= 2 && (operands[^1].Text == "/dev/null" || operands.Take(operands.Count - 1).Any(PathRules.IsImportant)))
                    {
                        draft.Tag(ShellTags.Destructive, "mv moves away " + operands[0].Text);
                    }

                    break;
                }

            case "find":
                Find(draft);
                break;
            case "cp" or "install" or "ln" or "rsync" or "sed" or "gsed" or "perl":
                Overwrite(draft);
                break;
            case "chmod":
                Chmod(draft);
                break;
            case "chown" or "chgrp":
                if (draft.Operands().Skip(1).Select(draft.Resolve).Any(o => PathRules.IsSystem(o.Text) || (draft.HasFlag('R', "--recursive") && PathRules.IsImportant(o))))
                {
                    draft.Tag(ShellTags.Privilege, program + " changes owners of system paths");
                }

                break;
            case "setcap" or "usermod" or "useradd" or "groupadd" or "passwd" or "chpasswd" or "visudo" or "gpasswd" or "adduser" or "su" or "sudo" or "doas" or "pkexec" or "runuser":
                draft.Tag(ShellTags.Privilege, program + " changes or uses privileges");
                break;
            case "env" or "printenv" or "export" or "set" or "declare":
                if (draft.Args.Count == 0 || (program == "export" && draft.HasArg("-p")))
                {
                    draft.Tag(ShellTags.EnvironmentRead, program + " prints the environment");
                }

                break;
            case "security":
                if (draft.Args.Exists(a => a.Text.Contains("password", StringComparison.Ordinal) || a.Text == "dump-keychain" || a.Text == "export"))
                {
                    draft.Tag(ShellTags.CredentialAccess, "security reads the keychain");
                }

                break;
            case "gpg" or "gpg2":
                if (draft.Args.Exists(a => a.Text.StartsWith("--export-secret", StringComparison.Ordinal)))
                {
                    draft.Tag(ShellTags.CredentialAccess, "gpg exports secret keys");
                }

                break;
            case "gh":
                if (draft.HasArg("auth") && draft.HasArg("token"))
                {
                    draft.Tag(ShellTags.CredentialAccess, "gh auth token");
                }
                else if (draft.HasArg("gist") && draft.HasArg("create"))
                {
                    draft.Tag(ShellTags.Exfiltration, "gh gist create uploads files");
                }

                break;
            default:
                break;
        }

        if (program is "export" or "declare" or "typeset" or "readonly" or "local" or "env")
        {
            foreach (var arg in draft.Args)
            {
                var eq = arg.Text.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && (IsHijackVariable(arg.Text[..eq]) || IsPathHijack(arg.Text[..eq], arg.Text[(eq + 1)..], session)))
                {
                    draft.Tag(ShellTags.Opaque, "sets " + arg.Text[..eq] + ", which changes what later programs run");
                }
            }
        }

        Network(draft, session);
        Redirections(draft, session);
        Credentials(draft);
        ServiceVerbs(draft);
        RestVerbs(draft);
        RemoteInstall(draft);
        if (program == "git")
        {
            GitExfiltration(draft, session);
        }
        if (draft.Upstream is { CarriesRemoteContent: true } && !draft.CarriesRemoteContent && program is "tee" or "cat" or "gunzip" or "zcat" or "xz" or "bunzip2" or "tr" or "rev" or "sed" or "base64" or "xxd" or "gzip")
        {
            draft.CarriesRemoteContent = true;
        }
    }

    private static readonly HashSet<string> HijackVariables = new(StringComparer.Ordinal)
    {
        "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "DYLD_INSERT_LIBRARIES", "BASH_ENV", "ENV", "PROMPT_COMMAND", "GIT_SSH_COMMAND", "GIT_SSH",
        "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "SUDO_ASKPASS", "GIT_PAGER", "PAGER", "EDITOR", "VISUAL", "PYTHONSTARTUP", "NODE_OPTIONS", "PERL5OPT",
    };

    /// <summary>True for variables that make later programs load or run other code (LD_PRELOAD, BASH_ENV, GIT_SSH_COMMAND…).</summary>
    public static bool IsHijackVariable(string name)
        => HijackVariables.Contains(name) || name is "SHELL" or "LESSOPEN" or "LESSCLOSE" or "BROWSER"
            || name.EndsWith("PAGER", StringComparison.Ordinal) || name.EndsWith("EDITOR", StringComparison.Ordinal) || name.EndsWith("_COMMAND", StringComparison.Ordinal)
            || name.EndsWith("_CMD", StringComparison.Ordinal) || name.EndsWith("ASKPASS", StringComparison.Ordinal) || name.EndsWith("_SHELL", StringComparison.Ordinal);

    /// <summary>
    /// True when <c>PATH</c> is set so that a folder the line wrote or downloaded into, a temporary folder or a relative
    /// folder comes first: a program name may then run a file the line planted (<c>PATH=/tmp/b:$PATH git status</c>).
    /// </summary>
    public static bool IsPathHijack(string name, string value, AnalysisSession session)
    {
        if (name != "PATH")
        {
            return false;
        }

        var first = value.Split(':')[0];
        if (first.Length == 0 || first == "$PATH")
        {
            return false;
        }

        return PathRules.IsUnderTemp(first) || first[0] is not ('/' or '~' or '$') || session.WroteUnder(first);
    }

    /// <summary>True when <paramref name="file"/> was downloaded earlier on the line.</summary>
    public static bool IsDownloaded(AnalysisSession session, string file)
    {
        var name = file.StartsWith("./", StringComparison.Ordinal) ? file[2..] : file;
        return session.HasDownloaded(name);
    }
}
