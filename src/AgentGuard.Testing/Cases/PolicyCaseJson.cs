using System.Text.Json.Nodes;

namespace AgentGuard.Testing.Cases;

/// <summary>Reads a call and its session facts written the way test files write them (for tools such as <c>agentguard explain</c>).</summary>
public static class PolicyCaseJson
{
    /// <summary>A call: <c>{ "tool": "send_money", "kind": "Function", "source": null, "args": { … }, "tags": [], "risk": "High" }</c>.</summary>
    /// <exception cref="PolicyFileException">A field is missing or wrong (named with its path).</exception>
    public static ToolCallEvent ReadEvent(JsonObject node, string name = "<event>")
    {
        ArgumentNullException.ThrowIfNull(node);
        return CallSpec.Read(new JsonReader(node, name, "$"));
    }

    /// <summary>Session facts: <c>{ "session": "s1", "user": { "id": "alice", "groups": [] }, "environment": "prod", "prompt": "…" }</c>.</summary>
    /// <exception cref="PolicyFileException">A field is wrong (named with its path).</exception>
    public static GuardContext ReadContext(JsonObject? node, string name = "<context>")
        => node is null ? GuardContext.Empty : ContextSpec.Read(new JsonReader(node, name, "$"));
}
