namespace AgentGuard.Mcp;

/// <summary>What a connection learned about one tool from its latest listing: tags from annotations, risk, and whether it is hidden.</summary>
internal sealed record ListedTool(string Name, string[] Tags, RiskLevel Risk, string? HiddenReason, string Pin)
{
    public bool IsHidden => HiddenReason is not null;
}
