namespace AgentGuard;

/// <content>
/// A manual's imperative that opens a hard-wrapped paragraph ("Create the CNI configuration directory and drop a bridge
/// configuration in it.\nThe bridge plugin creates a virtual switch and the `host-local` IPAM plugin\nhands out …") is
/// one sentence of the paragraph, not a task line standing alone: the next line goes on with the paragraph's prose and
/// breaks where the writer's editor wrapped it, not at a sentence's end.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The shortest next line read as a wrapped line of the same paragraph (a short line is a list item or a label).</summary>
    private const int WrappedLineMinimum = 48;

    /// <summary>
    /// True when the line ending at <paramref name="lineEnd"/> is followed, with no blank line between, by a line of at
    /// least <see cref="WrappedLineMinimum"/> characters that opens with a letter and ends without a sentence's or a
    /// label's punctuation: a paragraph hard-wrapped at an editor's width goes on there.
    /// </summary>
    private static bool ContinuesWrappedParagraph(ReadOnlySpan<char> text, int lineEnd)
    {
        if (lineEnd >= text.Length - 1)
        {
            return false;
        }

        var rest = text[(lineEnd + 1)..];
        var end = rest.IndexOf('\n');
        var next = (end < 0 ? rest : rest[..end]).TrimEnd();
        return next.Length >= WrappedLineMinimum
            && char.IsAsciiLetter(next[0])
            && next[^1] is not ('.' or '?' or '!' or ':' or ';' or '"' or '\'' or ')' or '>');
    }
}
