namespace AgentGuard.AspNetCore;

/// <summary>
/// Where the AgentGuard session id comes from when the agent framework supplies none (a request's
/// <c>agentguard.session_id</c> property or a conversation id always wins): a request header, then a route value.
/// </summary>
public sealed class SessionIdOptions
{
    /// <summary>The request header carrying the session id; none when empty. Default <c>X-AgentGuard-Session</c>.</summary>
    public string? Header { get; set; } = "X-AgentGuard-Session";

    /// <summary>The route value carrying the session id (e.g. <c>conversationId</c> in <c>/chat/{conversationId}</c>); none when empty. Default <c>conversationId</c>.</summary>
    public string? RouteValue { get; set; } = "conversationId";

    /// <summary>
    /// When true (default), a session id taken from the request is prefixed with the signed-in user's id
    /// (<c>alice/abc</c>), so a client cannot name another user's session and write into its history.
    /// </summary>
    public bool ScopeToUser { get; set; } = true;

    /// <summary>The longest accepted session id; longer values are ignored rather than trusted. Default 128.</summary>
    public int MaxLength { get; set; } = 128;
}
