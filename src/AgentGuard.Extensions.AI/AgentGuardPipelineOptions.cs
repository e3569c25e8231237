namespace AgentGuard.Extensions.AI;

/// <summary>
/// Session facts one chat pipeline supplies for every call it guards, and the policy that decides them, for hosts
/// that run several agents: <c>.UseAgentGuard(o => { o.AgentId = "billing"; o.Policy = "billing"; })</c>. A request's own <see cref="GuardContextKeys"/> properties still win.
/// </summary>
public sealed class AgentGuardPipelineOptions
{
    /// <summary>The agent id rules match with <c>When.Agents</c>.</summary>
    public string? AgentId { get; set; }

    /// <summary>A display name for the agent (span tag <c>gen_ai.agent.name</c>).</summary>
    public string? AgentName { get; set; }

    /// <summary>The agent's environment, when it differs from the host's.</summary>
    public string? Environment { get; set; }

    /// <summary>The team that owns the agent.</summary>
    public string? Team { get; set; }

    /// <summary>
    /// The named policy (<c>AgentGuard:Policies:&lt;name&gt;</c>) that decides this pipeline's calls, besides the
    /// top-level rules. Building the pipeline fails when the configuration does not define it.
    /// </summary>
    public string? Policy { get; set; }
}
