namespace AgentGuard.Shell.Analysis;

/// <summary>Destruction without rm: copying, linking, editing in place or mirroring over important paths, find -delete.</summary>
internal static partial class ShellClassifier
{
    /// <summary>Files that run each time a shell or session starts: writing them changes what later commands do.</summary>
    /// <summary>
    /// Files in a home folder that run commands later: shell and session start-up files, and the files other programs
    /// run commands from when they start (less's input filter, ssh's per-login <c>rc</c> and <c>ProxyCommand</c>, git
    /// aliases and pagers, editor, debugger and multiplexer start-up scripts).
    /// </summary>
    private static readonly string[] StartupFiles =
    [
        ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".config/fish/config.fish", ".xprofile", ".xinitrc",
        ".lessfilter", ".ssh/rc", ".ssh/config", ".gitconfig", ".config/git/config", ".vimrc", ".exrc", ".gvimrc", ".config/nvim/init.vim", ".config/nvim/init.lua",
        ".emacs", ".gdbinit", ".tmux.conf", ".screenrc", ".mailrc",
    ];

    private static void Overwrite(CommandDraft draft)
    {
        var operands = draft.Operands().Select(draft.Resolve).ToList();
        switch (draft.Program)
        {
            case "cp" or "install" or "ln" or "mv" when operands.Count >= 2:
                {
                    var target = operands[^1];
                    if (PathRules.IsSystem(target.Text) || PathRules.IsDisk(target.Text) || PathRules.CredentialMatch(target) is not null || (draft.Program == "ln" && PathRules.IsImportant(target)))
                    {
                        draft.Tag(ShellTags.Destructive, draft.Program + " overwrites " + target.Text);
                    }
                    else if (IsStartupFile(target.Text))
                    {
                        draft.Tag(ShellTags.Opaque, draft.Program + " puts a file in " + target.Text + ", which runs at login or when a session starts");
                    }

                    break;
                }

            case "rsync" when draft.Args.Exists(a => a.Text.StartsWith("--delete", StringComparison.Ordinal) || a.Text == "--remove-source-files") && operands.Count >= 2:
                {
                    var destination = operands[^1];
                    if (PathRules.IsImportant(destination) || PathRules.IsSystem(destination.Text) || PathRules.IsHomeRoot(destination.Text) || destination.Text.StartsWith("/var/www", StringComparison.Ordinal))
                    {
                        draft.Tag(ShellTags.Destructive, "rsync --delete mirrors over " + destination.Text);
                    }

                    break;
                }

            case "sed" or "gsed" or "perl" when draft.Args.Exists(a => a.Text.StartsWith("-i", StringComparison.Ordinal) || a.Text.StartsWith("--in-place", StringComparison.Ordinal) || (draft.Program == "perl" && a.Text.StartsWith("-p", StringComparison.Ordinal) && a.Text.Contains('i', StringComparison.Ordinal))):
                foreach (var file in operands.Skip(1))
                {
                    if (PathRules.IsSystem(file.Text) || PathRules.CredentialMatch(file) is not null || IsStartupFile(file.Text))
                    {
                        draft.Tag(ShellTags.Destructive, draft.Program + " -i edits " + file.Text);
                    }
                }

                break;
            default:
                break;
        }
    }

    private static readonly HashSet<string> OutputOptions = new(StringComparer.Ordinal)
    {
        "-o", "--output", "--out", "--output-file", "--outfile", "--out-file", "--output-document", "-O", "--log-file", "--logfile", "--log", "--dump", "--save", "--write",
    };

    /// <summary>
    /// Any program told to write its output (<c>-o</c>, <c>--output=</c>, <c>--log-file</c>…) over a system file, a
    /// credential, a start-up file or a disk; and sed's <c>w file</c> / <c>s///w file</c>, uniq's and xxd -r's output
    /// operand, and patch's target, which do the same without an option.
    /// </summary>
    private static void OutputOverwrite(CommandDraft draft)
    {
        if (draft.Program is "ssh" or "scp" or "sftp" or "mount" or "umount" or "tar" or "ps" or "lsblk" or "findmnt" or "column" or "pgrep" or "pkill" or "crontab")
        {
            return;
        }

        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            ExpandedWord? value = null;
            if (OutputOptions.Contains(text) && i + 1 < draft.Args.Count)
            {
                value = draft.Args[i + 1];
            }
            else if (text.StartsWith("--", StringComparison.Ordinal) && text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 && OutputOptions.Contains(text[..eq]))
            {
                value = draft.Args[i] with { Text = text[(eq + 1)..] };
            }
            else if (text.Length > 2 && text.StartsWith("-o", StringComparison.Ordinal) && text[2] is '/' or '~')
            {
                value = draft.Args[i] with { Text = text[2..] };
            }

            if (value is { } file && IsProtectedTarget(draft.Resolve(file)))
            {
                draft.Tag(ShellTags.Destructive, draft.Program + " writes its output over " + file.Text);
                return;
            }
        }

        if (draft.Program is not ("uniq" or "xxd" or "patch" or "sed" or "gsed"))
        {
            return;
        }

        var operands = draft.Operands().Select(draft.Resolve).ToList();
        var target = draft.Program switch
        {
            "uniq" when operands.Count >= 2 => operands[1],
            "xxd" when draft.HasFlag('r') && operands.Count >= 2 => operands[1],
            "patch" when operands.Count >= 1 => operands[0],
            "sed" or "gsed" when operands.Count >= 1 && SedWriteTarget(operands[0].Text) is { } written => ExpandedWord.Literal(written),
            _ => (ExpandedWord?)null,
        };
        if (target is { } overwritten && IsProtectedTarget(draft.Resolve(overwritten)))
        {
            draft.Tag(ShellTags.Destructive, draft.Program + " writes over " + overwritten.Text);
        }
    }

    /// <summary>Extracting an archive into a system tree (<c>tar -x -C /</c>, <c>unzip -d /etc</c>, <c>7z x -o/usr/bin</c>) overwrites what is there.</summary>
    private static void ExtractOverwrite(CommandDraft draft)
    {
        var option = draft.Program switch
        {
            "tar" or "bsdtar" or "gtar" => "-C",
            "unzip" => "-d",
            "cpio" => "-D",
            _ => null,
        };
        string? directory = null;
        for (var i = 0; i < draft.Args.Count && directory is null; i++)
        {
            var text = draft.Args[i].Text;
            if (option is not null && text == option && i + 1 < draft.Args.Count)
            {
                directory = draft.Args[i + 1].Text;
            }
            else if (option == "-C" && text.StartsWith("--directory=", StringComparison.Ordinal))
            {
                directory = text["--directory=".Length..];
            }
            else if (draft.Program is "7z" or "7za" or "7zr" && text.StartsWith("-o", StringComparison.Ordinal) && text.Length > 2)
            {
                directory = text[2..];
            }
        }

        if (directory is not null && (draft.Program is not ("tar" or "bsdtar" or "gtar") || TarExtracts(draft.Args)))
        {
            var resolved = draft.Resolve(ExpandedWord.Literal(directory)).Text;
            if (resolved is "/" || PathRules.IsSystem(resolved) || PathRules.IsHomeRoot(resolved))
            {
                draft.Tag(ShellTags.Destructive, draft.Program + " extracts over " + directory);
            }
        }
    }

    /// <summary>True when tar's arguments ask it to extract (<c>-x</c>, <c>--extract</c>, <c>xzf</c> as the first word, <c>-xzf</c>).</summary>
    private static bool TarExtracts(List<ExpandedWord> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text is "--extract" or "--get" || (text.Length > 1 && !text.StartsWith("--", StringComparison.Ordinal) && (text[0] == '-' || i == 0) && text.Contains('x', StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProtectedTarget(ExpandedWord file)
        => PathRules.IsSystem(file.Text) || PathRules.IsDisk(file.Text) || PathRules.CredentialMatch(file) is not null || IsStartupFile(file.Text);

    /// <summary>The file of sed's <c>w file</c> command or <c>s/…/…/w file</c> flag.</summary>
    private static string? SedWriteTarget(string script)
    {
        var match = System.Text.RegularExpressions.Regex.Match(script, @"(?:^|[;\n}]|/[gpiImM0-9]*)\s*w\s+(?<file>[^;\n}]+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return match.Success ? match.Groups["file"].Value.Trim() : null;
    }

    /// <summary>find -delete (or -exec rm) under an important path, or with -delete before any test (which deletes everything under the root).</summary>
    private static void Find(CommandDraft draft)
    {
        // A deleting program run on each match (-exec rm {} +) deletes what -delete would, from where it stands.
        var primary = FindPrimary(draft, static t => t == "-delete");
        var exec = ExecDeletingEachMatch(draft);
        var delete = primary < 0 ? exec : exec < 0 ? primary : Math.Min(primary, exec);
        var roots = draft.Args.TakeWhile(a => !a.Text.StartsWith('-') && a.Text is not ("(" or "!")).Select(draft.Resolve).ToList();
        if (delete >= 0)
        {
            if (roots.Exists(r => r.Text is not ("." or "./") && PathRules.IsImportant(r) && !PathRules.IsUnderTemp(r.Text)))
            {
                draft.Tag(ShellTags.Destructive, (delete == primary ? "find -delete" : "find -exec " + draft.Args[delete + 1].Text) + " under an important path");
            }

            var firstTest = FindPrimary(draft, static t => t is "-name" or "-iname" or "-path" or "-ipath" or "-regex" or "-iregex" or "-type" or "-newer" or "-mtime" or "-mmin" or "-size" or "-empty" or "-user" or "-perm" or "-wholename");
            if (firstTest < 0 || delete < firstTest)
            {
                draft.Tag(ShellTags.Destructive, (delete == primary ? "find -delete" : "find -exec " + draft.Args[delete + 1].Text) + " before any test deletes everything under " + (roots.Count == 0 ? "." : roots[0].Text));
            }
        }

        for (var i = 0; i + 1 < draft.Args.Count; i++)
        {
            if (draft.Args[i].Text is "-fprint" or "-fprint0" or "-fprintf" or "-fls")
            {
                var file = draft.Resolve(draft.Args[i + 1]);
                if (PathRules.IsSystem(file.Text) || PathRules.CredentialMatch(file) is not null || IsStartupFile(file.Text))
                {
                    draft.Tag(ShellTags.Destructive, "find " + draft.Args[i].Text + " overwrites " + file.Text);
                }
            }
        }
    }

    /// <summary>
    /// The index of the first of find's own primaries that <paramref name="match"/> accepts. Words of an
    /// <c>-exec … ;</c> block are the command's arguments and the word after a test that takes a value is that value
    /// (<c>find . -exec echo -delete \; -print</c> and <c>find . -name -delete</c> delete nothing).
    /// </summary>
    private static int FindPrimary(CommandDraft draft, Func<string, bool> match)
    {
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (text is "-exec" or "-execdir" or "-ok" or "-okdir")
            {
                while (i + 1 < draft.Args.Count && draft.Args[i + 1].Text is not (";" or "+"))
                {
                    i++;
                }

                i++;
                continue;
            }

            if (match(text))
            {
                return i;
            }

            if (FindValueTests.Contains(text))
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index of the first <c>-exec</c>/<c>-execdir</c>/<c>-ok</c>/<c>-okdir</c> whose command is a deleting program
    /// (<c>rm</c>, <c>unlink</c>, <c>shred</c>, <c>srm</c>, <c>wipe</c>, by any path) given find's <c>{}</c>, or -1.
    /// </summary>
    private static int ExecDeletingEachMatch(CommandDraft draft)
    {
        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Text is not ("-exec" or "-execdir" or "-ok" or "-okdir"))
            {
                if (FindValueTests.Contains(args[i].Text))
                {
                    i++;
                }

                continue;
            }

            var start = i;
            var program = i + 1 < args.Count ? args[i + 1].Text : string.Empty;
            var slash = program.LastIndexOf('/');
            var deleting = (slash < 0 ? program : program[(slash + 1)..]) is "rm" or "unlink" or "shred" or "srm" or "wipe";
            var match = false;
            while (i + 1 < args.Count && args[i + 1].Text is not (";" or "+"))
            {
                i++;
                match |= args[i].Text.Contains("{}", StringComparison.Ordinal);
            }

            if (deleting && match)
            {
                return start;
            }

            i++;
        }

        return -1;
    }

    private static readonly HashSet<string> FindValueTests = new(StringComparer.Ordinal)
    {
        "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex", "-lname", "-ilname", "-type", "-xtype", "-newer", "-anewer", "-cnewer",
        "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-size", "-user", "-group", "-uid", "-gid", "-perm", "-links", "-inum", "-samefile", "-fstype",
        "-maxdepth", "-mindepth", "-printf", "-fprint", "-fprint0", "-fls", "-regextype", "-context", "-used", "-files0-from",
    };

    /// <summary>True for shell and session start-up files (~/.bashrc, ~/.profile, ~/.zshrc…) and system-wide profiles.</summary>
    internal static bool IsStartupFile(string path)
    {
        if (path.Contains("/Library/LaunchAgents/", StringComparison.Ordinal) || path.Contains("/Library/LaunchDaemons/", StringComparison.Ordinal) || path.Contains("/Library/StartupItems/", StringComparison.Ordinal)
            || path.Contains("com.apple.loginwindow", StringComparison.Ordinal) || path.Contains("/.config/autostart/", StringComparison.Ordinal) || path.Contains("/.config/systemd/user/", StringComparison.Ordinal)
            || path.StartsWith("/etc/emond.d/", StringComparison.Ordinal))
        {
            return true;
        }

        if (path.StartsWith("/etc/profile", StringComparison.Ordinal) || path.StartsWith("/etc/bash", StringComparison.Ordinal) || path.StartsWith("/etc/zsh", StringComparison.Ordinal))
        {
            return true;
        }

        if (!(path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("/root/", StringComparison.Ordinal) || path.StartsWith("/home/", StringComparison.Ordinal) || path.StartsWith("/Users/", StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var name in StartupFiles)
        {
            // "/" + name without building it: the name ends the path and a slash stands before it.
            if (path.Length > name.Length && path.EndsWith(name, StringComparison.Ordinal) && path[^(name.Length + 1)] == '/')
            {
                return true;
            }
        }

        return false;
    }
}
