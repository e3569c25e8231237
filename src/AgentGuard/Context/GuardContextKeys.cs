namespace AgentGuard;

/// <summary>
/// The well-known keys adapters read session facts from: M.E.AI <c>ChatOptions.AdditionalProperties</c>, Agent
/// Framework run options, Semantic Kernel execution-settings extension data and kernel arguments.
/// </summary>
/// <remarks>Values are strings, except the list-valued keys, which accept a string array or a comma-separated string.</remarks>
public static class GuardContextKeys
{
    /// <summary>The session id.</summary>
    public const string SessionId = "agentguard.session_id";

    /// <summary>The user id.</summary>
    public const string UserId = "agentguard.user_id";

    /// <summary>The user's groups (list).</summary>
    public const string UserGroups = "agentguard.user_groups";

    /// <summary>The user's roles (list).</summary>
    public const string UserRoles = "agentguard.user_roles";

    /// <summary><c>true</c> for an external user.</summary>
    public const string UserExternal = "agentguard.user_external";

    /// <summary>The agent id.</summary>
    public const string AgentId = "agentguard.agent_id";

    /// <summary>The environment.</summary>
    public const string Environment = "agentguard.environment";

    /// <summary>The team.</summary>
    public const string Team = "agentguard.team";

    /// <summary>Data tags on the session (list).</summary>
    public const string DataTags = "agentguard.data_tags";
}
