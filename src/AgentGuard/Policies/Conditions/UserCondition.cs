namespace AgentGuard.Policies;

/// <summary><c>When.User</c>: ids, groups, roles, external or anonymous.</summary>
internal sealed class UserCondition(string[] ids, string[] groups, string[] notGroups, string[] roles, bool? external, bool? anonymous) : Condition
{
    private string? _evidence;

    /// <summary>Built when first asked for (an operator's trace or a refusal), not for each of a large policy's rules at load.</summary>
    public override string Evidence => _evidence ??= Describe();


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

    private string Describe()
    {
        var parts = new List<string>(6);
        if (ids.Length > 0)
        {
            parts.Add($"user.id in [{string.Join(",", ids)}]");
        }

        if (groups.Length > 0)
        {
            parts.Add($"user.groups any of [{string.Join(",", groups)}]");
        }

        if (notGroups.Length > 0)
        {
            parts.Add($"user.groups none of [{string.Join(",", notGroups)}]");
        }

        if (roles.Length > 0)
        {
            parts.Add($"user.roles any of [{string.Join(",", roles)}]");
        }

        if (external is { } isExternal)
        {
            parts.Add($"user.external={(isExternal ? "true" : "false")}");
        }

        if (anonymous is { } isAnonymous)
        {
            parts.Add($"user.anonymous={(isAnonymous ? "true" : "false")}");
        }

        return string.Join(" and ", parts);
    }
}
