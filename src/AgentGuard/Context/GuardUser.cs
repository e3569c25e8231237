using System.Security.Claims;

namespace AgentGuard;

/// <summary>The person (or service) on whose behalf the agent acts.</summary>
public sealed record GuardUser
{
    /// <summary>Creates a user with the given id.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public GuardUser(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>A stable id (subject, object id, user name).</summary>
    public string Id { get; }

    /// <summary>Groups the user belongs to.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Roles the user holds.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>True for users outside the organisation (guests, customers, partners).</summary>
    public bool IsExternal { get; init; }

    /// <summary>Other facts rules can match by name (department, tenant, clearance…).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>
    /// Builds a user from a <see cref="ClaimsPrincipal"/>: the id from <c>sub</c>, <c>oid</c> or the name identifier,
    /// groups from <c>groups</c>, roles from the role claim type, external when <c>agentguard:external</c> is
    /// <c>true</c> or the <c>idtyp</c>/<c>acct</c> claim marks a guest.
    /// </summary>
    /// <returns>The user, or <see langword="null"/> when the principal is not authenticated or has no id.</returns>
    public static GuardUser? FromClaimsPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var id = principal.FindFirst("sub")?.Value
            ?? principal.FindFirst("oid")?.Value
            ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? identity.Name;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var roleType = (identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var external = string.Equals(principal.FindFirst("agentguard:external")?.Value, "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(principal.FindFirst("acct")?.Value, "1", StringComparison.Ordinal)
            || string.Equals(principal.FindFirst("idtyp")?.Value, "guest", StringComparison.OrdinalIgnoreCase);

        return new GuardUser(id)
        {
            Groups = [.. principal.FindAll("groups").Select(c => c.Value)],
            Roles = [.. principal.FindAll(roleType).Select(c => c.Value)],
            IsExternal = external,
        };
    }
}
