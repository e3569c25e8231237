namespace AgentGuard.Mcp;

/// <content>
/// A script element in a description runs where the description is rendered; one named in prose does not: "By
/// default, all &lt;script&gt; tags are removed from the output" (a browser tool describing its own output) names the
/// element as a word, followed by "tags", "elements" or "blocks".
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Nouns that make a closed script tag a word of prose.</summary>
    private static readonly string[] MarkupNouns = ["tag", "tags", "element", "elements", "block", "blocks"];

    private static readonly WordSet MarkupNounLookup = new(MarkupNouns);

    /// <summary>After "&lt;script" (ending at <paramref name="end"/>): not a bare "&lt;script&gt;" followed by one of <see cref="MarkupNouns"/>.</summary>
    internal static bool ScriptNotNamed(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length || text[end] != '>')
        {
            return true;
        }

        var from = end + 1;
        return !NextWord(text, ref from, out var next) || !MarkupNounLookup.Contains(next);
    }
}
