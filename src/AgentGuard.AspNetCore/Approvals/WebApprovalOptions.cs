namespace AgentGuard.AspNetCore;

/// <summary>Who may answer approval requests on the web page and endpoints.</summary>
public sealed class WebApprovalOptions
{
    /// <summary>The authorization policy the endpoints require. Default <see cref="DefaultPolicyName"/>.</summary>
    public string PolicyName { get; set; } = DefaultPolicyName;

    /// <summary>The name of the policy AgentGuard registers: an authenticated user in one of <see cref="ApproverRoles"/>.</summary>
    public const string DefaultPolicyName = "AgentGuard.Approver";

    /// <summary>The roles of the default policy. Default <c>agentguard-approver</c>.</summary>
    public List<string> ApproverRoles { get; set; } = ["agentguard-approver"];

    /// <summary>When false (default), nobody can approve a call made on their own behalf: it is not listed to them and answering it is refused.</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>How many requests may wait at once; further requests are denied at once (never queued without bound). Default 1,000.</summary>
    public int MaxPending { get; set; } = 1_000;
}
