namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Commands that only list or fetch. A <c>find</c> that only lists where credentials are (<c>find / -name id_rsa</c>)
/// reads none of them: its list on the terminal or in a file is discovery. The same list piped to another command,
/// used as words through <c>$(find …)</c>, or read back from its file by a loop, xargs or <c>$(cat list)</c>, hands the
/// paths to whatever reads them, and counts as credential access. sftp's retrieval mode fetches and exits.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Programs a find action may run on each path without reading the file: they print its name or metadata.</summary>
    private static readonly HashSet<string> NameOnlyActions = new(StringComparer.Ordinal) { "echo", "printf", "ls", "stat", "basename", "dirname", "realpath", "readlink", "file" };

    /// <summary>True when find's actions only print paths: no <c>-exec</c>-style action that runs something reading the files, no <c>-delete</c>.</summary>
    private static bool FindOnlyLists(CommandDraft draft)
    {
        if (draft.Origin.StartsWith("$(", StringComparison.Ordinal) || draft.Origin.StartsWith("<(", StringComparison.Ordinal) || draft.Origin.StartsWith('`'))
        {
            return false;
        }

        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text is "-delete")
            {
                return false;
            }

            if (text is "-exec" or "-execdir" or "-ok" or "-okdir" && (i + 1 >= args.Count || !NameOnlyActions.Contains(Path.GetFileName(args[i + 1].Text))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A credential file named by a root and a name test together (<c>find ~/.aws -name credentials</c>), or null.</summary>
    private static string? FindRootAndName(CommandDraft draft)
    {
        var args = draft.Args;
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i].Text is not ("-name" or "-iname"))
            {
                continue;
            }

            for (var r = 0; r < args.Count && args[r].Text.Length > 0 && args[r].Text[0] is not ('-' or '(' or '!'); r++)
            {
                var joined = new ExpandedWord(args[r].Text.TrimEnd('/') + "/" + args[i + 1].Text, Glob: args[i + 1].Glob || args[i + 1].Text.Contains('*', StringComparison.Ordinal));
                if (PathRules.CredentialMatch(draft.Resolve(joined)) is { } match)
                {
                    return match;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <c>sftp [user@]host:path [local]</c>: sftp's retrieval mode fetches the files and exits, sending nothing and
    /// reading no commands. A batch file (<c>-b</c>), input on the line or a bare host keep the session rules.
    /// </summary>
    public static bool IsSftpRetrieval(CommandDraft draft)
    {
        if (draft.Args.Exists(a => a.Text.StartsWith("-b", StringComparison.Ordinal)) || draft.StdinText is not null || draft.Upstream is not null || draft.Redirects.Count > 0 && draft.Redirects.Any(r => r.Operator.StartsWith('<')))
        {
            return false;
        }

        var operands = draft.Operands();
        if (operands.Count is 0 or > 2)
        {
            return false;
        }

        var remote = operands[0].Text;
        var colon = remote.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < remote.Length - 1 && !operands[0].Dynamic && (operands.Count == 1 || !operands[1].Text.Contains(':', StringComparison.Ordinal));
    }

    /// <summary>The credential path a find only lists (no action of it reads the files), or null.</summary>
    private static string? ListedCredential(CommandDraft draft)
    {
        if (!FindOnlyLists(draft))
        {
            return null;
        }

        foreach (var arg in draft.Args)
        {
            if (PathRules.CredentialMatch(draft.Resolve(arg)) is { } match)
            {
                return match;
            }
        }

        return FindRootAndName(draft);
    }

    /// <summary>Remembers the files a listing find writes its credential paths to.</summary>
    private static void RecordListFiles(CommandDraft draft, AnalysisSession session)
    {
        foreach (var redirect in draft.Redirects)
        {
            if (redirect.IsWrite && redirect.FileDescriptor is null or "1" && !PathRules.IsHarmlessDevice(redirect.Target.Text))
            {
                session.RecordCredentialList(draft.Resolve(redirect.Target).Text);
            }
        }
    }

    /// <summary>Programs that only show a list they read: the paths stay text on the terminal.</summary>
    private static readonly HashSet<string> ListViewers = new(StringComparer.Ordinal) { "cat", "less", "more", "head", "tail", "wc", "sort", "uniq", "grep", "nl", "column" };

    /// <summary>
    /// The credential list this command turns into paths it acts on — read on standard input by a loop, by xargs or by
    /// a program other than a viewer, or as words through <c>$(cat list)</c> — or null.
    /// </summary>
    private static string? ReadsCredentialList(CommandDraft draft, AnalysisSession session)
    {
        if (!session.HasCredentialLists)
        {
            return null;
        }

        var substituted = draft.Origin.StartsWith("$(", StringComparison.Ordinal) || draft.Origin.StartsWith('`');
        var viewer = ListViewers.Contains(draft.Program) && !substituted && !draft.Wrappers.Contains("xargs") && !draft.Wrappers.Contains("parallel");
        foreach (var redirect in draft.Redirects)
        {
            if (redirect.Operator == "<" && session.IsCredentialList(draft.Resolve(redirect.Target).Text) && !viewer)
            {
                return redirect.Target.Text;
            }
        }

        if (substituted)
        {
            foreach (var arg in draft.Args)
            {
                if (session.IsCredentialList(draft.Resolve(arg).Text))
                {
                    return arg.Text;
                }
            }
        }

        return null;
    }

    /// <summary>Called when <paramref name="draft"/>'s output is piped into another command.</summary>
    public static void FeedsPipe(CommandDraft draft)
    {
        if (draft.Program == "find" && ListedCredential(draft) is { } listed)
        {
            draft.Tag(ShellTags.CredentialAccess, draft.Program + " lists " + listed + " into a pipe, which may read them");
        }
    }
}
