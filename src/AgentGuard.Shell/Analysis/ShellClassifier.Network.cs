using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>Network, redirection and credential rules: uploads, raw sockets, remote copies, /dev/tcp, credential paths.</summary>
internal static partial class ShellClassifier
{
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
                else if ((text is "-o" or "--output" || (text.Length > 2 && text[0] == '-' && text[1] != '-' && text[^1] == 'o')) && next.Length > 0)
                {
                    session.DownloadedFiles.Add(next.StartsWith("./", StringComparison.Ordinal) ? next[2..] : next);
                }
                else if (text.Length > 2 && text[0] == '-' && text[1] != '-' && text.IndexOf('o', StringComparison.Ordinal) is var o and > 0 && o < text.Length - 1 && text.AsSpan(1, o - 1).IndexOfAny("dFTXHAebKuwrCyYz") < 0)
                {
                    var attached = text[(o + 1)..];
                    session.DownloadedFiles.Add(attached.StartsWith("./", StringComparison.Ordinal) ? attached[2..] : attached);
                }
                else if (text is "-O" or "--remote-name" || (text.Length > 2 && text[0] == '-' && text[1] != '-' && text.Contains('O', StringComparison.Ordinal)))
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
                else if ((text is "-O" or "--output-document" || (text.Length > 2 && text[0] == '-' && text[1] != '-' && text[^1] == 'O')) && i + 1 < draft.Args.Count)
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
            draft.AddTag(ShellTags.Network);
            if (!OnlyReceives(draft))
            {
                draft.Tag(ShellTags.Exfiltration, program + " opens a raw connection");
            }

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
        else if (program is "sftp" or "ftp" or "lftp" or "tftp" or "mail" or "mailx" or "sendmail" or "mutt" or "msmtp" or "pastebinit" && !(program is "sftp" && IsSftpRetrieval(draft)))
        {
            draft.Tag(ShellTags.Exfiltration, program + " sends data to another host");
        }
        else if (program is "rclone" && draft.Operands().FirstOrDefault().Text is "copy" or "sync" or "move" or "copyto" && draft.Operands().LastOrDefault().Text.Contains(':', StringComparison.Ordinal))
        {
            draft.Tag(ShellTags.Exfiltration, "rclone uploads to a remote");
        }
        else if (program is "openssl" && (draft.HasArg("s_client") || draft.HasArg("s_server")) && draft.Redirects.Any(r => r.Operator == "<" && r.Target.Text != "/dev/null"))
        {
            draft.Tag(ShellTags.Exfiltration, "openssl s_client sends a file to another host");
        }
        else if (program is "ssh" && (draft.Upstream is not null || draft.Redirects.Any(r => r.Operator == "<")))
        {
            draft.Tag(ShellTags.Exfiltration, "ssh sends piped data to another host");
        }
        else if (program is "ssh" && draft.Args.Exists(a => a.Text is "-R" || (a.Text.Length > 2 && a.Text[0] == '-' && a.Text[1] != '-' && a.Text.EndsWith('R')) || a.Text.StartsWith("-oRemoteForward", StringComparison.OrdinalIgnoreCase) || a.Text.StartsWith("RemoteForward", StringComparison.OrdinalIgnoreCase)))
        {
            draft.Tag(ShellTags.Exfiltration, "ssh -R opens a port on another host into this machine");
        }

        // Only output that is not known before the line runs is data from the machine: $(echo 10.0.0.255 | cut -d. -f-3)
        // is text written on the line.
        if (NetworkTools.Contains(program) && draft.Args.Exists(a => a.UnknownOutput))
        {
            draft.Tag(ShellTags.Exfiltration, program + " sends the output of a command");
        }

        if (program is "curl" or "wget" && draft.Args.Exists(a => a.Text is "-" or "@-" || a.Text.EndsWith("=@-", StringComparison.Ordinal)) && draft.Upstream is not null)
        {
            draft.Tag(ShellTags.Exfiltration, program + " uploads piped data");
        }
    }

    /// <summary>
    /// <c>git --exec-path=DIR</c> runs git's own commands (<c>git x</c> runs <c>DIR/git-x</c>) from DIR: a relative or
    /// temporary folder, one the line wrote into, or one only known at run time is a folder the line controls.
    /// </summary>
    private static void GitExecPath(CommandDraft draft, AnalysisSession session)
    {
        foreach (var arg in draft.Args)
        {
            if (!arg.Text.StartsWith("--exec-path=", StringComparison.Ordinal))
            {
                continue;
            }

            var folder = arg.Text["--exec-path=".Length..];
            if (arg.Dynamic || folder.Length == 0 || folder[0] != '/' || PathRules.IsUnderTemp(folder) || session.WroteUnder(folder))
            {
                draft.Tag(ShellTags.Opaque, "git --exec-path=" + folder + " runs git's commands from a folder the line controls");
            }
        }
    }

    /// <summary>curl's gopher and telnet URLs send raw bytes to a port (the URL's path, or standard input): an upload in disguise.</summary>
    /// <summary>
    /// A netcat listener (<c>nc -l 4444</c>, <c>ncat --listen</c>) given nothing to send: no pipe or redirection into it,
    /// no command to hand the connection (<c>-e</c>, <c>-c</c>, <c>--sh-exec</c>…), no host to connect to. It only prints
    /// what arrives. socat, telnet and the others are not netcat and keep their tag.
    /// </summary>
    private static bool OnlyReceives(CommandDraft draft)
    {
        if (draft.Program is not ("nc" or "ncat" or "netcat" or "nc.traditional" or "nc.openbsd" or "netcat-traditional" or "netcat-openbsd") || draft.Upstream is not null || draft.StdinText is not null)
        {
            return false;
        }

        var listens = false;
        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                listens |= text == "--listen";
                if (text is "--exec" or "--sh-exec" or "--lua-exec" or "--send-only" or "--proxy" || text.StartsWith("--exec=", StringComparison.Ordinal) || text.StartsWith("--sh-exec=", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else if (text.Length > 1 && text[0] == '-')
            {
                listens |= text.AsSpan(1).Contains('l');
                if (text.AsSpan(1).IndexOfAny('e', 'c') >= 0)
                {
                    return false;
                }
            }
        }

        foreach (var redirect in draft.Redirects)
        {
            if (redirect.Operator is "<" or "<<" or "<<-" or "<<<" or "<>")
            {
                return false;
            }
        }

        return listens;
    }

    private static void RawSocketUpload(CommandDraft draft)
    {
        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (text.StartsWith("gopher://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("gophers://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("telnet://", StringComparison.OrdinalIgnoreCase))
            {
                draft.AddTag(ShellTags.Network);
                draft.Tag(ShellTags.Exfiltration, "curl sends raw data to " + text[..text.IndexOf(':', StringComparison.Ordinal)] + " port " + text);
                return;
            }
        }
    }

    /// <summary>Pushing to a URL, or to a remote added earlier on the line, sends the repository to whoever owns it.</summary>
    private static void GitExfiltration(CommandDraft draft, AnalysisSession session)
    {
        // Most git commands name none of these: checked on the arguments first, so they cost no operand list.
        if (!draft.Args.Exists(static a => a.Text is "push" or "remote" or "send-email" or "scp" or "request-pull"))
        {
            return;
        }

        var operands = draft.OperandTexts();
        var sub = operands.FindIndex(o => o is "push" or "remote" or "send-email" or "scp" or "request-pull");
        if (sub < 0)
        {
            return;
        }

        switch (operands[sub])
        {
            case "remote" when sub + 3 < operands.Count && operands[sub + 1] is "add" or "set-url":
                session.AddRemote(operands[sub + 2]);
                break;
            case "push" when sub + 1 < operands.Count && (IsUrl(operands[sub + 1]) || session.IsAddedRemote(operands[sub + 1])):
                draft.Tag(ShellTags.Exfiltration, "git push sends the repository to " + operands[sub + 1]);
                break;
            case "send-email" or "scp":
                draft.Tag(ShellTags.Exfiltration, "git " + operands[sub] + " sends files to another host");
                break;
            default:
                break;
        }
    }

    private static readonly HashSet<string> BackupTools = new(StringComparer.Ordinal) { "restic", "rustic", "borg", "kopia", "duplicity", "duplicacy", "rdiff-backup", "bup", "rclone", "rsnapshot", "tarsnap" };

    /// <summary>
    /// A backup tool writing into a repository on another host (<c>restic -r rest:http://host/ backup</c>,
    /// <c>borg create ssh://host/repo::a dir</c>, <c>duplicity dir sftp://host/x</c>) sends local files there:
    /// exfiltration, or an <see cref="ShellTags.Upload"/> when the repository is cloud storage.
    /// </summary>
    private static void BackupUpload(CommandDraft draft)
    {
        if (!BackupTools.Contains(draft.Program) || draft.Program == "rclone"
            || draft.Operands().Take(3).Any(o => o.Text is "list" or "ls" or "check" or "snapshots" or "mount" or "restore" or "extract" or "info" or "diff" or "stats" or "find" or "verify" or "collection-status" or "list-current-files"))
        {
            return;
        }

        foreach (var arg in draft.Args)
        {
            var text = arg.Text.StartsWith("--repo=", StringComparison.Ordinal) ? arg.Text[7..] : arg.Text;
            var scheme = text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? text[..colon] : string.Empty;
            if (scheme is "s3" or "gs" or "azure" or "b2" or "swift" or "gcs" or "boto3+s3" or "par2+s3")
            {
                draft.Tag(ShellTags.Upload, draft.Program + " writes a backup to cloud storage " + text);
            }
            else if (scheme is "rest" or "sftp" or "ssh" or "rsync" or "ftp" or "ftps" or "http" or "https" or "webdav" or "webdavs" or "scp" or "rclone"
                || (text.Contains('@', StringComparison.Ordinal) && text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('-')))
            {
                draft.AddTag(ShellTags.Network);
                draft.Tag(ShellTags.Exfiltration, draft.Program + " sends local files to a backup repository on another host (" + text + ")");
                return;
            }
        }
    }

    private static bool IsUrl(string text)
        => text.Contains("://", StringComparison.Ordinal) || (text.Contains('@', StringComparison.Ordinal) && text.Contains(':', StringComparison.Ordinal)) || text.StartsWith('/') || text.StartsWith("file:", StringComparison.Ordinal);

    /// <summary>Installing from a URL, a git repository or an archive runs code no registry vetted (setup scripts, install hooks).</summary>
    private static void RemoteInstall(CommandDraft draft)
    {
        var program = draft.Program;
        if (program is not ("pip" or "pip3" or "pipx" or "uv" or "poetry" or "pdm" or "npm" or "pnpm" or "yarn" or "bun" or "uvx" or "npx" or "bunx" or "pnpx" or "go" or "cargo" or "gem"))
        {
            return;
        }

        var operands = draft.Operands();
        var installs = program switch
        {
            "pip" or "pip3" or "pipx" or "uv" or "poetry" or "pdm" => operands.Exists(static o => o.Text is "install" or "add" or "run" or "inject"),
            "npm" or "pnpm" or "yarn" or "bun" => operands.Exists(static o => o.Text is "install" or "i" or "add" or "exec" or "x" or "dlx"),
            "uvx" or "npx" or "bunx" or "pnpx" => true,
            "go" or "cargo" or "gem" => operands.Exists(static o => o.Text is "install" or "get"),
            _ => false,
        };
        if (!installs)
        {
            return;
        }

        var runsPackage = program is "npx" or "bunx" or "pnpx";
        var firstOperand = true;
        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            var eq = text.StartsWith("--", StringComparison.Ordinal) ? text.IndexOf('=', StringComparison.Ordinal) : -1;
            var value = eq > 0 ? text[(eq + 1)..] : text;
            var operand = text.Length > 0 && text[0] != '-';

            // npx's first operand is the package; a bare user/repo there is a GitHub repository (npm-package-arg's shorthand).
            if (IsOutsideRegistry(value) || text.StartsWith("--git=", StringComparison.Ordinal) || text == "--git"
                || (runsPackage && operand && firstOperand && IsGitHubShorthand(text)))
            {
                draft.Tag(ShellTags.RemoteCode, program + " installs and runs code from " + text);
                return;
            }

            firstOperand &= !operand;
        }

        if ((runsPackage || (program == "npm" && operands.Exists(static o => o.Text is "exec" or "x"))) && draft.Args.Exists(a => a.Text is "-y" or "--yes" or "--yes=true"))
        {
            draft.Tag(ShellTags.RemoteCode, program + " -y downloads and runs a package without asking");
        }
    }

    /// <summary>
    /// The command a package runner runs (<c>pnpm dlx SPEC</c>, <c>yarn dlx SPEC</c>, <c>npm exec SPEC</c>) is the
    /// package itself: from a URL or a git repository it is code no registry vetted.
    /// </summary>
    private static void RunnerPackageSource(CommandDraft draft)
    {
        if (draft.Wrappers.Count > 0 && draft.Wrappers[^1] is "npm" or "pnpm" or "yarn" or "bun" && IsOutsideRegistry(draft.Path))
        {
            draft.Tag(ShellTags.RemoteCode, draft.Wrappers[^1] + " fetches and runs the package " + draft.Path + " from outside a registry");
        }
    }

    /// <summary>A package given by URL, git repository, hosted-git prefix or remote tarball (<c>git+https://…</c>, <c>github:user/repo</c>, <c>pkg @ https://…</c>).</summary>
    private static bool IsOutsideRegistry(string text)
        => text.StartsWith("git+", StringComparison.Ordinal) || text.StartsWith("git:", StringComparison.Ordinal) || text.StartsWith("http://", StringComparison.Ordinal)
            || text.StartsWith("https://", StringComparison.Ordinal) || text.StartsWith("github:", StringComparison.Ordinal) || text.StartsWith("gitlab:", StringComparison.Ordinal)
            || text.StartsWith("bitbucket:", StringComparison.Ordinal) || text.StartsWith("gist:", StringComparison.Ordinal) || text.Contains("@git+", StringComparison.Ordinal)
            || (text.Contains(" @ ", StringComparison.Ordinal) && text.Contains("://", StringComparison.Ordinal));

    /// <summary>
    /// <c>user/repo</c>, which npm reads as a GitHub repository (npm-package-arg: one slash, not a scoped package, not a
    /// path starting with <c>.</c>, <c>/</c> or <c>~</c>, not a tarball's file name): <c>npx evil/tool.js</c> fetches a repository.
    /// </summary>
    private static bool IsGitHubShorthand(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < text.Length - 1 && text.IndexOf('/', slash + 1) < 0 && text[0] is not ('@' or '.' or '~' or '$' or '-')
            && text.AsSpan().IndexOfAny(":%@ \t") < 0
            && !text.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) && !text.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) && !text.EndsWith(".tar", StringComparison.OrdinalIgnoreCase);
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

        var writes = new List<ExpandedWord>(draft.Redirects.Count);
        for (var i = 0; i < draft.Redirects.Count; i++)
        {
            if (draft.Redirects[i].IsWrite)
            {
                writes.Add(draft.Redirects[i].Target);
            }
        }

        if (draft.Program == "tee")
        {
            writes.AddRange(draft.Operands());
        }

        foreach (var written in writes)
        {
            var target = draft.Resolve(written);
            var path = target.Text;
            if (path.StartsWith("/dev/tcp/", StringComparison.Ordinal) || path.StartsWith("/dev/udp/", StringComparison.Ordinal))
            {
                draft.AddTag(ShellTags.Network);
                draft.Tag(ShellTags.Exfiltration, "writes to a network socket " + path);
                continue;
            }

            if (path.StartsWith("/etc/sudoers", StringComparison.Ordinal))
            {
                draft.Tag(ShellTags.Privilege, "writes " + path);
            }

            if (IsStartupFile(path))
            {
                draft.Tag(ShellTags.Opaque, "writes " + path + ", which changes what later shells run");
            }

            if (PathRules.IsDisk(path) || (PathRules.IsSystem(path) && !path.StartsWith("/etc/sudoers", StringComparison.Ordinal)))
            {
                draft.Tag(ShellTags.Destructive, "overwrites " + path);
            }

            if (WrittenText(draft) is { } code && !PathRules.IsHarmlessDevice(path) && ShellPayload.Find(code) is { } spawn)
            {
                draft.Tag(ShellTags.Opaque, "writes code that starts a shell (" + spawn + ") to " + (path.Length > 0 ? path : "a file named at run time") + ": whatever reads that file runs it");
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

        for (var r = 0; r < draft.Redirects.Count; r++)
        {
            var redirect = draft.Redirects[r];
            var path = redirect.Target.Text;
            if (redirect.Operator is "<" or "<>" && (path.StartsWith("/dev/tcp/", StringComparison.Ordinal) || path.StartsWith("/dev/udp/", StringComparison.Ordinal)))
            {
                draft.AddTag(ShellTags.Network);
                draft.Tag(ShellTags.RemoteCode, "reads commands from a network socket");
            }
        }

        if (draft.HasTag(ShellTags.Exfiltration) && draft.Redirects.Any(r => r.Target.Text.StartsWith("/dev/tcp/", StringComparison.Ordinal))
            && (draft.HasTag(ShellTags.ShellWrapper) || draft.Redirects.Any(r => r.IsFileDescriptorTarget && r.FileDescriptor == "0") || draft.HasFlag('i')))
        {
            draft.Tag(ShellTags.RemoteCode, "reverse shell over /dev/tcp");
        }

        if (draft.HasTag(ShellTags.ShellWrapper) && draft.Redirects.Any(r => r.Target.Text.StartsWith("/dev/tcp/", StringComparison.Ordinal)))
        {
            draft.Tag(ShellTags.RemoteCode, "reverse shell over /dev/tcp");
        }
    }

    /// <summary>What a command writes, as far as the line says: echo/printf output (its known parts when some are computed), or what tee passes on.</summary>
    private static string? WrittenText(CommandDraft draft)
        => draft.OutputText
           ?? (draft.Program == "tee" ? draft.StdinText : null)
           ?? (draft.Program is "echo" or "printf" ? string.Join(' ', draft.OperandTexts()) : null);

    private static void Credentials(CommandDraft draft, AnalysisSession session)
    {
        var onlyLists = draft.Program == "find" && FindOnlyLists(draft);
        string? listed = null;
        foreach (var arg in draft.Args)
        {
            if (PathRules.CredentialMatch(draft.Resolve(arg), session.DotFilesGlobbed) is { } match)
            {
                if (onlyLists)
                {
                    listed ??= match;
                    continue;
                }

                draft.Tag(ShellTags.CredentialAccess, draft.Program + " touches " + match);
            }
        }

        if (draft.Program == "find" && FindRootAndName(draft) is { } joined)
        {
            if (onlyLists)
            {
                listed ??= joined;
            }
            else
            {
                draft.Tag(ShellTags.CredentialAccess, "find touches " + joined);
            }
        }

        if (listed is not null)
        {
            RecordListFiles(draft, session);
        }
        else if (ReadsCredentialList(draft, session) is { } list)
        {
            draft.Tag(ShellTags.CredentialAccess, draft.Program + " reads the credential paths find wrote to " + list + " as its input or arguments");
        }

        for (var r = 0; r < draft.Redirects.Count; r++)
        {
            var redirect = draft.Redirects[r];
            if (PathRules.CredentialMatch(draft.Resolve(redirect.Target)) is { } match)
            {
                draft.Tag(ShellTags.CredentialAccess, draft.Program + " redirects " + redirect.Operator + " " + match);
            }
        }
    }
}
