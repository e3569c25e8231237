using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Credential hunting: a recursive search of the whole disk, a home folder or the system's settings for passwords,
/// tokens or private keys (<c>grep -ri password /</c>, <c>find / -exec grep -l secret {} +</c>) reads every credential
/// the search reaches, whatever their file names. A search of the workspace or of one file is left alone.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Search programs, and whether they search folders recursively without being asked.</summary>
    private static readonly FrozenDictionary<string, bool> SearchPrograms = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["grep"] = false,
        ["egrep"] = false,
        ["fgrep"] = false,
        ["zgrep"] = false,
        ["rg"] = true,
        ["ag"] = true,
        ["ack"] = true,
        ["pt"] = true,
        ["ugrep"] = false,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static void CredentialHunt(CommandDraft draft)
    {
        if (draft.Program == "find")
        {
            FindHunt(draft);
            return;
        }

        if (!SearchPrograms.TryGetValue(draft.Program, out var recursiveByDefault))
        {
            return;
        }

        if (!recursiveByDefault && !draft.HasFlag('r', "--recursive") && !draft.HasFlag('R', "--dereference-recursive"))
        {
            return;
        }

        var secret = false;
        var broad = false;
        foreach (var arg in draft.Args)
        {
            secret |= SecretWords().IsMatch(arg.Text);
            broad |= !arg.Dynamic && IsBroadSearchRoot(draft.Resolve(arg).Text);
        }

        if (secret && broad)
        {
            draft.Tag(ShellTags.CredentialAccess, draft.Program + " searches the disk or a home folder for passwords, tokens or keys");
        }
    }

    /// <summary><c>find / … -exec grep … password …</c>: the search starts at a broad root and runs a search for secrets on each file.</summary>
    private static void FindHunt(CommandDraft draft)
    {
        var args = draft.Args;
        var broad = false;
        var i = 0;
        for (; i < args.Count && args[i].Text.Length > 0 && args[i].Text[0] is not ('-' or '!' or '('); i++)
        {
            broad |= IsBroadSearchRoot(draft.Resolve(args[i]).Text);
        }

        if (!broad)
        {
            return;
        }

        for (; i < args.Count; i++)
        {
            if (args[i].Text is "-exec" or "-execdir" or "-ok" or "-okdir" && i + 1 < args.Count && SearchPrograms.ContainsKey(CommandUnwrapper.Basename(args[i + 1].Text)))
            {
                for (var j = i + 2; j < args.Count && args[j].Text is not (";" or "+"); j++)
                {
                    if (SecretWords().IsMatch(args[j].Text))
                    {
                        draft.Tag(ShellTags.CredentialAccess, "find runs a search for passwords, tokens or keys on every file under " + args[0].Text);
                        return;
                    }
                }
            }
        }
    }

    /// <summary>The root, a home folder (or all of them), or the system's settings and root's home.</summary>
    private static bool IsBroadSearchRoot(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return trimmed is "/" or "~" or "/home" or "/Users" or "/etc" or "/root" or "/var" or "/opt" or "/srv" or "/mnt" or "/media" or "/proc" || PathRules.IsHomeRoot(trimmed);
    }

    /// <summary>Words a search for credentials looks for.</summary>
    [GeneratedRegex(@"pass(?:w|wd|word|phrase)?\b|passw|pwd\b|secret|token|api[_-]?key|credential|private[ _-]?key|aws_secret|auth[_-]?key|BEGIN[\s\w]*PRIVATE", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex SecretWords();
}
