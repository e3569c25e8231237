namespace AgentGuard.Mcp;

/// <summary>A request sent to the server whose response the transport must process: a listing to filter or a call to inspect.</summary>
internal sealed record PendingRequest(GuardContext Context, ToolCallEvent? Call)
{
    public bool IsList => Call is null;
}
