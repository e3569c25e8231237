namespace AgentGuard.Shell.Analysis;

/// <summary>
/// An archiver that deletes what it packs (<c>tar --remove-files</c>, <c>zip -m</c>, <c>7z a -sdel</c>) moves its
/// inputs away, as <c>mv</c> does: packing the home folder, a system tree or every entry of the folder this way takes
/// them from where they were (and leaves them in one file, ready to be sent or deleted).
/// </summary>
internal static partial class ShellClassifier
{
    private static void ArchiveMove(CommandDraft draft)
    {
        var program = draft.Program;
        var removes = program switch
        {
            "tar" or "gtar" or "bsdtar" => draft.Args.Exists(static a => a.Text == "--remove-files"),
            "zip" => draft.Args.Exists(static a => a.Text is "--move" || (a.Text.Length > 1 && a.Text[0] == '-' && a.Text[1] != '-' && a.Text.Contains('m', StringComparison.Ordinal))),
            "7z" or "7za" or "7zr" or "7zz" => draft.Args.Exists(static a => a.Text == "-sdel"),
            _ => false,
        };
        if (!removes)
        {
            return;
        }

        foreach (var operand in draft.Operands())
        {
            var path = draft.Resolve(operand);
            if (PathRules.IsImportant(path) && !PathRules.IsUnderTemp(path.Text))
            {
                draft.Tag(ShellTags.Destructive, program + " packs " + operand.Text + " into an archive and deletes it");
                return;
            }
        }
    }
}
