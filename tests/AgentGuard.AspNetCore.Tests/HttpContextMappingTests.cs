using System.Security.Claims;
using AgentGuard.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AgentGuard.AspNetCore.Tests;

/// <summary>The user and session AgentGuard reads from a request, by configuration.</summary>
public sealed class HttpContextMappingTests
{
    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "test", "name", "role"));

    [Fact]
    public void Map_CustomClaimTypes_FillIdGroupsRolesTenantExternalAndAttributes()
    {
        var options = new ClaimMappingOptions
        {
            UserId = ["upn"],
            Groups = ["grp"],
            Roles = ["app_roles"],
            Tenant = ["org"],
            External = new() { ["userType"] = "Guest" },
            Attributes = new() { ["department"] = "dept" },
        };
        var principal = Principal(
            new Claim("sub", "ignored-sub"), new Claim("upn", "carol@contoso.com"), new Claim("grp", "finance"), new Claim("grp", "eu"),
            new Claim("role", "reader"), new Claim("app_roles", "payer"), new Claim("org", "contoso"), new Claim("userType", "guest"), new Claim("dept", "treasury"));

        var user = ClaimsUserMapper.Map(principal, options)!;

        user.Id.Should().Be("carol@contoso.com");
        user.Groups.Should().Equal("finance", "eu");
        user.Roles.Should().BeEquivalentTo(["reader", "payer"]);
        user.IsExternal.Should().BeTrue();
        user.Attributes.Should().BeEquivalentTo(new Dictionary<string, string> { ["tenant"] = "contoso", ["department"] = "treasury" });
    }

    [Fact]
    public void Map_Defaults_SubGroupsEntraGuest()
    {
        var user = ClaimsUserMapper.Map(Principal(new Claim("sub", "dave"), new Claim("groups", "eng"), new Claim("idtyp", "guest"), new Claim("tid", "t-1")), new ClaimMappingOptions())!;

        user.Id.Should().Be("dave");
        user.Groups.Should().Equal("eng");
        user.IsExternal.Should().BeTrue();
        user.Attributes!["tenant"].Should().Be("t-1");
    }

    [Fact]
    public void Map_AnonymousOrIdless_IsNoUser()
    {
        ClaimsUserMapper.Map(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")])), new ClaimMappingOptions()).Should().BeNull("not authenticated");
        ClaimsUserMapper.Map(Principal(new Claim("groups", "eng")), new ClaimMappingOptions()).Should().BeNull("no id");
    }

    [Fact]
    public void Provider_SessionFromHeader_ScopedToTheUser_ThenRouteValue()
    {
        var http = new DefaultHttpContext { User = Principal(new Claim("sub", "erin")) };
        http.Request.Headers["X-AgentGuard-Session"] = "abc";
        http.Request.RouteValues["conversationId"] = "from-route";
        var provider = Provider(http, new AgentGuardHttpContextOptions());

        var context = provider.Enrich(GuardContext.Empty);

        context.SessionId.Should().Be("erin/abc", "a client must not be able to name another user's session");
        context.User!.Id.Should().Be("erin");

        http.Request.Headers.Remove("X-AgentGuard-Session");
        provider.Enrich(GuardContext.Empty).SessionId.Should().Be("erin/from-route");
    }

    [Fact]
    public void Provider_AdapterFactsWin_AndOversizedOrDuplicatedHeadersAreIgnored()
    {
        var http = new DefaultHttpContext { User = Principal(new Claim("sub", "erin")) };
        http.Request.Headers["X-AgentGuard-Session"] = new string('s', 500);
        var provider = Provider(http, new AgentGuardHttpContextOptions { Session = { RouteValue = null } });

        provider.Enrich(GuardContext.Empty).SessionId.Should().BeNull("longer than MaxLength");

        http.Request.Headers["X-AgentGuard-Session"] = new Microsoft.Extensions.Primitives.StringValues(["a", "b"]);
        provider.Enrich(GuardContext.Empty).SessionId.Should().BeNull("two values: ambiguous");

        var known = new GuardContext { SessionId = "s-adapter", User = new GuardUser("from-adapter") };
        provider.Enrich(known).Should().BeSameAs(known);
    }

    private static HttpContextGuardContextProvider Provider(HttpContext http, AgentGuardHttpContextOptions options)
        => new(new HttpContextAccessor { HttpContext = http }, new StaticMonitor(options));

    private sealed class StaticMonitor(AgentGuardHttpContextOptions value) : IOptionsMonitor<AgentGuardHttpContextOptions>
    {
        public AgentGuardHttpContextOptions CurrentValue => value;

        public AgentGuardHttpContextOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AgentGuardHttpContextOptions, string?> listener) => null;
    }
}
