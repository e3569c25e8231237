using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Mcp;

/// <summary>
/// The gate's job over listings of resources, resource templates and prompts: a host lists them so that the model can
/// pick one, so their titles and descriptions (and a prompt's argument descriptions) reach the model as a tool's do.
/// Each is scanned as a tool description is, and the registry's <c>Poisoning</c> applies: a hidden one is removed from
/// the listing and reading it is refused.
/// </summary>
internal sealed partial class McpToolGate
{
    /// <summary>Hidden resources and prompts remembered per connection (a server listing more is still filtered, its reads only decided).</summary>
    private const int MaxHiddenReads = 10_000;

    private readonly ConcurrentDictionary<string, string> _hiddenReads = new(StringComparer.Ordinal);

    /// <summary>Scans and filters one page of <c>resources/list</c>, <c>resources/templates/list</c> or <c>prompts/list</c> in place.</summary>
    public void FilterReadable(JsonNode? result)
    {
        if (result is not JsonObject page)
        {
            return;
        }

        foreach (var (member, key) in (ReadOnlySpan<(string, string)>)[("resources", "uri"), ("resourceTemplates", "uriTemplate"), ("prompts", "name")])
        {
            if (page[member] is not JsonArray items)
            {
                continue;
            }

            if (!_registry.TryGetServer(ServerId, out var server))
            {
                LogServerWithdrawn(ServerId, member + " listing");
                items.Clear();
                continue;
            }

            if (server.Poisoning == McpPoisoningAction.Off)
            {
                continue;
            }

            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (items[i] is not JsonObject item || item[key] is not JsonValue id || id.GetValueKind() != JsonValueKind.String
                    || ToolDescriptionScanner.Scan(AsScannable(item)) is not { } found)
                {
                    continue;
                }

                var name = id.GetValue<string>();
                var findings = string.Join(", ", found);
                var hide = server.Poisoning == McpPoisoningAction.Hide;
                Alert(name, "poison:" + findings, () => LogPoisoned(ServerId, name, hide ? "hidden" : "flagged", findings));
                if (hide)
                {
                    if (_hiddenReads.Count < MaxHiddenReads)
                    {
                        _hiddenReads[name] = "its description looks poisoned: " + findings;
                    }

                    items.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Why a resource (by URI) or prompt (by name) is hidden, or null when it is not.</summary>
    private string? HiddenRead(string name) => _hiddenReads.TryGetValue(name, out var why) ? why : null;

    /// <summary>A listed resource or prompt in a tool's shape: its title and description, and a prompt's arguments as the input schema's properties.</summary>
    private static JsonObject AsScannable(JsonObject item)
    {
        var scannable = new JsonObject { ["title"] = item["title"]?.DeepClone(), ["description"] = item["description"]?.DeepClone() };
        if (item["arguments"] is JsonArray arguments)
        {
            var properties = new JsonObject();
            foreach (var argument in arguments)
            {
                if (argument is JsonObject a && a["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String)
                {
                    properties[n.GetValue<string>()] = new JsonObject { ["description"] = a["description"]?.DeepClone() };
                }
            }

            scannable["inputSchema"] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        }

        return scannable;
    }
}
