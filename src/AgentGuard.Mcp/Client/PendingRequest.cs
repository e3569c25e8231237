namespace AgentGuard.Mcp;

/// <summary>A request sent to the server whose response the transport must process.</summary>
internal sealed record PendingRequest(PendingKind Kind, GuardContext Context, ToolCallEvent? Call = null, TaskCompletionSource? Round = null);

/// <summary>What to do with the response.</summary>
internal enum PendingKind
{
    /// <summary>The client's <c>tools/list</c>: verify and filter.</summary>
    List,

    /// <summary>The client's <c>tools/call</c>: pass the result through the result hook.</summary>
    Call,

    /// <summary>The guard's own <c>tools/list</c>: verify, never show the client.</summary>
    InternalList,

    /// <summary>The client's <c>resources/list</c>, <c>resources/templates/list</c> or <c>prompts/list</c>: scan and filter.</summary>
    ReadableList,

    /// <summary>The client's <c>resources/read</c> or <c>prompts/get</c>: pass the answer through the result hook.</summary>
    Read,

    /// <summary>The client's <c>server/discover</c> (stateless protocol revisions): verify the tools once it is answered.</summary>
    Discover,
}
