using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace AgentGuard.Docs.Tests;

/// <summary>
/// Every JSON sample in the docs is valid against docs/agentguard.schema.json. Fragments are placed where they
/// belong: <c>"AgentGuard": {…}</c> at the root, <c>"Tools"</c>/<c>"Rules"</c> in the section, a rule in
/// <c>Rules</c>, a condition in a rule's <c>When</c>. Samples of something else (the arguments the engine sees for a
/// shell command or an HTTP request) are marked <c>```json not-config</c> and must still parse.
/// </summary>
public sealed class JsonSampleTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(Path.Combine(RepositoryFiles.Root, "docs", "agentguard.schema.json")).GetAwaiter().GetResult());

    public static TheoryData<CodeBlock> JsonBlocks() => [.. RepositoryFiles.Blocks("json")];

    [Theory]
    [MemberData(nameof(JsonBlocks))]
    public void JsonSample_IsValidAgainstTheSchema(CodeBlock block)
    {
        var document = Placed(block.Code);
        if (block.IsMarked("not-config"))
        {
            document.Should().NotBeNull("{0} must be well-formed JSON", block);
            return;
        }

        document!["AgentGuard"].Should().NotBeNull("{0} is AgentGuard configuration or a part of it (else mark it ```json not-config)", block);
        Schema.Value.Validate(document.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}").Should().BeEmpty("{0} must match the schema", block);
    }

    [Fact]
    public void Validation_ReportsABrokenSample()
    {
        var errors = Schema.Value.Validate("""{ "AgentGuard": { "Rules": [ { "Id": "x", "Effect": "Block" } ] } }""");

        errors.Should().NotBeEmpty();
    }

    /// <summary>Parses a sample (comments allowed) and places a fragment in a whole configuration.</summary>
    internal static JsonObject? Placed(string code)
    {
        var text = code.Trim();
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var node = JsonNode.Parse(text.StartsWith('"') ? "{" + text + "}" : text, documentOptions: options) as JsonObject;
        if (node is null || node.ContainsKey("AgentGuard"))
        {
            return node;
        }

        if (node.ContainsKey("Id") && node.ContainsKey("Effect"))
        {
            return Wrap(new JsonObject { ["Rules"] = new JsonArray(node) });
        }

        string[] conditions = ["Arguments", "Sequence", "Provenance", "RateLimit", "User", "SessionLabels"];
        if (node.Count == 1 && conditions.Contains(node.First().Key, StringComparer.Ordinal))
        {
            return Wrap(new JsonObject { ["Rules"] = new JsonArray(new JsonObject { ["Id"] = "sample", ["Effect"] = "Deny", ["When"] = node }) });
        }

        string[] sections = ["Tools", "Rules", "Registry", "Detection", "Shell", "Http", "Audit", "Sessions", "Context", "Approval", "ChatClients", "Mode", "Onnx"];
        return node.Any(p => sections.Contains(p.Key, StringComparer.Ordinal)) ? Wrap(node) : node;
    }

    private static JsonObject Wrap(JsonObject section) => new() { ["AgentGuard"] = section };
}
