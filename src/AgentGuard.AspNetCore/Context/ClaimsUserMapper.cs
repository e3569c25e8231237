using System.Security.Claims;

namespace AgentGuard.AspNetCore;

/// <summary>Turns a <see cref="ClaimsPrincipal"/> into a <see cref="GuardUser"/> by <see cref="ClaimMappingOptions"/>.</summary>
public static class ClaimsUserMapper
{
    /// <summary>The user, or <see langword="null"/> when the principal is not authenticated or has no id.</summary>
    public static GuardUser? Map(ClaimsPrincipal? principal, ClaimMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var id = First(principal, options.UserId) ?? identity.Name;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var roleType = (identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var external = options.External.Any(e => principal.FindAll(e.Key).Any(c => string.Equals(c.Value, e.Value, StringComparison.OrdinalIgnoreCase)));
        Dictionary<string, string>? attributes = null;
        if (First(principal, options.Tenant) is { } tenant)
        {
            (attributes ??= new(StringComparer.Ordinal))["tenant"] = tenant;
        }

        foreach (var (name, claimType) in options.Attributes)
        {
            if (principal.FindFirst(claimType)?.Value is { Length: > 0 } value)
            {
                (attributes ??= new(StringComparer.Ordinal))[name] = value;
            }
        }

        return new GuardUser(id)
        {
            Groups = All(principal, options.Groups),
            Roles = All(principal, [roleType, .. options.Roles]),
            IsExternal = external,
            Attributes = attributes,
        };
    }

    private static string? First(ClaimsPrincipal principal, List<string> types)
    {
        foreach (var type in types)
        {
            if (principal.FindFirst(type)?.Value is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    private static string[] All(ClaimsPrincipal principal, IEnumerable<string> types)
        => [.. types.Distinct(StringComparer.Ordinal).SelectMany(principal.FindAll).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
