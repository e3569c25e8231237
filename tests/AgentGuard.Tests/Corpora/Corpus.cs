using System.Text;
using System.Text.Json;

namespace AgentGuard.Tests.Corpora;

/// <summary>One labelled sample of a detection corpus (see <c>Corpora/SOURCES.md</c>).</summary>
internal sealed record CorpusSample(string Source, string Path, int Label, string Split, string Text, string? Secret, string? Field)
{
    public bool IsPositive => Label == 1;

    public bool IsHeldOut => Split == "heldout";
}

/// <summary>Reads the corpora in <c>Corpora/*.jsonl</c> and recomputes their held-out split.</summary>
internal static class Corpus
{
    public static IReadOnlyList<CorpusSample> Read(string file)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Corpora", file);
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(Parse)];
    }

    /// <summary>The split the builder assigns: FNV-1a (32-bit) over the UTF-8 text, <c>hash % 10 &lt; 3</c> is held out.</summary>
    public static string SplitOf(string text)
    {
        var hash = 0x811C9DC5u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x01000193u;
        }

        return hash % 10 < 3 ? "heldout" : "tuning";
    }

    private static CorpusSample Parse(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        return new CorpusSample(
            root.GetProperty("source").GetString()!,
            root.GetProperty("path").GetString()!,
            root.GetProperty("label").GetInt32(),
            root.GetProperty("split").GetString()!,
            root.GetProperty("text").GetString()!,
            root.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String ? secret.GetString() : null,
            root.TryGetProperty("field", out var field) ? field.GetString() : null);
    }
}
