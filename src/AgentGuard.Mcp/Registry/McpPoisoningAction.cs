namespace AgentGuard.Mcp;

/// <summary>What happens to a tool whose description looks poisoned.</summary>
public enum McpPoisoningAction
{
    /// <summary>The tool is removed from listings and its calls are denied; an alert is logged.</summary>
    Hide = 0,

    /// <summary>The tool stays; an alert is logged.</summary>
    Flag = 1,

    /// <summary>Descriptions are not scanned.</summary>
    Off = 2,
}
