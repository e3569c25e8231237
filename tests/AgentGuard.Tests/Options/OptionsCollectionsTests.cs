using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Options;

/// <summary>
/// A rule's lists and maps are made when first read, not with the options object (a large policy would otherwise
/// carry some twenty empty collections per rule through its load). Attacker's view: a collection shared between rules
/// while empty would let a value added to one rule appear in every other — a deny rule on a tool would then also
/// require the other rule's tag, and calls without it would pass.
/// </summary>
public sealed class OptionsCollectionsTests
{
    /// <summary>Every list of the options of a rule, read through its property.</summary>
    private static readonly (string Name, Func<RuleOptions, List<string>> List)[] Lists =
    [
        ("Match.Tools", r => r.Match!.Tools),
        ("Match.Kinds", r => r.Match!.Kinds),
        ("Match.Sources", r => r.Match!.Sources),
        ("Match.Tags", r => r.Match!.Tags),
        ("When.Environments", r => r.When!.Environments),
        ("When.Teams", r => r.When!.Teams),
        ("When.Agents", r => r.When!.Agents),
        ("When.DataTags", r => r.When!.DataTags),
        ("When.SessionLabels", r => r.When!.SessionLabels),
        ("When.User.Ids", r => r.When!.User!.Ids),
        ("When.User.Groups", r => r.When!.User!.Groups),
        ("When.User.NotGroups", r => r.When!.User!.NotGroups),
        ("When.User.Roles", r => r.When!.User!.Roles),
        ("When.Arguments[0].OneOf", r => r.When!.Arguments[0].OneOf),
        ("When.Arguments[0].NotOneOf", r => r.When!.Arguments[0].NotOneOf),
        ("When.Sequence.Tools", r => r.When!.Sequence!.Tools),
        ("When.Sequence.Tags", r => r.When!.Sequence!.Tags),
        ("When.Provenance.Allowlist", r => r.When!.Provenance!.Allowlist),
    ];

    private static RuleOptions Fresh()
    {
        var rule = new RuleOptions
        {
            Match = new MatchOptions(),
            When = new WhenOptions { User = new UserConditionOptions(), Sequence = new SequenceConditionOptions(), Provenance = new ProvenanceConditionOptions() },
        };
        rule.When.Arguments.Add(new ArgumentConditionOptions());
        return rule;
    }

    [Fact]
    public void List_AddedToThroughOneRule_IsNotSeenThroughAnother()
    {
        foreach (var (name, list) in Lists)
        {
            var first = Fresh();
            var second = Fresh();

            list(first).Add("leaked");

            list(second).Should().BeEmpty($"{name} of another rule must not share the first rule's list");
            list(first).Should().Equal(["leaked"], $"{name} keeps what was added through it");
        }
    }

    [Fact]
    public void Map_AddedToThroughOneRule_IsNotSeenThroughAnother()
    {
        var first = new WhenOptions();
        var second = new WhenOptions();

        first.Attributes["tier"] = "gold";
        first.AttributesAnyOf["region"] = ["eu"];
        first.Counters["spend"] = new CounterConditionOptions { GreaterThan = 1 };
        first.Arguments.Add(new ArgumentConditionOptions { Path = "$.to", Exists = true });

        second.Attributes.Should().BeEmpty();
        second.AttributesAnyOf.Should().BeEmpty();
        second.Counters.Should().BeEmpty();
        second.Arguments.Should().BeEmpty();
        first.Attributes.Should().ContainKey("TIER", "the map ignores case as before");
        first.Counters.Should().ContainKey("Spend");
        first.Arguments.Should().ContainSingle();
    }

    [Fact]
    public async Task DenyRule_BuiltInCode_IsNotNarrowedByAnotherRulesTag()
    {
        var allowTagged = new RuleOptions { Id = "allow-public", Effect = "Allow", Match = new MatchOptions() };
        var denySend = new RuleOptions { Id = "no-send", Effect = "Deny", Match = new MatchOptions() };
        allowTagged.Match.Tags.Add("public");
        denySend.Match.Tools.Add("send_email");
        var services = new ServiceCollection();
        services.AddAgentGuard(o =>
        {
            o.DefaultDecision = "Allow";
            o.Rules.AddRange([allowTagged, denySend]);
        });
        var engine = services.BuildServiceProvider().GetRequiredService<IGuardEngine>();

        (await engine.EvaluateAsync(TestHost.Call("send_email"), GuardContext.Empty)).RuleIds.Should().Equal("no-send");
    }

    [Fact]
    public async Task DenyRule_LoadedFromConfiguration_IsNotNarrowedByAnotherRulesTag()
    {
        var engine = TestHost.Engine("""
            { "AgentGuard": { "DefaultDecision": "Allow", "Rules": [
              { "Id": "allow-public", "Effect": "Allow", "Match": { "Tags": [ "public" ] }, "When": { "Teams": [ "ops" ] } },
              { "Id": "no-send", "Effect": "Deny", "Match": { "Tools": [ "send_email" ] } },
              { "Id": "no-export", "Effect": "Deny", "Match": { "Tools": [ "export" ] }, "When": { "Environments": [ "prod" ] } } ] } }
            """);

        (await engine.EvaluateAsync(TestHost.Call("send_email"), GuardContext.Empty)).RuleIds.Should().Equal("no-send");
        (await engine.EvaluateAsync(TestHost.Call("export"), new GuardContext { Environment = "prod" })).RuleIds.Should().Equal("no-export");
    }
}
