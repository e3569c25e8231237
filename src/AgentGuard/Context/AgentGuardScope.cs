namespace AgentGuard;

/// <summary>
/// The ambient session and tool call, flowing with the async control flow. Adapters open one around a guarded tool's
/// execution, so an HTTP request, shell command or SDK call made inside the tool is attributed to the same session and
/// to its parent call. Hosts may open one around a whole agent run.
/// </summary>
/// <remarks>
/// This is AgentGuard's only ambient state: one <see cref="AsyncLocal{T}"/>, never shared across unrelated flows.
/// Dispose scopes in the reverse order they were opened (a <c>using</c> does that).
/// </remarks>
public sealed class AgentGuardScope : IDisposable
{
    private static readonly AsyncLocal<AgentGuardScope?> Ambient = new();
    private bool _disposed;

    private AgentGuardScope(GuardContext context, ToolCallEvent? toolCall, AgentGuardScope? parent)
    {
        Context = context;
        ToolCall = toolCall;
        Parent = parent;
        IsWithinToolCall = toolCall is not null || parent?.IsWithinToolCall == true;
    }

    /// <summary>The innermost open scope on this async flow, or <see langword="null"/>.</summary>
    public static AgentGuardScope? Current => Ambient.Value;

    /// <summary>The session context of this scope.</summary>
    public GuardContext Context { get; }

    /// <summary>The guarded tool call running in this scope, when the scope was opened by an adapter.</summary>
    public ToolCallEvent? ToolCall { get; }

    /// <summary>The scope this one is nested in.</summary>
    public AgentGuardScope? Parent { get; }

    /// <summary>
    /// True when this scope, or one it is nested in, carries a guarded tool call: whatever runs here runs inside a
    /// tool, so a request it makes (an agent or chat client used as a tool) is a nested request whose "user" message
    /// the outer model wrote.
    /// </summary>
    internal bool IsWithinToolCall { get; }

    /// <summary>Opens a scope; dispose it to close it.</summary>
    /// <param name="context">The session context for everything that runs inside.</param>
    /// <param name="toolCall">The tool call running inside, if any.</param>
    public static AgentGuardScope Begin(GuardContext context, ToolCallEvent? toolCall = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = new AgentGuardScope(context, toolCall, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>The call id of the innermost scope that carries a tool call, for <see cref="ToolCallEvent.ParentCallId"/>.</summary>
    public static string? CurrentCallId
    {
        get
        {
            for (var scope = Ambient.Value; scope is not null; scope = scope.Parent)
            {
                if (scope.ToolCall?.CallId is { } id)
                {
                    return id;
                }
            }

            return null;
        }
    }

    /// <summary>Closes the scope, restoring its parent as <see cref="Current"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (ReferenceEquals(Ambient.Value, this))
        {
            Ambient.Value = Parent;
        }
    }
}
