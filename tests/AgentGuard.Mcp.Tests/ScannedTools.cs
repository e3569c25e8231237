using System.Text.Json.Nodes;

namespace AgentGuard.Mcp.Tests;

/// <summary>Tool definitions for the description scanner's tests: a text as a tool's description, or as its one parameter's.</summary>
internal static class ScannedTools
{
    /// <summary>A tool whose description is <paramref name="description"/>.</summary>
    public static JsonObject Tool(string description)
        => new() { ["name"] = "tool", ["description"] = description, ["inputSchema"] = new JsonObject { ["type"] = "object" } };

    /// <summary>A tool with a plain description whose one parameter's description is <paramref name="description"/>.</summary>
    public static JsonObject WithParameter(string description)
        => new()
        {
            ["name"] = "tool",
            ["description"] = "Runs the tool.",
            ["inputSchema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "string", ["description"] = description } } },
        };
}
