namespace AgentGuard;

/// <summary>
/// What the engine knows about the session a tool call belongs to, besides the call itself.
/// </summary>
/// <remarks>
/// Adapters build it from what their framework carries (chat options, kernel arguments, the ambient
/// <see cref="AgentGuardScope"/>, the host's <see cref="System.Security.Claims.ClaimsPrincipal"/>). The session's
/// history and labels are not carried here: the engine keeps them per <see cref="SessionId"/>.
/// </remarks>
public sealed record GuardContext
{
    /// <summary>A context with nothing known.</summary>
    public static GuardContext Empty { get; } = new();

    /// <summary>The session (conversation, thread, run) the call belongs to. Calls without one share no history.</summary>
    public string? SessionId { get; init; }

    /// <summary>The user the agent acts for.</summary>
    public GuardUser? User { get; init; }

    /// <summary>The agent making the call.</summary>
    public GuardAgent? Agent { get; init; }

    /// <summary>The deployment environment, e.g. <c>dev</c>, <c>prod</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The team that owns the agent.</summary>
    public string? Team { get; init; }

    /// <summary>
    /// The named policy (<c>AgentGuard:Policies:&lt;name&gt;</c>) that decides this call, set by the pipeline the call runs
    /// in; null for the top-level policy. A name the configuration does not define denies the call (fail-safe).
    /// </summary>
    public string? Policy { get; init; }

    /// <summary>
    /// What the user asked: the latest prompt, or, where the adapter sees the conversation (Microsoft.Extensions.AI, Semantic
    /// Kernel), the user's messages of it, oldest first, one per line. Provenance (<c>prompt</c>), the prompt-implied task
    /// scope and "named by the user" read it.
    /// </summary>
    public string? Prompt { get; init; }

    /// <summary>
    /// What the user's request implies (tools and argument values), supplied by the host or an
    /// <see cref="ITaskScopeProvider"/>; rules with <c>When.OutsideTaskScope</c> read it. Null: the prompt-implied scope.
    /// </summary>
    public TaskScope? TaskScope { get; init; }

    /// <summary>The conversation so far, oldest first, when the adapter can see it.</summary>
    public IReadOnlyList<ConversationEntry>? Conversation { get; init; }

    /// <summary>Labels on the data this session handles (e.g. <c>internal-only</c>, <c>pii</c>).</summary>
    public IReadOnlyList<string> DataTags { get; init; } = [];

    /// <summary>Other facts rules can match by name.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
