using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Context;

public sealed class GuardContextResolverTests
{
    private const string Defaults = """{ "AgentGuard": { "Context": { "Environment": "prod", "Team": "payments", "DataTags": ["pii"] } } }""";

    [Fact]
    public void Resolve_PropertyBag_ReadsWellKnownKeys()
    {
        var resolver = TestHost.Create(Defaults).GetRequiredService<ToolGuard>().ContextResolver;
        var properties = new Dictionary<string, object?>
        {
            [GuardContextKeys.SessionId] = "s-1",
            [GuardContextKeys.UserId] = "alice",
            [GuardContextKeys.UserGroups] = "finance, staff",
            [GuardContextKeys.UserRoles] = new[] { "approver" },
            [GuardContextKeys.UserExternal] = "true",
            [GuardContextKeys.AgentId] = "billing-bot",
            [GuardContextKeys.Environment] = "staging",
            [GuardContextKeys.DataTags] = "internal-only",
            ["unrelated"] = 42,
        };

        var context = resolver.Resolve(new GuardContext { Prompt = "pay the invoice" }, properties);

        context.SessionId.Should().Be("s-1");
        context.User!.Id.Should().Be("alice");
        context.User.Groups.Should().Equal("finance", "staff");
        context.User.Roles.Should().Equal("approver");
        context.User.IsExternal.Should().BeTrue();
        context.Agent!.Id.Should().Be("billing-bot");
        context.Environment.Should().Be("staging", "the request wins over the configured default");
        context.Team.Should().Be("payments", "the configured default fills what nothing else supplied");
        context.DataTags.Should().BeEquivalentTo("internal-only", "pii");
        context.Prompt.Should().Be("pay the invoice");
    }

    [Fact]
    public void Resolve_AmbientScope_FillsWhatTheAdapterDidNotSee()
    {
        var resolver = TestHost.Create(Defaults).GetRequiredService<ToolGuard>().ContextResolver;
        using var scope = AgentGuardScope.Begin(new GuardContext { SessionId = "outer", User = new GuardUser("bob") }, new ToolCallEvent("fetch") { CallId = "call-1" });

        var context = resolver.Resolve(new GuardContext { Prompt = "p" });

        context.SessionId.Should().Be("outer");
        context.User!.Id.Should().Be("bob");
        AgentGuardScope.CurrentCallId.Should().Be("call-1");
    }

    [Fact]
    public void Scope_Dispose_RestoresParent()
    {
        using (AgentGuardScope.Begin(new GuardContext { SessionId = "a" }))
        {
            using (AgentGuardScope.Begin(new GuardContext { SessionId = "b" }))
            {
                AgentGuardScope.Current!.Context.SessionId.Should().Be("b");
            }

            AgentGuardScope.Current!.Context.SessionId.Should().Be("a");
        }

        AgentGuardScope.Current.Should().BeNull();
    }

    [Fact]
    public void Resolve_ClaimsPrincipal_BecomesTheUser()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "carol"), new Claim("groups", "eng"), new Claim(ClaimTypes.Role, "admin"), new Claim("idtyp", "guest")],
            authenticationType: "test"));
        var resolver = TestHost.Create(Defaults, b => b.AddClaimsPrincipal(_ => principal)).GetRequiredService<ToolGuard>().ContextResolver;

        var context = resolver.Resolve();

        context.User!.Id.Should().Be("carol");
        context.User.Groups.Should().Equal("eng");
        context.User.Roles.Should().Equal("admin");
        context.User.IsExternal.Should().BeTrue();
    }

    [Fact]
    public void FromClaimsPrincipal_Unauthenticated_IsNull()
    {
        GuardUser.FromClaimsPrincipal(new ClaimsPrincipal(new ClaimsIdentity())).Should().BeNull();
    }
}
