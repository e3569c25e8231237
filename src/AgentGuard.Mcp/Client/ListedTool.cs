namespace AgentGuard.Mcp;

/// <summary>What a connection learned about one tool from its latest listing: tags from annotations, risk, whether it is hidden, and what the server declares about it (for role inference).</summary>
internal sealed record ListedTool(string Name, string[] Tags, RiskLevel Risk, string? HiddenReason, string Pin, ToolDescriptor Descriptor)
{
    public bool IsHidden => HiddenReason is not null;

    /// <summary>The other name this tool's collides with under the canonical comparison, when the server listed both.</summary>
    public string? CollidesWith { get; init; }
}
