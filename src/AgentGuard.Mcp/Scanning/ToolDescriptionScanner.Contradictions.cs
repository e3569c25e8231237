namespace AgentGuard.Mcp;

/// <content>A tool that calls itself read-only and documents a switch that writes.</content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Ways of calling a tool read-only, for <see cref="ReadOnlyClaimWithWriteSwitch"/>.</summary>
    internal static readonly string[] ReadOnlyClaims = ["read-only", "readonly", "read only"];

    /// <summary>A switch that writes: a parameter named for it, or its effect.</summary>
    internal static readonly string[] WriteSwitches =
        ["write_mode", "allow_write", "allow_writes", "enable_write", "enables write", "enable write", "enables writing", "enable writing"];

    /// <summary>
    /// The first sentence calls the tool read-only ("Runs a safe, read-only database query", "Safe readonly file access
    /// tool") and a later part documents a switch that writes ("write_mode (boolean, enables write operations when
    /// true)"): the schema contradicts the claim the model and the user rely on. A read/write tool with a write switch
    /// claims nothing; a read-only tool that says writes are rejected, or sends writes to another tool, enables none; a
    /// read-only flag explained after the first sentence is an option, not the tool's claim.
    /// </summary>
    internal static bool ReadOnlyClaimWithWriteSwitch(ReadOnlySpan<char> text)
    {
        var firstEnd = 0;
        while (firstEnd < text.Length && text[firstEnd] is not ('!' or '?' or ';' or '\n' or '\u2029') && !(text[firstEnd] == '.' && EndsASentence(text, firstEnd)))
        {
            firstEnd++;
        }

        var first = text[..firstEnd];
        var claimed = false;
        foreach (var claim in ReadOnlyClaims)
        {
            var at = first.IndexOf(claim, StringComparison.OrdinalIgnoreCase);
            claimed |= at >= 0 && (at == 0 || !char.IsAsciiLetter(first[at - 1])) && !Negated(first, at);
        }

        if (!claimed)
        {
            return false;
        }

        var rest = text[firstEnd..];
        foreach (var toggle in WriteSwitches)
        {
            var at = rest.IndexOf(toggle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || !char.IsAsciiLetter(rest[at - 1])))
            {
                return true;
            }
        }

        return false;

        static bool Negated(ReadOnlySpan<char> sentence, int at)
        {
            var from = at;
            return PreviousWord(sentence, ref from, out var word) && (AsciiCase.Equals(word, "not") || AsciiCase.Equals(word, "no"));
        }
    }
}
