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
        "dig", "nslookup", "host", "ping", "rclone", "mail", "mailx", "sendmail", "mutt", "msmtp", "pastebinit", "cryptcat", "pwncat",
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
                if (draft.Operands().Any(o => PathRules.IsSystem(o.Text) || PathRules.CredentialMatch(o) is not null))
                {
                    draft.Tag(ShellTags.Destructive, "truncate empties a system file");
                }

                break;
            case "mv":
                {
                    var operands = draft.Operands().ToList();
                    if (operands.Count >= 2 && (operands[^1].Text == "/dev/null" || operands.Take(operands.Count - 1).Any(PathRules.IsImportant)))
                    {
                        draft.Tag(ShellTags.Destructive, "mv moves away " + operands[0].Text);
                    }

                    break;
                }

            case "find":
                if (draft.HasArg("-delete"))
                {
                    var roots = draft.Args.TakeWhile(a => !a.Text.StartsWith('-') && a.Text is not ("(" or "!")).ToList();
                    if (roots.Exists(r => r.Text is not ("." or "./") && PathRules.IsImportant(r)))
                    {
                        draft.Tag(ShellTags.Destructive, "find -delete under an important path");
                    }
                }

                break;
            case "chmod":
                Chmod(draft);
                break;
            case "chown" or "chgrp":
                if (draft.Operands().Skip(1).Any(o => PathRules.IsSystem(o.Text) || (draft.HasFlag('R', "--recursive") && PathRules.IsImportant(o))))
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
                if (eq > 0 && IsHijackVariable(arg.Text[..eq]))
                {
                    draft.Tag(ShellTags.Opaque, "sets " + arg.Text[..eq] + ", which changes what later programs run");
                }
            }
        }

        Network(draft, session);
        Redirections(draft, session);
        Credentials(draft);
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
    public static bool IsHijackVariable(string name) => HijackVariables.Contains(name);

    /// <summary>True when <paramref name="file"/> was downloaded earlier on the line.</summary>
    public static bool IsDownloaded(AnalysisSession session, string file)
    {
        var name = file.StartsWith("./", StringComparison.Ordinal) ? file[2..] : file;
        return session.DownloadedFiles.Contains(name);
    }

    private static void ClassifyOutput(CommandDraft draft)
    {
        switch (draft.Program)
        {
            case "echo" when !draft.Args.Exists(a => a.Dynamic):
                {
                    var args = draft.Args.Select(a => a.Text).ToList();
                    var interpret = false;
                    var newline = true;
                    while (args.Count > 0 && args[0] is "-e" or "-n" or "-ne" or "-en" or "-E")
                    {
                        interpret |= args[0].Contains('e', StringComparison.Ordinal);
                        newline &= !args[0].Contains('n', StringComparison.Ordinal);
                        args.RemoveAt(0);
                    }

                    var text = string.Join(' ', args);
                    draft.OutputText = (interpret ? Escapes.Decode(text) : text) + (newline ? "\n" : string.Empty);
                    break;
                }

            case "printf" when draft.Args.Count > 0 && !draft.Args.Exists(a => a.Dynamic):
                draft.OutputText = Printf(draft.Args);
                break;
            case "cat" when draft.Args.Count == 0 && draft.StdinText is not null:
                draft.OutputText = draft.StdinText;
                break;
            case "base64" when draft.HasFlag('d', "--decode") || draft.HasFlag('D'):
                draft.CarriesRemoteContent = true;
                if (draft.StdinText is { } encoded)
                {
                    try
                    {
                        draft.OutputText = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
                    }
                    catch (FormatException)
                    {
                        draft.OutputText = null;
                    }
                }

                break;
            case "rev" when draft.StdinText is { } forward:
                draft.OutputText = string.Join('\n', forward.TrimEnd('\n').Split('\n').Select(line => new string(line.Reverse().ToArray()))) + "\n";
                break;
            case "xxd" when draft.HasFlag('r'):
                draft.CarriesRemoteContent = true;
                if (draft.StdinText is { } hex && draft.HasFlag('p'))
                {
                    try
                    {
                        draft.OutputText = System.Text.Encoding.UTF8.GetString(Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c)))));
                    }
                    catch (FormatException)
                    {
                        draft.OutputText = null;
                    }
                }

                break;
            case "openssl" when draft.HasArg("-d") && (draft.HasArg("base64") || draft.HasArg("enc")):
            case "uudecode" or "gpg" when draft.HasFlag('d', "--decrypt"):
                draft.CarriesRemoteContent = true;
                break;
            default:
                if (Downloaders.Contains(draft.Program))
                {
                    draft.CarriesRemoteContent = true;
                }

                break;
        }
    }

    /// <summary>printf with %s, %b, %c and %d taking arguments in turn, the format reused while arguments remain (as bash does).</summary>
    private static string Printf(List<ExpandedWord> args)
    {
        var format = args[0].Text;
        var output = new System.Text.StringBuilder();
        var next = 1;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] == '%' && i + 1 < format.Length)
                {
                    var spec = format[++i];
                    if (spec == '%')
                    {
                        output.Append('%');
                    }
                    else if (spec is 's' or 'b' or 'c' or 'd' or 'i')
                    {
                        var value = next < args.Count ? args[next++].Text : string.Empty;
                        output.Append(spec switch { 'b' => Escapes.Decode(value), 'c' => value.Length > 0 ? value[..1] : string.Empty, _ => value });
                    }

                    continue;
                }

                if (format[i] == '\\' && i + 1 < format.Length)
                {
                    output.Append(Escapes.Decode(format.Substring(i, format[i + 1] is 'x' ? Math.Min(4, format.Length - i) : 2)));
                    i += format[i + 1] is 'x' ? Math.Min(3, format.Length - i - 1) : 1;
                    continue;
                }

                output.Append(format[i]);
            }
        }
        while (next < args.Count && next > 1 && output.Length < 65536);

        return output.ToString();
    }

    private static void Remove(CommandDraft draft)
    {
        draft.Tags.Add(ShellTags.FileDelete);
        var recursive = draft.HasFlag('r', "--recursive") || draft.HasFlag('R');
        if (draft.HasArg("--no-preserve-root"))
        {
            draft.Tag(ShellTags.Destructive, "rm --no-preserve-root");
        }

        foreach (var target in draft.Operands())
        {
            if (recursive && PathRules.IsImportant(target))
            {
                draft.Tag(ShellTags.Destructive, "rm -r on " + (target.Dynamic ? "a path computed at run time" : target.Text));
            }
            else if (PathRules.IsSystem(target.Text) || (target.Glob && PathRules.IsImportant(target)) || PathRules.CredentialMatch(target) is not null)
            {
                draft.Tag(ShellTags.Destructive, draft.Program + " on " + target.Text);
            }
        }
    }

    private static void Git(CommandDraft draft)
    {
        var operands = new List<string>();
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (operands.Count == 0 && text is "-C" or "-c" or "--git-dir" or "--work-tree" or "--namespace")
            {
                i++;
                continue;
            }

            if (!text.StartsWith('-'))
            {
                operands.Add(text);
            }
        }

        var sub = operands.FirstOrDefault();
        switch (sub)
        {
            case "push" when draft.HasFlag('f', "--force") || draft.Args.Exists(a => a.Text.StartsWith("--force", StringComparison.Ordinal) || a.Text is "--mirror" or "--delete" or "--prune") || draft.HasFlag('d') || operands.Skip(2).Any(o => o.StartsWith('+') || o.StartsWith(':')):
                draft.Tag(ShellTags.Destructive, "git push rewrites or deletes remote history");
                break;
            case "reset" when draft.HasArg("--hard") || draft.HasArg("--merge"):
                draft.Tag(ShellTags.Destructive, "git reset --hard discards work");
                break;
            case "clean" when draft.HasFlag('f', "--force"):
                draft.Tag(ShellTags.Destructive, "git clean -f deletes untracked files");
                break;
            case "branch" when draft.HasFlag('D') || (draft.HasFlag('d', "--delete") && draft.HasFlag('f', "--force")):
                draft.Tag(ShellTags.Destructive, "git branch -D deletes a branch");
                break;
            case "checkout" or "restore" when operands.Skip(1).Any(o => o == ".") && !draft.HasArg("--staged"):
                draft.Tag(ShellTags.Destructive, "git " + sub + " . discards local changes");
                break;
            case "filter-branch" or "filter-repo":
            case "reflog" when operands.Contains("expire") || operands.Contains("delete"):
            case "stash" when operands.Contains("clear") || operands.Contains("drop"):
            case "update-ref" when draft.HasFlag('d'):
            case "gc" when draft.Args.Exists(a => a.Text.StartsWith("--prune", StringComparison.Ordinal)):
                draft.Tag(ShellTags.Destructive, "git " + sub + " deletes history");
                break;
            default:
                break;
        }
    }

    private static void Cloud(CommandDraft draft)
    {
        var operands = draft.Operands().Select(o => o.Text).ToList();
        if (operands.Exists(o => o is "delete" or "rb" or "destroy" || o.StartsWith("delete-", StringComparison.Ordinal) || o.StartsWith("terminate-", StringComparison.Ordinal))
            || (operands.Contains("rm") && (draft.HasArg("--recursive") || draft.HasFlag('r'))))
        {
            draft.Tag(ShellTags.Destructive, draft.Program + " deletes cloud resources");
        }

        if (operands.Exists(o => o is "cp" or "sync" or "mv" or "upload" or "upload-batch") && operands.Count > 0 && IsCloudUrl(operands[^1]) && operands.Take(operands.Count - 1).Skip(1).Any(o => !IsCloudUrl(o) && o is not ("cp" or "sync" or "mv" or "s3" or "storage" or "blob")))
        {
            draft.Tag(ShellTags.Exfiltration, draft.Program + " uploads local files to " + operands[^1]);
        }

        if ((draft.Program == "aws" && operands.Contains("configure") && (operands.Contains("get") || operands.Contains("export-credentials")))
            || (draft.Program == "gcloud" && operands.Exists(o => o.StartsWith("print-", StringComparison.Ordinal) && o.EndsWith("token", StringComparison.Ordinal)))
            || (draft.Program == "az" && operands.Contains("get-access-token")))
        {
            draft.Tag(ShellTags.CredentialAccess, draft.Program + " prints credentials");
        }
    }

    private static bool IsCloudUrl(string text) => text.StartsWith("s3://", StringComparison.Ordinal) || text.StartsWith("gs://", StringComparison.Ordinal) || text.StartsWith("az://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal);

    private static void Database(CommandDraft draft)
    {
        var texts = new List<string>();
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (text is "-c" or "--command" or "-e" or "--execute" or "-Q" or "-q" or "--query" or "--eval" && i + 1 < draft.Args.Count)
            {
                texts.Add(draft.Args[i + 1].Text);
            }
            else if (text.StartsWith("--command=", StringComparison.Ordinal) || text.StartsWith("--execute=", StringComparison.Ordinal) || text.StartsWith("--query=", StringComparison.Ordinal))
            {
                texts.Add(text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }
        }

        if (draft.Program is "sqlite3" or "duckdb" or "redis-cli")
        {
            texts.AddRange(draft.Operands().Select(o => o.Text));
        }

        if (draft.StdinText is { } stdin)
        {
            texts.Add(stdin);
        }

        foreach (var text in texts)
        {
            if (DestructiveSql().IsMatch(text) || (draft.Program is "redis-cli" && text is "FLUSHALL" or "FLUSHDB" or "flushall" or "flushdb"))
            {
                draft.Tag(ShellTags.Destructive, draft.Program + " runs " + DestructiveSql().Match(text).Value.Trim());
            }
        }
    }

    private static void Chmod(CommandDraft draft)
    {
        var operands = draft.Operands().ToList();
        if (operands.Count == 0)
        {
            return;
        }

        var mode = operands[0].Text;
        var openToAll = mode is "777" or "0777" or "666" or "0666" || mode.Contains("o+w", StringComparison.Ordinal) || mode.Contains("a+w", StringComparison.Ordinal) || mode.Contains("+rwx", StringComparison.Ordinal) && !mode.StartsWith('u');
        var setId = mode.Contains("+s", StringComparison.Ordinal) || (mode.Length == 4 && mode[0] is '2' or '4' or '6' or '7' && mode.All(char.IsAsciiDigit));
        if (openToAll)
        {
            draft.Tag(ShellTags.Privilege, "chmod " + mode + " opens files to everyone");
        }

        if (setId)
        {
            draft.Tag(ShellTags.Privilege, "chmod " + mode + " sets setuid/setgid");
        }

        if (operands.Skip(1).Any(o => PathRules.IsSystem(o.Text)) && (openToAll || setId || draft.HasFlag('R', "--recursive")))
        {
            draft.Tag(ShellTags.Privilege, "chmod on system paths");
        }

        if (draft.HasFlag('R', "--recursive") && operands.Skip(1).Any(PathRules.IsImportant) && (mode is "000" or "0" or "0000" || openToAll))
        {
            draft.Tag(ShellTags.Destructive, "chmod -R " + mode + " on an important path");
        }
    }

    private static void Network(CommandDraft draft, AnalysisSession session)
    {
        var program = draft.Program;
        if (!NetworkTools.Contains(program))
        {
            return;
        }

        if (program is "curl")
        {
            for (var i = 0; i < draft.Args.Count; i++)
            {
                var text = draft.Args[i].Text;
                var next = i + 1 < draft.Args.Count ? draft.Args[i + 1].Text : string.Empty;
                if (text is "-d" or "-F" or "-T" or "--upload-file" or "--form" or "--form-string" or "--json" or "--data" || text.StartsWith("--data", StringComparison.Ordinal)
                    || (text.Length > 1 && text[0] == '-' && text[1] != '-' && text.AsSpan(1).IndexOfAny("dFT") >= 0))
                {
                    draft.Tag(ShellTags.Exfiltration, "curl sends data (" + text + ")");
                }
                else if ((text is "-X" or "--request" && next.ToUpperInvariant() is "POST" or "PUT" or "PATCH") || text.ToUpperInvariant() is "-XPOST" or "-XPUT" or "-XPATCH" || text.StartsWith("--request=P", StringComparison.OrdinalIgnoreCase))
                {
                    draft.Tag(ShellTags.Exfiltration, "curl sends a " + (text.Length > 2 && text[1] == 'X' ? text[2..] : next) + " request");
                }
                else if (text is "-o" or "--output" && next.Length > 0)
                {
                    session.DownloadedFiles.Add(next.StartsWith("./", StringComparison.Ordinal) ? next[2..] : next);
                }
                else if (text is "-O" or "--remote-name")
                {
                    foreach (var url in draft.Operands())
                    {
                        session.DownloadedFiles.Add(CommandUnwrapper.Basename(url.Text.Split('?')[0]));
                    }
                }
            }
        }
        else if (program is "wget")
        {
            var explicitOutput = false;
            for (var i = 0; i < draft.Args.Count; i++)
            {
                var text = draft.Args[i].Text;
                if (text.StartsWith("--post-", StringComparison.Ordinal) || text.StartsWith("--body-", StringComparison.Ordinal) || text.StartsWith("--method=P", StringComparison.OrdinalIgnoreCase)
                    || (text == "--method" && i + 1 < draft.Args.Count && draft.Args[i + 1].Text.ToUpperInvariant() is "POST" or "PUT" or "PATCH"))
                {
                    draft.Tag(ShellTags.Exfiltration, "wget sends data (" + text + ")");
                }
                else if (text is "-O" or "--output-document" && i + 1 < draft.Args.Count)
                {
                    explicitOutput = true;
                    session.DownloadedFiles.Add(draft.Args[i + 1].Text);
                }
                else if (text.StartsWith("-O", StringComparison.Ordinal) && text.Length > 2)
                {
                    explicitOutput = true;
                    session.DownloadedFiles.Add(text[2..]);
                }
            }

            if (!explicitOutput)
            {
                foreach (var url in draft.Operands())
                {
                    session.DownloadedFiles.Add(CommandUnwrapper.Basename(url.Text.Split('?')[0]));
                }
            }
        }
        else if (program is "http" or "https" or "xh" && draft.Args.Exists(a => a.Text.ToUpperInvariant() is "POST" or "PUT" or "PATCH" || a.Text.Contains(":=", StringComparison.Ordinal) || a.Text.Contains("=@", StringComparison.Ordinal) || a.Text.StartsWith('@')))
        {
            draft.Tag(ShellTags.Exfiltration, program + " sends data");
        }
        else if (SocketTools.Contains(program))
        {
            draft.Tags.Add(ShellTags.Network);
            draft.Tag(ShellTags.Exfiltration, program + " opens a raw connection");
            if (draft.Args.Exists(a => a.Text is "-e" or "-c" or "--exec" or "--sh-exec" || a.Text.StartsWith("exec:", StringComparison.OrdinalIgnoreCase) || a.Text.StartsWith("system:", StringComparison.OrdinalIgnoreCase) || a.Text.Contains(",exec:", StringComparison.OrdinalIgnoreCase)))
            {
                draft.Tag(ShellTags.RemoteCode, program + " hands a shell to the connection");
            }
        }
        else if (program is "scp" or "rsync")
        {
            var operands = draft.Operands().Select(o => o.Text).Where(o => !o.StartsWith('-')).ToList();
            if (operands.Count >= 2 && IsRemote(operands[^1]) && operands.Take(operands.Count - 1).Any(o => !IsRemote(o)))
            {
                draft.Tag(ShellTags.Exfiltration, program + " copies local files to " + operands[^1]);
            }
        }
        else if (program is "sftp" or "ftp" or "lftp" or "tftp" or "mail" or "mailx" or "sendmail" or "mutt" or "msmtp" or "pastebinit")
        {
            draft.Tag(ShellTags.Exfiltration, program + " sends data to another host");
        }
        else if (program is "rclone" && draft.Operands().FirstOrDefault().Text is "copy" or "sync" or "move" or "copyto" && draft.Operands().LastOrDefault().Text.Contains(':', StringComparison.Ordinal))
        {
            draft.Tag(ShellTags.Exfiltration, "rclone uploads to a remote");
        }
        else if (program is "ssh" && (draft.Upstream is not null || draft.Redirects.Any(r => r.Operator == "<")))
        {
            draft.Tag(ShellTags.Exfiltration, "ssh sends piped data to another host");
        }

        if (NetworkTools.Contains(program) && draft.Args.Exists(a => a.FromSubstitution))
        {
            draft.Tag(ShellTags.Exfiltration, program + " sends the output of a command");
        }

        if (program is "curl" or "wget" && draft.Args.Exists(a => a.Text is "-" or "@-" || a.Text.EndsWith("=@-", StringComparison.Ordinal)) && draft.Upstream is not null)
        {
            draft.Tag(ShellTags.Exfiltration, program + " uploads piped data");
        }
    }

    private static bool IsRemote(string text)
    {
        if (text.StartsWith("rsync://", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    private static void Redirections(CommandDraft draft, AnalysisSession session)
    {
        if (draft.Redirects.Count == 0 && draft.Program != "tee")
        {
            return;
        }

        var writes = draft.Redirects.Where(r => r.IsWrite).Select(r => r.Target).ToList();
        if (draft.Program == "tee")
        {
            writes.AddRange(draft.Operands());
        }

        foreach (var target in writes)
        {
            var path = target.Text;
            if (path.StartsWith("/dev/tcp/", StringComparison.Ordinal) || path.StartsWith("/dev/udp/", StringComparison.Ordinal))
            {
                draft.Tags.Add(ShellTags.Network);
                draft.Tag(ShellTags.Exfiltration, "writes to a network socket " + path);
                continue;
            }

            if (path.StartsWith("/etc/sudoers", StringComparison.Ordinal))
            {
                draft.Tag(ShellTags.Privilege, "writes " + path);
            }

            if (PathRules.IsDisk(path) || (PathRules.IsSystem(path) && !path.StartsWith("/etc/sudoers", StringComparison.Ordinal)))
            {
                draft.Tag(ShellTags.Destructive, "overwrites " + path);
            }

            if (draft.OutputText is { } content && path.Length > 0 && !PathRules.IsHarmlessDevice(path))
            {
                session.RecordWrite(path, content, draft.Redirects.Any(r => r.Operator == ">>" && r.Target.Text == path));
            }
            else if (draft.Program == "tee" && draft.StdinText is { } teed)
            {
                session.RecordWrite(path, teed, draft.HasFlag('a', "--append"));
            }

            if (draft.CarriesRemoteContent && path.Length > 0 && !PathRules.IsHarmlessDevice(path))
            {
                session.DownloadedFiles.Add(path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path);
            }
        }

        foreach (var redirect in draft.Redirects)
        {
            var path = redirect.Target.Text;
            if (redirect.Operator is "<" or "<>" && (path.StartsWith("/dev/tcp/", StringComparison.Ordinal) || path.StartsWith("/dev/udp/", StringComparison.Ordinal)))
            {
                draft.Tags.Add(ShellTags.Network);
                draft.Tag(ShellTags.RemoteCode, "reads commands from a network socket");
            }
        }

        if (draft.Tags.Contains(ShellTags.Exfiltration) && draft.Redirects.Any(r => r.Target.Text.StartsWith("/dev/tcp/", StringComparison.Ordinal))
            && (draft.Tags.Contains(ShellTags.ShellWrapper) || draft.Redirects.Any(r => r.IsFileDescriptorTarget && r.FileDescriptor == "0") || draft.HasFlag('i')))
        {
            draft.Tag(ShellTags.RemoteCode, "reverse shell over /dev/tcp");
        }

        if (draft.Tags.Contains(ShellTags.ShellWrapper) && draft.Redirects.Any(r => r.Target.Text.StartsWith("/dev/tcp/", StringComparison.Ordinal)))
        {
            draft.Tag(ShellTags.RemoteCode, "reverse shell over /dev/tcp");
        }
    }

    private static void Credentials(CommandDraft draft)
    {
        foreach (var arg in draft.Args)
        {
            if (PathRules.CredentialMatch(arg) is { } match)
            {
                draft.Tag(ShellTags.CredentialAccess, draft.Program + " touches " + match);
            }
        }

        foreach (var redirect in draft.Redirects)
        {
            if (PathRules.CredentialMatch(redirect.Target) is { } match)
            {
                draft.Tag(ShellTags.CredentialAccess, draft.Program + " redirects " + redirect.Operator + " " + match);
            }
        }
    }

    [GeneratedRegex(@"\b(DROP\s+(TABLE|DATABASE|SCHEMA|INDEX|VIEW|USER|ROLE|COLLECTION)|TRUNCATE\b|DELETE\s+FROM\s+[\w."".\[\]]+\s*(;|$)|ALTER\s+TABLE\s+\S+\s+DROP\b|FLUSHALL|FLUSHDB|dropDatabase\s*\(|\.drop\s*\(|deleteMany\s*\(\s*\{\s*\}\s*\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex DestructiveSql();
}
