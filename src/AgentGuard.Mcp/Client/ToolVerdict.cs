namespace AgentGuard.Mcp;

/// <summary>
/// What verifying one exact tool definition (<see cref="Definition"/>, its listed JSON) found, as the tool the
/// connection remembers: pin, tags, risk, and why it is hidden (a changed pin, a poisoned description), if it is.
/// </summary>
internal sealed record ToolVerdict(byte[] Definition, ListedTool Tool, string? Findings);
