namespace AgentGuard;

/// <summary>How an approval request ended.</summary>
public enum ApprovalOutcome
{
    /// <summary>The approver failed (threw); the call was denied.</summary>
    Failed = 0,

    /// <summary>A person approved the call; it ran.</summary>
    Approved,

    /// <summary>A person rejected the call; it was denied.</summary>
    Rejected,

    /// <summary>Nobody answered within <c>Approval:Timeout</c>; the call was denied.</summary>
    TimedOut,

    /// <summary>Approval was required but no approver is configured; the call was denied.</summary>
    NoApprover,
}
