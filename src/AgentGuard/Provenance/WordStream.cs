using System.Text;

namespace AgentGuard.Provenance;

/// <summary>
/// Words as one searchable string: <c>" bob smith | pay "</c>. Every word is surrounded by spaces, so a search for
/// <c>" bob smith "</c> finds whole words only; a typed value is a <c>|</c>, so no sequence spans it.
/// </summary>
internal static class WordStream
{
    /// <summary>The stream of <paramref name="tokens"/>.</summary>
    public static string Build(List<ValueToken> tokens)
    {
        var builder = new StringBuilder(" ");
        foreach (var token in tokens)
        {
            builder.Append(token.Kind == ValueTokenKind.Word ? token.Canonical : "|").Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>The search string for a value made only of words, e.g. <c>" bob smith "</c>.</summary>
    public static string Sequence(List<ValueToken> words)
    {
        var builder = new StringBuilder(" ");
        foreach (var word in words)
        {
            builder.Append(word.Canonical).Append(' ');
        }

        return builder.ToString();
    }
}
