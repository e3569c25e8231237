using System.Security.Claims;

namespace AgentGuard.Samples.Web;

/// <summary>
/// The sample's two users, signed in by name with a cookie. A DEMO ONLY stand-in for your real sign-in (OpenID
/// Connect, Entra ID): <c>alice</c> asks the agent to pay, <c>bob</c> approves.
/// </summary>
internal static class DemoUsers
{
    public static ClaimsPrincipal? SignIn(string name) => name switch
    {
        "alice" => Principal("alice", "finance"),
        "bob" => Principal("bob", "finance", "agentguard-approver"),
        "mallory" => Principal("mallory", "contractors", "agentguard-approver"),
        _ => null,
    };

    private static ClaimsPrincipal Principal(string id, string group, params string[] roles)
        => new(new ClaimsIdentity(
            [new Claim("sub", id), new Claim("name", id), new Claim("groups", group), new Claim("tid", "contoso"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "demo-cookie",
            "name",
            ClaimTypes.Role));
}
