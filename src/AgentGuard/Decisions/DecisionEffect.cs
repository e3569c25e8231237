namespace AgentGuard;

/// <summary>What happens to a tool call. Precedence: <see cref="Deny"/> beats <see cref="RequireApproval"/> beats <see cref="Allow"/>.</summary>
public enum DecisionEffect
{
    /// <summary>The call does not run. The zero value, so an undecided value denies.</summary>
    Deny = 0,

    /// <summary>The call runs only once a human approves these exact arguments.</summary>
    RequireApproval = 1,

    /// <summary>The call runs.</summary>
    Allow = 2,
}
