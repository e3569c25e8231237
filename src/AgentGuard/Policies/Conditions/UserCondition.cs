namespace AgentGuard.Policies;

/// <summary><c>When.User</c>: ids, groups, roles, external or anonymous.</summary>
internal sealed class UserCondition(string[] ids, string[] groups, string[] notGroups, string[] roles, bool? external, bool? anonymous, string evidence) : Condition
{
    public override string Evidence => evidence;

    /// <summary>The user ids of which the user must be one; empty when any (for the rule index).</summary>
    public string[] Ids => ids;

    /// <summary>The groups of which the user must be in one; empty when any (for the rule index).</summary>
    public string[] Groups => groups;

    /// <summary>True when the condition tests nothing but <see cref="Ids"/> and <see cref="Groups"/> (a rule gate can decide it).</summary>
    public bool TestsOnlyIdsAndGroups => notGroups.Length == 0 && roles.Length == 0 && external is null && anonymous is null;

    public override bool IsMet(in EvaluationInput input)
    {
        var user = input.Context.User;
        if (anonymous is { } wantAnonymous && wantAnonymous != (user is null))
        {
            return false;
        }

        if (external is { } wantExternal && (user?.IsExternal ?? false) != wantExternal)
        {
            return false;
        }

        if (ids.Length > 0 && !In(user?.Id, ids))
        {
            return false;
        }

        if (groups.Length > 0 && (user is null || !AnyIn(user.Groups, groups)))
        {
            return false;
        }

        if (notGroups.Length > 0 && user is not null && AnyIn(user.Groups, notGroups))
        {
            return false;
        }

        return roles.Length == 0 || (user is not null && AnyIn(user.Roles, roles));
    }
}
