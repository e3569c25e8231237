namespace AgentGuard;

/// <summary>
/// How long a person's approval holds (<see cref="ApprovalResponse.Remember"/>), and the most an operator lets it hold
/// (<c>Approval:Remember</c>). A remembered approval covers only the questions it answered, in the session it was
/// given in, and never a call a rule denies.
/// </summary>
public enum ApprovalMemory
{
    /// <summary>This one call only: the next call that asks is asked again (the default).</summary>
    Once = 0,

    /// <summary>The same call (tool and arguments) for the rest of the session.</summary>
    SameCall = 1,

    /// <summary>The same tool, whatever its arguments, for the rest of the session.</summary>
    SameTool = 2,
}
