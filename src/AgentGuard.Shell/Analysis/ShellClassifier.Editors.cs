using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// An editor's own commands given on the line (<c>vim -c ':w FILE'</c>, <c>+'saveas FILE'</c>, <c>--cmd</c>,
/// <c>:redir! &gt;FILE</c>): a command that writes over a system, credential or start-up file is destruction, as a
/// redirection to that file would be.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Editors of the vi family, whose <c>-c</c>, <c>--cmd</c> and <c>+</c> arguments are ex commands.</summary>
    private static readonly FrozenSet<string> ExEditors = FrozenSet.ToFrozenSet(
        ["vi", "vim", "nvim", "ex", "view", "gvim", "vim.tiny", "vim.basic", "vim.nox", "rvim", "rview", "vimdiff", "nvi", "elvis", "vile", "evim"],
        StringComparer.Ordinal);

    private static void EditorWrites(CommandDraft draft)
    {
        if (!ExEditors.Contains(draft.Program))
        {
            return;
        }

        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            string? commands = null;
            if ((text is "-c" or "--cmd" || (text.Length > 2 && text[0] == '-' && text[1] != '-' && text[^1] == 'c')) && i + 1 < args.Count)
            {
                commands = args[++i].Text;
            }
            else if (text.Length > 1 && text[0] == '+' && !char.IsAsciiDigit(text[1]) && text[1] != '/')
            {
                commands = text[1..];
            }

            if (commands is null)
            {
                continue;
            }

            foreach (var command in commands.Split('|'))
            {
                if (ExWrite().Match(command) is { Success: true } write)
                {
                    var file = write.Groups["file"].Value.Trim().Trim('"', '\'');
                    if (file.Length > 0 && file[0] != '!' && IsProtectedTarget(draft.Resolve(ExpandedWord.Literal(file))))
                    {
                        draft.Tag(ShellTags.Destructive, draft.Program + " writes over " + file + " (" + command.Trim() + ")");
                        return;
                    }
                }
            }
        }
    }

    /// <summary>An ex command that writes to a file: <c>:w FILE</c>, <c>:wq! FILE</c>, <c>:x FILE</c>, <c>:saveas FILE</c>, <c>:update FILE</c>, <c>:w &gt;&gt; FILE</c>, <c>:redir! &gt; FILE</c>.</summary>
    [GeneratedRegex(@"^[\s:]*(?:[%.$,+\-\d]|'[a-z<>])*\s*(?:redir!?\s*>>?\s*|(?:w|write|wq|x|xit|exi|exit|sav|saveas|up|update)!?(?:\s*>>)?\s+)(?<file>[^\s|].*)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ExWrite();
}
