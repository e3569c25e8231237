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
        "curl", "wget", "fetch", "aria2c", "http", "https", "xh", "nc", "ncat", "netcat", "socat", "nc.traditional", "nc.openbsd", "netcat-traditional", "netcat-openbsd", "sbd", "telnet", "ssh", "scp", "sftp", "rsync", "ftp", "lftp", "tftp", "ztcp", "hping3", "nping",
        "dig", "nslookup", "host", "ping", "rclone", "openssl", "whois", "finger", "smbclient", "lp", "lpr", "cancel", "ldapsearch", "snmpset", "mail", "mailx", "sendmail", "mutt", "msmtp", "pastebinit", "cryptcat", "pwncat",
    };

    private static readonly HashSet<string> SocketTools = new(StringComparer.Ordinal) { "nc", "ncat", "netcat", "socat", "telnet", "cryptcat", "pwncat", "ztcp", "hping3", "nping", "nc.traditional", "nc.openbsd", "netcat-traditional", "netcat-openbsd", "sbd" };

    /// <summary>A container that gets the host's root, home or system folders, or its privileges, is not a sandbox.</summary>
    private static void HostAccess(CommandDraft draft)
    {
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (text is "--privileged" or "--pid=host" or "--userns=host" || text.StartsWith("--cap-add=ALL", StringComparison.OrdinalIgnoreCase) || (text is "--cap-add" && i + 1 < draft.Args.Count && draft.Args[i + 1].Text.Equals("ALL", StringComparison.OrdinalIgnoreCase)))
            {
                draft.Tag(ShellTags.Privilege, draft.Program + " " + text + " gives the container the host's privileges");
            }

            var mount = text is "-v" or "--volume" && i + 1 < draft.Args.Count ? draft.Args[i + 1].Text
                : text.StartsWith("--volume=", StringComparison.Ordinal) ? text["--volume=".Length..]
                : text.StartsWith("-v", StringComparison.Ordinal) && text.Length > 2 ? text[2..] : null;
            if (mount is not null)
            {
                var source = mount.Split(':')[0];
                if (source is "/" || PathRules.IsSystem(source) || PathRules.IsHomeRoot(source) || source.Contains("docker.sock", StringComparison.Ordinal) || PathRules.CredentialMatch(ExpandedWord.Literal(source)) is not null)
                {
                    draft.Tag(ShellTags.Privilege, draft.Program + " mounts " + source + " into the container");
                }
            }
        }
    }

    /// <summary>
    /// An LXD or Incus container made privileged (<c>security.privileged=true</c>, <c>raw.lxc</c> settings) or given the
    /// host's root, home or system folders as a disk device (<c>disk source=/</c>) is not a sandbox either.
    /// </summary>
    private static void LxdHostAccess(CommandDraft draft)
    {
        var args = draft.Args;
        var disk = draft.HasArg("disk");
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text.StartsWith("security.privileged=true", StringComparison.OrdinalIgnoreCase) || (text == "security.privileged" && i + 1 < args.Count && args[i + 1].Text.Equals("true", StringComparison.OrdinalIgnoreCase))
                || text.StartsWith("raw.lxc", StringComparison.Ordinal) || text.StartsWith("raw.apparmor", StringComparison.Ordinal) || text.StartsWith("raw.seccomp", StringComparison.Ordinal))
            {
                draft.Tag(ShellTags.Privilege, draft.Program + " " + text + " gives the container the host's privileges");
                return;
            }

            if (disk && text.StartsWith("source=", StringComparison.Ordinal))
            {
                var source = text["source=".Length..];
                if (source is "/" || (PathRules.IsSystem(source) && !source.StartsWith("/srv/", StringComparison.Ordinal) && !source.StartsWith("/opt/", StringComparison.Ordinal)) || PathRules.IsHomeRoot(source.TrimEnd('/'))
                    || source.Contains("docker.sock", StringComparison.Ordinal) || PathRules.CredentialMatch(ExpandedWord.Literal(source)) is not null)
                {
                    draft.Tag(ShellTags.Privilege, draft.Program + " gives the container the host's " + source);
                    return;
                }
            }
        }
    }

    /// <summary><c>kubectl port-forward --address 0.0.0.0</c>: the cluster's service is opened to the network, not only to this machine.</summary>
    private static bool ForwardsBeyondLoopback(CommandDraft draft)
    {
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            var value = text.StartsWith("--address=", StringComparison.Ordinal) ? text["--address=".Length..] : text == "--address" && i + 1 < draft.Args.Count ? draft.Args[i + 1].Text : null;
            if (value is not null && value.Split(',').Any(a => a is not ("localhost" or "127.0.0.1" or "::1")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A separate method, so that its lambda's capture of <paramref name="draft"/> is paid only by chown/chgrp, not by every command <see cref="Classify"/> sees.</summary>
    private static bool OwnerChangeHitsSystem(CommandDraft draft)
    {
        var recursive = draft.HasFlag('R', "--recursive");
        return draft.Operands().Skip(1).Select(draft.Resolve).Any(o => PathRules.IsSystem(o.Text) || (recursive && PathRules.IsImportant(o)));
    }

    private static bool IsPackageFile(string text)
        => text.EndsWith(".deb", StringComparison.Ordinal) || text.EndsWith(".rpm", StringComparison.Ordinal) || text.EndsWith(".snap", StringComparison.Ordinal)
            || text.EndsWith(".txz", StringComparison.Ordinal) || text.EndsWith(".ipk", StringComparison.Ordinal) || text.EndsWith(".apk", StringComparison.Ordinal) || text.EndsWith(".pkg", StringComparison.Ordinal);

    /// <summary>Classifies <paramref name="draft"/> in place.</summary>
    public static void Classify(CommandDraft draft, AnalysisSession session)
    {
        var program = draft.Program;
        ClassifyOutput(draft);
        PlantedShell(draft);
        EditorWrites(draft);
        RemoteControl(draft);
        CredentialHunt(draft);
        Outage(draft);
        ArchiveMove(draft);
        PrintsSecret(draft);
        if (NetworkTools.Contains(program))
        {
            draft.AddTag(ShellTags.Network);
        }

        switch (program)
        {
            case "rm" or "unlink" or "rmdir":
                Remove(draft);
                break;
            case "shred" or "srm" or "wipe":
                if (!OnlyTempOperands(draft))
                {
                    draft.Tag(ShellTags.Destructive, program + " destroys file contents");
                }

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
                GitExecPath(draft, session);
                break;
            case "gcore" or "procdump":
                draft.Tag(ShellTags.CredentialAccess, program + " dumps a process's memory, where its keys and tokens are");
                break;
            case "curl":
                RawSocketUpload(draft);
                break;
            case "kubectl" or "oc":
                if (draft.Operands().FirstOrDefault().Text is "delete" or "drain" or "replace" && (draft.Operands().First().Text != "replace" || draft.HasArg("--force")) && !IsDryRun(draft))
                {
                    draft.Tag(ShellTags.Destructive, program + " " + draft.Operands().First().Text);
                }

                if (draft.HasArg("port-forward") && ForwardsBeyondLoopback(draft))
                {
                    draft.AddTag(ShellTags.Network);
                    draft.Tag(ShellTags.Exfiltration, program + " port-forward opens a cluster service to the network");
                }

                break;
            case "helm":
                if (draft.Operands().FirstOrDefault().Text is "uninstall" or "delete")
                {
                    draft.Tag(ShellTags.Destructive, "helm uninstall");
                }

                break;
            case "terraform" or "tofu" or "pulumi" or "terragrunt":
                if (draft.HasArg("destroy") || (draft.HasArg("-destroy") && draft.HasArg("apply")) || (draft.HasArg("state") && draft.HasArg("rm")))
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
            case "psql" or "mysql" or "mariadb" or "sqlite3" or "sqlcmd" or "cockroach":
                SqlClient(draft, SqlClientDialect(program)!.Value);
                break;
            case "clickhouse-client" or "cqlsh" or "mongo" or "mongosh" or "redis-cli" or "duckdb":
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
                if (draft.Operands().FirstOrDefault().Text is "poweroff" or "reboot" or "halt" or "kexec" && !draft.HasArg("cancel"))
                {
                    draft.Tag(ShellTags.Destructive, "systemctl stops the machine");
                }

                break;
            case "kill" or "pkill" or "killall":
                if (draft.HasArg("-1") && program == "kill")
                {
                    draft.Tag(ShellTags.Destructive, "kill -1 kills every process");
                }
                else if (SignalsFirstProcess(draft))
                {
                    draft.Tag(ShellTags.Destructive, program + " signals the first process (PID 1: init, systemd, launchd), which stops the machine");
                }

                break;
            case "crontab":
                if (draft.HasFlag('r'))
                {
                    draft.Tag(ShellTags.Destructive, "crontab -r deletes the crontab");
                }
                else if (!draft.HasFlag('l'))
                {
                    draft.Tag(ShellTags.Opaque, "crontab installs commands that run later, outside this guard");
                }

                break;
            case "truncate":
                if (draft.Operands().Select(draft.Resolve).Any(o => PathRules.IsSystem(o.Text) || PathRules.CredentialMatch(o) is not null || IsStartupFile(o.Text)) && !draft.Args.Exists(a => a.Text.Contains('+', StringComparison.Ordinal)))
                {
                    draft.Tag(ShellTags.Destructive, "truncate empties a system, credential or start-up file");
                }

                break;
            case "mv":
                {
                    var operands = draft.Operands().Select(draft.Resolve).ToList();
                    if (operands.Count >= 2 && (operands[^1].Text == "/dev/null" || operands.Take(operands.Count - 1).Any(PathRules.IsImportant)))
                    {
                        draft.Tag(ShellTags.Destructive, "mv moves away " + operands[0].Text);
                    }

                    Overwrite(draft);
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
                if (OwnerChangeHitsSystem(draft))
                {
                    draft.Tag(ShellTags.Privilege, program + " changes owners of system paths");
                }

                break;
            case "at" or "batch":
                draft.Tag(ShellTags.Opaque, program + " schedules commands that run later, outside this guard");
                break;
            case "sysctl" when draft.Args.Exists(a => a.Text.Contains('=', StringComparison.Ordinal)):
                draft.Tag(ShellTags.Privilege, "sysctl changes kernel settings");
                break;
            case "dpkg" or "rpm" or "dnf" or "yum" or "zypper" or "snap" or "pkg" or "opkg" or "apk" or "installer" or "apt" or "apt-get" when draft.Args.Exists(static a => IsPackageFile(a.Text) || a.Text is "--dangerous") || (program is "dpkg" && (draft.HasArg("-i") || draft.HasArg("--install"))):
                draft.Tag(ShellTags.Opaque, program + " installs a package file whose install scripts run");
                break;
            case "httpd" when draft.HasArg("-h") && draft.HasArg("-p"):
            case "php" when draft.HasArg("-S") && draft.Args.Exists(a => a.Text.StartsWith("0.0.0.0", StringComparison.Ordinal)):
            case "tailscale" or "ngrok" or "cloudflared" or "localtunnel" or "lt" when draft.Args.Exists(a => a.Text is "serve" or "funnel" or "tunnel" or "http" or "tcp"):
            case "code" or "code-insiders" when draft.HasArg("tunnel"):
            case "ruby" when draft.HasArg("-run") && draft.HasArg("httpd"):
                draft.AddTag(ShellTags.Network);
                draft.Tag(ShellTags.Exfiltration, program + " serves this machine's files or a shell to the network");
                break;
            case "sg" or "newgrp":
                draft.Tag(ShellTags.Privilege, program + " switches group");
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

        if (program is "docker" or "podman" or "nerdctl" && draft.Operands().FirstOrDefault().Text is "compose" && draft.HasArg("down") && draft.Args.Exists(a => a.Text is "-v" or "--volumes"))
        {
            draft.Tag(ShellTags.Destructive, program + " compose down -v deletes the volumes");
        }

        if (program is "docker" or "podman" or "nerdctl" && draft.Operands().FirstOrDefault().Text is "run" or "create" or "exec")
        {
            HostAccess(draft);
        }
        else if (program is "lxc" or "incus")
        {
            LxdHostAccess(draft);
        }

        if (program is "lp" or "lpr" && draft.Args.Exists(a => a.Text is "-h" or "-H") || program is "smbclient" && draft.Args.Exists(a => a.Text.Contains("put ", StringComparison.Ordinal))
            || program is "ab" && draft.Args.Exists(a => a.Text is "-p" or "-u"))
        {
            draft.Tag(ShellTags.Exfiltration, program + " sends a local file to another host");
        }

        if (program is "systemd-run" or "daemonize" or "openvt" or "start-stop-daemon" || (program is "setsid" && draft.Args.Exists(a => a.Text is "-f" or "--fork")) || (program is "screen" && draft.Args.Exists(a => a.Text.StartsWith("-dm", StringComparison.Ordinal) || a.Text == "-d")) || (program is "tmux" && draft.HasArg("-d") && draft.Args.Exists(a => a.Text is "new" or "new-session")))
        {
            draft.Tag(ShellTags.Opaque, program + " runs a command detached from this guard (it outlives the timeout and is not seen again)");
        }

        if (program is "kubectl" or "oc" && draft.HasArg("proxy") && draft.Args.Exists(a => a.Text.StartsWith("--www", StringComparison.Ordinal) || a.Text.StartsWith("--address=0.0.0.0", StringComparison.Ordinal)))
        {
            draft.Tag(ShellTags.Exfiltration, program + " proxy serves to the network");
        }

        SecurityControls(draft);
        HostAdministration(draft);
        OutputOverwrite(draft);
        ExtractOverwrite(draft);
        FileServers(draft);
        Network(draft, session);
        Redirections(draft, session);
        Credentials(draft, session);
        ServiceVerbs(draft);
        RestVerbs(draft);
        RemoteInstall(draft);
        RunnerPackageSource(draft);
        BackupUpload(draft);
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

        // Pagers and editors: less runs LESSEDIT for its v command and reads key bindings (whose #env section can set
        // LESSOPEN) from LESSKEY*; man takes options (-P, -H) from MANOPT; fc runs FCEDIT.
        "LESSEDIT", "LESSKEY", "LESSKEYIN", "LESSKEY_CONTENT", "LESSKEYIN_SYSTEM", "LESSKEY_SYSTEM", "MANOPT", "FCEDIT",
    };

    /// <summary>
    /// <c>kill [-SIG] 1</c> (PID 1, not the value of <c>-s</c>/<c>-n</c>, and not <c>kill -l 1</c>, which names signal 1),
    /// or <c>pkill</c>/<c>killall</c> of the program that runs as PID 1 (<c>init</c>, <c>systemd</c>, <c>launchd</c>).
    /// </summary>
    private static bool SignalsFirstProcess(CommandDraft draft)
    {
        var args = draft.Args;
        if (args.Exists(static a => a.Text is "-l" or "-L" or "--list" or "--table"))
        {
            return false;
        }

        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (draft.Program == "kill" && text is "-s" or "-n" or "--signal")
            {
                i++;
                continue;
            }

            if (draft.Program == "kill" ? text == "1" : text is "init" or "systemd" or "launchd" or "/sbin/init" or "/lib/systemd/systemd")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for variables that make later programs load or run other code (LD_PRELOAD, BASH_ENV, GIT_SSH_COMMAND…), and
    /// npm's settings (<c>npm_config_yes</c>, <c>_registry</c>, <c>_script_shell</c>: what npx fetches and runs, without asking).
    /// </summary>
    public static bool IsHijackVariable(string name)
        => HijackVariables.Contains(name) || name.StartsWith("npm_config_", StringComparison.OrdinalIgnoreCase) || name is "SHELL" or "LESSOPEN" or "LESSCLOSE" or "BROWSER"
            || name.EndsWith("PAGER", StringComparison.Ordinal) || name.EndsWith("EDITOR", StringComparison.Ordinal) || name.EndsWith("_COMMAND", StringComparison.Ordinal)
            || name.EndsWith("_CMD", StringComparison.Ordinal) || name.EndsWith("ASKPASS", StringComparison.Ordinal) || name.EndsWith("_SHELL", StringComparison.Ordinal)
            || name.EndsWith("_RSH", StringComparison.Ordinal) || name.EndsWith("_PROGRAM", StringComparison.Ordinal) || name.EndsWith("_HOOK", StringComparison.Ordinal)
            || name is "RUBYOPT" or "JAVA_TOOL_OPTIONS" or "_JAVA_OPTIONS" or "JDK_JAVA_OPTIONS" or "LUA_INIT" or "PERL5DB" or "PERLDB_OPTS" or "GIT_CONFIG_PARAMETERS" or "R_PROFILE" or "R_PROFILE_USER" or "GCONV_PATH" or "GIT_EXEC_PATH";

    /// <summary>Variables naming folders a program loads code from (plugins, modules, libraries).</summary>
    private static readonly HashSet<string> CodePathVariables = new(StringComparer.Ordinal)
    {
        "PYTHONPATH", "PYTHONHOME", "PERL5LIB", "PERLLIB", "RUBYLIB", "NODE_PATH", "LUA_PATH", "LUA_CPATH", "FACTERLIB", "TCLLIBPATH", "GEM_PATH", "GEM_HOME", "GIT_TEMPLATE_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
    };

    /// <summary>
    /// True when <c>PATH</c> is set so that a folder the line wrote or downloaded into, a temporary folder or a relative
    /// folder comes first: a program name may then run a file the line planted (<c>PATH=/tmp/b:$PATH git status</c>).
    /// </summary>
    public static bool IsPathHijack(string name, string value, AnalysisSession session)
    {
        if (CodePathVariables.Contains(name))
        {
            return value.Split(':').Any(folder => PathRules.IsUnderTemp(folder) || (folder.Length > 0 && session.WroteUnder(folder)));
        }

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
