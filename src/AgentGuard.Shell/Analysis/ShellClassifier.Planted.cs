namespace AgentGuard.Shell.Analysis;

/// <summary>
/// A shell's binary copied, linked, moved or installed to another path or name (<c>cp /bin/sh /tmp/crond</c>,
/// <c>cp $(which sh) ~/...</c>, <c>ln -s /bin/bash ./vim</c>, <c>cat /bin/sh &gt; x</c>): whatever later runs that path
/// gets a shell under a name rules do not know, so the command is opaque.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Folders a shell's binary is installed in: a path there, or a program looked up with <c>which</c>/<c>command -v</c>, names the binary.</summary>
    private static readonly string[] BinaryFolders = ["/bin/", "/usr/bin/", "/usr/local/bin/", "/sbin/", "/usr/sbin/", "/usr/local/sbin/", "/opt/homebrew/bin/", "/opt/local/bin/", "/run/current-system/sw/bin/"];

    private static void PlantedShell(CommandDraft draft)
    {
        var copies = draft.Program switch
        {
            "cp" or "install" or "ln" or "mv" or "rsync" or "gcp" or "ginstall" or "dd" => true,
            "cat" => HasWriteRedirect(draft),
            _ => false,
        };
        if (!copies)
        {
            return;
        }

        var operands = draft.Operands();
        if (operands.Count < 2 && draft.Program is not ("cat" or "dd"))
        {
            return;
        }

        var sources = draft.Program switch
        {
            "dd" => ArgumentValues(draft, "if="),
            "cat" => operands,
            _ => operands.GetRange(0, operands.Count - 1),
        };
        foreach (var source in sources)
        {
            if (IsShellBinary(source))
            {
                var target = draft.Program is "cat" or "dd" ? "another file" : operands[^1].Text;
                draft.Tag(ShellTags.Opaque, draft.Program + " puts the shell " + source.Text + " at " + target + ": whatever runs it later gets a shell under a name rules do not know");
                return;
            }
        }
    }

    /// <summary>A shell's binary: a shell's name in a binary folder (<c>/bin/sh</c>, <c>/usr/local/bin/bash</c>) or the path <c>$(which sh)</c> prints.</summary>
    private static bool IsShellBinary(ExpandedWord word)
    {
        var text = word.Text;
        if (word.Dynamic || text.Length == 0)
        {
            return false;
        }

        var slash = text.LastIndexOf('/');
        if (!CommandUnwrapper.Shells.Contains(slash < 0 ? text : text[(slash + 1)..]))
        {
            return false;
        }

        if (slash < 0)
        {
            return word.FromSubstitution;
        }

        var folder = text[..(slash + 1)];
        foreach (var binaries in BinaryFolders)
        {
            if (folder.Equals(binaries, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWriteRedirect(CommandDraft draft)
    {
        foreach (var redirect in draft.Redirects)
        {
            if (redirect.IsWrite && !redirect.IsFileDescriptorTarget)
            {
                return true;
            }
        }

        return false;
    }

    private static List<ExpandedWord> ArgumentValues(CommandDraft draft, string prefix)
    {
        var values = new List<ExpandedWord>(1);
        foreach (var arg in draft.Args)
        {
            if (arg.Text.StartsWith(prefix, StringComparison.Ordinal))
            {
                values.Add(arg with { Text = arg.Text[prefix.Length..] });
            }
        }

        return values;
    }
}
