using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>One recorded agent session of the replay corpus (see <c>Corpus/SOURCES.md</c>).</summary>
internal sealed record ReplayScenario(
    string Id,
    string Pair,
    string Family,
    string Catalogue,
    string Source,
    bool IsAttack,
    string Prompt,
    IReadOnlyList<string> Tools,
    IReadOnlyList<ReplayStep> Steps,
    int? Harmful)
{
    /// <summary>
    /// True for the held-out part: in each family, the 30 % of pairs (rounded up) whose pair ids have the smallest
    /// SHA-256 (attack and benign twin stay together). Fixed before any tuning; figures are reported on this part only.
    /// </summary>
    public bool IsHeldOut { get; init; }

    /// <summary>The hash that orders pairs for the split.</summary>
    public string PairHash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Pair)));

    public override string ToString() => Id;
}

/// <summary>One tool call of a recorded session and what the tool returned.</summary>
internal sealed record ReplayStep(string Tool, JsonObject Arguments, string Result);

/// <summary>A tool as the agent saw it: name, description, JSON schema of its parameters.</summary>
internal sealed record ReplayTool(string Name, string Description, JsonElement Parameters);

/// <summary>Reads the corpus and the tool catalogues from the test's output folder.</summary>
internal static class ReplayCorpus
{
    private static readonly Lazy<IReadOnlyList<ReplayScenario>> AllScenarios = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ReplayTool>>> AllCatalogues = new(LoadCatalogues);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Replay");

    public static IReadOnlyList<ReplayScenario> Scenarios => AllScenarios.Value;

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, ReplayTool>> Catalogues => AllCatalogues.Value;

    public static string PolicyJson(string catalogue) => File.ReadAllText(Path.Combine(Folder, "Policies", catalogue + ".json"));

    private static List<ReplayScenario> Load()
    {
        var list = new List<ReplayScenario>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "Corpus"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var node = JsonNode.Parse(line)!.AsObject();
                list.Add(new ReplayScenario(
                    (string)node["id"]!,
                    (string)node["pair"]!,
                    (string)node["family"]!,
                    (string)node["catalogue"]!,
                    (string)node["source"]!,
                    (string)node["kind"]! == "attack",
                    (string)node["prompt"]!,
                    [.. node["tools"]!.AsArray().Select(t => (string)t!)],
                    [.. node["steps"]!.AsArray().Select(s => new ReplayStep((string)s!["tool"]!, s["args"]!.AsObject(), (string)s["result"]!))],
                    (int?)node["harmful"]));
            }
        }

        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in list.DistinctBy(s => s.Pair).GroupBy(s => s.Family))
        {
            var pairs = family.OrderBy(s => s.PairHash, StringComparer.Ordinal).ToList();
            heldOut.UnionWith(pairs.Take((int)Math.Ceiling(pairs.Count * 0.3)).Select(s => s.Pair));
        }

        return [.. list.Select(s => s with { IsHeldOut = heldOut.Contains(s.Pair) })];
    }

    private static Dictionary<string, IReadOnlyDictionary<string, ReplayTool>> LoadCatalogues()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "Corpus", "catalogues.json")));
        var result = new Dictionary<string, IReadOnlyDictionary<string, ReplayTool>>(StringComparer.Ordinal);
        foreach (var catalogue in document.RootElement.EnumerateObject())
        {
            result[catalogue.Name] = catalogue.Value.EnumerateObject().ToDictionary(
                t => t.Name,
                t => new ReplayTool(t.Name, t.Value.GetProperty("description").GetString()!, t.Value.GetProperty("parameters").Clone()),
                StringComparer.Ordinal);
        }

        return result;
    }
}
