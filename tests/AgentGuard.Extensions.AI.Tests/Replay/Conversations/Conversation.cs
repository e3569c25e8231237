using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Extensions.AI.Tests.Replay.Conversations;

/// <summary>
/// One recorded multi-turn session of a real agent with a (simulated) customer: the user's turns, the tool calls the
/// agent made in each and what the tools returned, and its replies (see <c>SOURCES.md</c>). Every session is benign.
/// </summary>
internal sealed record Conversation(string Id, string Task, string Family, string Source, IReadOnlyList<string>? Tools, IReadOnlyList<ConversationTurn> Turns)
{
    /// <summary>
    /// True for the held-out part: in each family, the 30 % of tasks (rounded up) whose task ids have the smallest
    /// SHA-256; every trial of a task falls on the same side. Fixed before the sessions were first replayed.
    /// </summary>
    public bool IsHeldOut { get; init; }

    /// <summary>The tools the agent was given: the session's own list, or the whole catalogue when it has none.</summary>
    public IEnumerable<ReplayTool> ToolsOf(ConversationCatalogue catalogue)
        => Tools is null ? catalogue.Tools.Values : Tools.Select(name => catalogue.Tools[name]);

    /// <summary>Every recorded call, in the order the agent made them.</summary>
    public IEnumerable<ReplayStep> Calls => Turns.SelectMany(t => t.Steps).SelectMany(step => step);

    /// <summary>The hash that orders tasks for the split.</summary>
    public string TaskHash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Task)));

    public override string ToString() => Id;
}

/// <summary>A user message, the agent's steps (each one model turn of one or more tool calls) and its reply.</summary>
internal sealed record ConversationTurn(string User, IReadOnlyList<IReadOnlyList<ReplayStep>> Steps, string? Reply);

/// <summary>The agent's tools and its system instructions, as the recorded agent had them.</summary>
internal sealed record ConversationCatalogue(string Instructions, IReadOnlyDictionary<string, ReplayTool> Tools);

/// <summary>Reads the conversation corpus and its catalogues from the test's output folder.</summary>
internal static class ConversationCorpus
{
    private static readonly Lazy<IReadOnlyList<Conversation>> AllConversations = new(Load);
    private static readonly ConcurrentDictionary<string, ConversationCatalogue> Catalogues = new(StringComparer.Ordinal);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Replay", "Conversations");

    public static IReadOnlyList<Conversation> Conversations => AllConversations.Value;

    /// <summary>The family's catalogue: <c>&lt;family&gt;_catalogue.json</c> with dashes as underscores.</summary>
    public static ConversationCatalogue CatalogueOf(Conversation conversation)
        => Catalogues.GetOrAdd(conversation.Family, family => LoadCatalogue(family.Replace('-', '_') + "_catalogue.json"));

    private static List<Conversation> Load()
    {
        var list = new List<Conversation>();
        foreach (var file in Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                var node = JsonNode.Parse(line)!.AsObject();
                var turns = node["turns"]!.AsArray().Select(t => new ConversationTurn(
                    (string)t!["user"]!,
                    [.. t["steps"]!.AsArray().Select(step => (IReadOnlyList<ReplayStep>)[.. step!.AsArray().Select(Call)])],
                    (string?)t["reply"])).ToList();
                IReadOnlyList<string>? tools = node["tools"] is JsonArray names ? [.. names.Select(n => (string)n!)] : null;
                list.Add(new Conversation((string)node["id"]!, (string)node["task"]!, (string)node["family"]!, (string)node["source"]!, tools, turns));
            }
        }

        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in list.DistinctBy(c => c.Task).GroupBy(c => c.Family))
        {
            var tasks = family.OrderBy(c => c.TaskHash, StringComparer.Ordinal).ToList();
            heldOut.UnionWith(tasks.Take((int)Math.Ceiling(tasks.Count * 0.3)).Select(c => c.Task));
        }

        return [.. list.Select(c => c with { IsHeldOut = heldOut.Contains(c.Task) })];
    }

    private static ReplayStep Call(JsonNode? call)
        => new((string)call!["tool"]!, call["args"]!.AsObject(), (string)call["result"]!);

    private static ConversationCatalogue LoadCatalogue(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var tools = document.RootElement.GetProperty("tools").EnumerateObject().ToDictionary(
            t => t.Name,
            t => new ReplayTool(t.Name, t.Value.GetProperty("description").GetString()!, t.Value.GetProperty("parameters").Clone()),
            StringComparer.Ordinal);
        return new ConversationCatalogue(document.RootElement.GetProperty("instructions").GetString()!, tools);
    }
}
