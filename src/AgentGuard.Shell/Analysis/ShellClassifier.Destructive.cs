using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>Destructive commands: rm, git, cloud and non-SQL database clients (SQL clients: <c>ShellClassifier.Sql.cs</c>), chmod.</summary>
internal static partial class ShellClassifier
{
    private static void Remove(CommandDraft draft)
    {
        draft.AddTag(ShellTags.FileDelete);
        var recursive = draft.HasFlag('r', "--recursive") || draft.HasFlag('R');
        if (draft.HasArg("--no-preserve-root"))
        {
            draft.Tag(ShellTags.Destructive, "rm --no-preserve-root");
        }

        foreach (var operand in draft.Operands())
        {
            var target = draft.Resolve(operand);
            if (recursive && PathRules.IsImportant(target))
            {
                draft.Tag(ShellTags.Destructive, "rm -r on " + (target.Dynamic ? "a path computed at run time" : target.Text));
            }
            else if (PathRules.IsSystem(target.Text) || (target.Glob && PathRules.IsImportant(target)) || PathRules.CredentialMatch(target) is not null)
            {
                draft.Tag(ShellTags.Destructive, draft.Program + " on " + target.Text);
            }
            else if (recursive && draft.Program == "rm" && PathRules.IsOutsideWorkspace(operand))
            {
                draft.Tag(ShellTags.Destructive, draft.Program + " on " + operand.Text + ", outside the workspace");
            }
        }
    }

    /// <summary>
    /// <c>git clean -n</c>/<c>--dry-run</c> only lists what it would delete, whatever else is given (<c>-nf</c>). The
    /// value of <c>-e</c>/<c>--exclude</c> is a pattern, not an option (<c>git clean -f -e -n</c> deletes), and nothing after
    /// <c>--</c> is an option.
    /// </summary>
    private static bool IsGitCleanDryRun(CommandDraft draft)
    {
        var afterClean = false;
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (!afterClean)
            {
                afterClean = text == "clean";
                continue;
            }

            if (text == "--")
            {
                return false;
            }

            if (text == "--dry-run")
            {
                return true;
            }

            if (text == "--exclude")
            {
                i++;
                continue;
            }

            if (text.Length < 2 || text[0] != '-' || text[1] == '-')
            {
                continue;
            }

            for (var c = 1; c < text.Length; c++)
            {
                if (text[c] == 'n')
                {
                    return true;
                }

                if (text[c] == 'e')
                {
                    i += c == text.Length - 1 ? 1 : 0;
                    break;
                }
            }
        }

        return false;
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
            case "clean" when draft.HasFlag('f', "--force") && !IsGitCleanDryRun(draft):
                draft.Tag(ShellTags.Destructive, "git clean -f deletes untracked files");
                break;
            case "branch" when draft.HasFlag('D') || (draft.HasFlag('d', "--delete") && draft.HasFlag('f', "--force")):
                draft.Tag(ShellTags.Destructive, "git branch -D deletes a branch");
                break;
            case "checkout" or "switch" when draft.HasFlag('f', "--force") || draft.HasArg("--discard-changes"):
                draft.Tag(ShellTags.Destructive, "git " + sub + " --force discards local changes");
                break;
            case "restore" when operands.Count > 1 && !draft.HasArg("--staged") && !draft.HasFlag('S'):
            case "checkout" when (operands.Skip(1).Any(o => o == ".") || (draft.HasArg("--") && operands.Count > 1)) && !draft.HasArg("--staged"):
                draft.Tag(ShellTags.Destructive, "git " + sub + " . discards local changes");
                break;
            case "filter-branch" or "filter-repo" or "reauthor" or "obliterate":
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
        var operands = draft.OperandTexts();
        if (!IsDryRun(draft) && operands.Exists(o => o is "delete" or "rb" or "destroy" || o.StartsWith("delete-", StringComparison.Ordinal) || o.StartsWith("terminate-", StringComparison.Ordinal))
            || (operands.Contains("rm") && (draft.HasArg("--recursive") || draft.HasFlag('r'))))
        {
            draft.Tag(ShellTags.Destructive, draft.Program + " deletes cloud resources");
        }

        if (operands.Exists(o => o is "cp" or "sync" or "mv" or "upload" or "upload-batch") && operands.Count > 0 && IsCloudUrl(operands[^1]) && operands.Take(operands.Count - 1).Skip(1).Any(o => !IsCloudUrl(o) && o is not ("cp" or "sync" or "mv" or "s3" or "storage" or "blob")))
        {
            draft.Tag(ShellTags.Upload, draft.Program + " uploads local files to " + operands[^1]);
        }

        if ((draft.Program == "aws" && operands.Contains("configure") && (operands.Contains("export-credentials") || (operands.Contains("get") && operands.Exists(o => o.Contains("secret", StringComparison.OrdinalIgnoreCase) || o.Contains("token", StringComparison.OrdinalIgnoreCase) || o.Contains("key", StringComparison.OrdinalIgnoreCase)))))
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

        if (draft.Program is "duckdb" or "redis-cli")
        {
            texts.AddRange(draft.Operands().Select(o => o.Text));
        }

        if (draft.StdinText is { } stdin)
        {
            texts.Add(stdin);
        }

        foreach (var raw in texts)
        {
            // A comment is white space to SQL (DROP/**/TABLE); one inside a keyword (DR/**/OP) is obfuscation: both are read.
            var spaced = SqlComment().Replace(raw, m => m.Value.StartsWith("/*!", StringComparison.Ordinal) ? " " + m.Value[3..^2].TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') + " " : " ");
            var joined = SqlComment().Replace(raw, string.Empty);
            foreach (var text in new[] { spaced, joined })
            {
                if (DestructiveSql().IsMatch(text) || (draft.Program is "redis-cli" && text.Trim().ToUpperInvariant() is "FLUSHALL" or "FLUSHDB"))
                {
                    draft.Tag(ShellTags.Destructive, draft.Program + " runs " + DestructiveSql().Match(text).Value.Trim());
                    break;
                }
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
        var setId = SetsId(mode) || (mode.Length == 4 && mode[0] is '2' or '4' or '6' or '7' && mode.All(char.IsAsciiDigit));
        if (openToAll && !setId && OnlyTempOperands(draft, skip: 1))
        {
            // A world-writable file under the temp folder opens nothing that was not already open to every user.
            openToAll = false;
        }

        if (openToAll)
        {
            draft.Tag(ShellTags.Privilege, "chmod " + mode + " opens files to everyone");
        }

        if (setId)
        {
            draft.Tag(ShellTags.Privilege, "chmod " + mode + " sets setuid/setgid");
        }

        if (operands.Skip(1).Any(o => PathRules.IsSystem(draft.Resolve(o).Text)) && (openToAll || setId || draft.HasFlag('R', "--recursive")))
        {
            draft.Tag(ShellTags.Privilege, "chmod on system paths");
        }

        if (draft.HasFlag('R', "--recursive") && operands.Skip(1).Any(o => PathRules.IsImportant(draft.Resolve(o))) && (mode is "000" or "0" or "0000" || openToAll))
        {
            draft.Tag(ShellTags.Destructive, "chmod -R " + mode + " on an important path");
        }
    }

    /// <summary>True when a symbolic clause adds or sets <c>s</c> among other permissions: <c>u+s</c>, <c>u+xs</c>, <c>g=rwxs</c>, <c>a+x,u+s</c>.</summary>
    private static bool SetsId(string mode)
    {
        foreach (var clause in mode.Split(','))
        {
            var op = clause.AsSpan().IndexOfAny('+', '=');
            if (op >= 0 && clause.AsSpan(op + 1).Contains('s'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every operand after the first <paramref name="skip"/> resolves under a temporary folder (and there is at least one).</summary>
    private static bool OnlyTempOperands(CommandDraft draft, int skip = 0)
    {
        var operands = draft.Operands();
        if (operands.Count <= skip)
        {
            return false;
        }

        for (var i = skip; i < operands.Count; i++)
        {
            var operand = draft.Resolve(operands[i]);
            if (operand.Dynamic || operand.Glob || !PathRules.IsUnderTemp(operand.Text) || operand.Text.Contains("..", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\b(DROP\s+(TABLE|DATABASE|SCHEMA|INDEX|VIEW|USER|ROLE|COLLECTION|KEYSPACE|OWNED)|TRUNCATE\b|DELETE\s+FROM\s+[\w."".\[\]]+\s*(;|$|WHERE\s+(1\s*=\s*1|TRUE|1)\s*(;|$))|UPDATE\s+[\w."".\[\]]+\s+SET\s+(?:(?!\bWHERE\b)[^;])*(;|$)|ALTER\s+TABLE\s+\S+\s+DROP\b|FLUSHALL|FLUSHDB|dropDatabase\s*\(|\.drop\s*\(|deleteMany\s*\(\s*\{\s*\}\s*\))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex DestructiveSql();

    [GeneratedRegex(@"/\*.*?\*/|--[^\n]*", RegexOptions.Singleline | RegexOptions.CultureInvariant, 100)]
    private static partial Regex SqlComment();
}
