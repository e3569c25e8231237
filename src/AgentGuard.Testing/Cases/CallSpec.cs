using System.Text.Json.Nodes;

namespace AgentGuard.Testing.Cases;

/// <summary>A call in a test file: <c>tool</c>, <c>kind</c>, <c>source</c>, <c>args</c>, <c>tags</c>, <c>risk</c>, <c>attributes</c>.</summary>
internal static class CallSpec
{
    public static ToolCallEvent Read(JsonReader reader)
    {
        var tool = reader.RequiredString("tool");
        var args = reader.Node("args") ?? reader.Node("arguments");
        return new ToolCallEvent(tool, reader.Enum<ToolKind>("kind") ?? ToolKind.Function)
        {
            Source = reader.String("source"),
            Arguments = args switch
            {
                null => ToolArguments.Empty,
                JsonValue text when text.GetValueKind() == System.Text.Json.JsonValueKind.String => ToolArguments.FromJson(text.GetValue<string>()),
                _ => ToolArguments.FromJson(args.ToJsonString()),
            },
            Tags = reader.Strings("tags"),
            Risk = reader.Enum<RiskLevel>("risk") ?? RiskLevel.Unknown,
            CallId = reader.String("callId"),
            Attributes = reader.Map("attributes"),
        };
    }
}
