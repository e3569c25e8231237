using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentGuard.Mcp;

/// <summary>Source-generated JSON metadata for registry files: case-insensitive names, comments allowed, unknown fields rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(McpRegistryOptions))]
internal sealed partial class McpRegistryFileContext : JsonSerializerContext;
