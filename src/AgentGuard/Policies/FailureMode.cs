namespace AgentGuard;

/// <summary>What happens to a call when evaluating a rule or policy for it throws or exceeds its time budget.</summary>
public enum FailureMode
{
    /// <summary>
    /// Deny calls whose tags or risk mark them risky; for the others raise an alert and let the other rules and the default
    /// decide (the failing part grants nothing, so it never allows a call the default denies).
    /// </summary>
    Auto = 0,

    /// <summary>Deny the call.</summary>
    Deny = 1,

    /// <summary>Require a human to approve the call.</summary>
    RequireApproval = 2,

    /// <summary>Allow the call and raise an alert.</summary>
    AllowWithAlert = 3,
}
