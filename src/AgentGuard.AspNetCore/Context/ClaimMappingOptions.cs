namespace AgentGuard.AspNetCore;

/// <summary>
/// Which claims of the signed-in <see cref="System.Security.Claims.ClaimsPrincipal"/> become the AgentGuard user. The
/// defaults suit OpenID Connect and Microsoft Entra ID tokens; change them for other identity providers.
/// </summary>
public sealed class ClaimMappingOptions
{
    /// <summary>Claim types tried in order for the user id; the identity's name is the last resort. Default <c>sub</c>, <c>oid</c>, name identifier.</summary>
    public List<string> UserId { get; set; } = ["sub", "oid", System.Security.Claims.ClaimTypes.NameIdentifier];

    /// <summary>Claim types whose values are the user's groups. Default <c>groups</c>.</summary>
    public List<string> Groups { get; set; } = ["groups"];

    /// <summary>Claim types whose values are the user's roles, besides the identity's role claim type. Default <c>roles</c>.</summary>
    public List<string> Roles { get; set; } = ["roles"];

    /// <summary>
    /// Claims that mark an external user (guest, customer, partner): claim type to the value that means external.
    /// Default <c>agentguard:external=true</c>, <c>acct=1</c>, <c>idtyp=guest</c> (Entra ID guests).
    /// </summary>
    public Dictionary<string, string> External { get; set; } = new(StringComparer.Ordinal)
    {
        ["agentguard:external"] = "true",
        ["acct"] = "1",
        ["idtyp"] = "guest",
    };

    /// <summary>Claim types tried in order for the tenant, stored as the user attribute <c>tenant</c>. Default <c>tid</c>.</summary>
    public List<string> Tenant { get; set; } = ["tid"];

    /// <summary>Other user attributes rules can match: attribute name to claim type (e.g. <c>department</c> → <c>department</c>).</summary>
    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);
}
