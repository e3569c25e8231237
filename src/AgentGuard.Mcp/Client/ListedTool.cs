namespace AgentGuard.Mcp;

/// <summary>What a connection learned about one tool from its latest listing: tags from annotations, risk, whether it is hidden, and what the server declares about it (for role inference).</summary>
internal sealed record ListedTool(string Name, string[] Tags, RiskLevel Risk, string? HiddenReason, string Pin, ToolDescriptor Descriptor)
{
    public bool IsHidden => HiddenReason is not null;
}
