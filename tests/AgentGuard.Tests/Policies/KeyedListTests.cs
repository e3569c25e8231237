using AgentGuard.Policies;

namespace AgentGuard.Tests.Policies;

/// <summary>
/// The short lists a candidate set keeps (rules per session values, decisions per deciding rules, variants per event
/// tag) as an attacker sees them: their hashes read only part of a key, so keys that differ elsewhere must still get
/// their own answer — through the list itself and through the engine, whose decision would otherwise be another
/// session's or another rule set's.
/// </summary>
public sealed class KeyedListTests
{
    /// <summary>Every key hashes alike: only the comparison tells them apart.</summary>
    private readonly record struct Colliding(string Value) : IInlineKey<Colliding>
    {
        public int Hash() => 42;

        public bool SameAs(in Colliding other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysWithOneHash_EachFindTheirOwnValue_AndAnotherFindsNone()
    {
        var list = new KeyedList<Colliding, string>(10);
        list.TryAdd(new Colliding("a"), "A").Should().BeTrue();
        list.TryAdd(new Colliding("b"), "B").Should().BeTrue();
        list.TryAdd(new Colliding("a"), "other").Should().BeTrue("a key kept already keeps its first value");

        list.Find(new Colliding("a")).Should().Be("A");
        list.Find(new Colliding("b")).Should().Be("B");
        list.Find(new Colliding("c")).Should().BeNull();
        list.Find(new Colliding("A")).Should().BeNull("keys compare ordinally");
        list.Count.Should().Be(2);
    }

    [Fact]
    public void AtItsCapacity_TheListTakesNoMore()
    {
        var list = new KeyedList<Colliding, string>(2);
        list.TryAdd(new Colliding("a"), "A").Should().BeTrue();
        list.TryAdd(new Colliding("b"), "B").Should().BeTrue();
        list.IsFull.Should().BeTrue();
        list.TryAdd(new Colliding("c"), "C").Should().BeFalse();
        list.Find(new Colliding("c")).Should().BeNull();
    }

    [Fact]
    public void ReadersRacingWriters_OnlyEverFindTheValueOfTheirKey()
    {
        var list = new KeyedList<Colliding, string>(400);
        var wrong = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var i = 0; i < 100; i++)
            {
                list.TryAdd(new Colliding($"{thread}:{i}"), $"value {thread}:{i}");
                for (var other = 0; other < 4; other++)
                {
                    if (list.Find(new Colliding($"{other}:{i}")) is { } found && found != $"value {other}:{i}")
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        wrong.Should().Be(0);
        list.Count.Should().Be(400);
    }

    [Fact]
    public void SessionValuesThatDifferOnlyWhereTheHashDoesNotLook_HashAlike()
    {
        // The premise of the engine tests below: same length, first, middle and last character.
        ShortHash.Of("tAxZ").Should().Be(ShortHash.Of("tBxZ"));
        ShortHash.Of("gAxZ").Should().Be(ShortHash.Of("gBxZ"));
    }

    private static string TeamPolicy(string when)
    {
        // Ten filler rules on the same tool, so the index splits the tool's rules by the session value and keeps the
        // rules each set of values looks at.
        var fillers = string.Join(",", Enumerable.Range(0, 10).Select(i =>
            $$"""{ "Id": "filler-{{i}}", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { {{string.Format(System.Globalization.CultureInfo.InvariantCulture, when, "f" + i)}} } }"""));
        return $$"""
        { "AgentGuard": { "DefaultDecision": "Deny", "Rules": [
          {{fillers}},
          { "Id": "allow-a", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { {{string.Format(System.Globalization.CultureInfo.InvariantCulture, when, "tAxZ")}} } },
          { "Id": "deny-b", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { {{string.Format(System.Globalization.CultureInfo.InvariantCulture, when, "tBxZ")}} } }
        ] } }
        """;
    }

    [Fact]
    public async Task TeamsThatHashAlike_EachGetTheirOwnRules_WhicheverIsKeptFirst()
    {
        var engine = TestHost.Engine(TeamPolicy("\"Teams\": [\"{0}\"]"));
        var call = new ToolCallEvent("send", ToolKind.Function);

        for (var pass = 0; pass < 3; pass++)
        {
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "a", Team = "tAxZ" })).RuleIds.Should().Equal("allow-a");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "b", Team = "tBxZ" })).RuleIds.Should().Equal("deny-b");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "c", Team = "tCxZ" })).RuleIds.Should().BeEmpty("no rule is for this team: the default denies");
        }
    }

    [Fact]
    public async Task GroupsThatHashAlike_EachGetTheirOwnRules_WhicheverIsKeptFirst()
    {
        var engine = TestHost.Engine(TeamPolicy("\"User\": {{ \"Groups\": [\"{0}\"] }}").Replace("tAxZ", "gAxZ", StringComparison.Ordinal).Replace("tBxZ", "gBxZ", StringComparison.Ordinal));
        var call = new ToolCallEvent("send", ToolKind.Function);

        for (var pass = 0; pass < 3; pass++)
        {
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "b", User = new GuardUser("u") { Groups = ["gBxZ"] } })).RuleIds.Should().Equal("deny-b");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "a", User = new GuardUser("u") { Groups = ["gAxZ"] } })).RuleIds.Should().Equal("allow-a");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "ab", User = new GuardUser("u") { Groups = ["gAxZ", "gBxZ"] } })).RuleIds.Should().Equal("deny-b");
        }
    }

    [Fact]
    public async Task DecisionsWhoseDecidingRulesShareTheFirst_AreEachTheirOwn()
    {
        // A decision is kept per deciding rules; its hash reads only the first. [always, team-a] and [always, team-b]
        // hash alike and must not share a decision (its rule ids and reason name the rules).
        var engine = TestHost.Engine("""
        { "AgentGuard": { "DefaultDecision": "Deny", "Rules": [
          { "Id": "always", "Effect": "Allow", "Match": { "Tools": ["send"] } },
          { "Id": "team-a", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "Teams": ["a"] } },
          { "Id": "team-b", "Effect": "Allow", "Match": { "Tools": ["send"] }, "When": { "Teams": ["b"] } },
          { "Id": "deny-a", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Teams": ["a"], "Environments": ["prod"] } },
          { "Id": "deny-b", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Teams": ["b"], "Environments": ["prod"] } }
        ] } }
        """);
        var call = new ToolCallEvent("send", ToolKind.Function);

        for (var pass = 0; pass < 3; pass++)
        {
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "a", Team = "a" })).RuleIds.Should().Equal("always", "team-a");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "b", Team = "b" })).RuleIds.Should().Equal("always", "team-b");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "c", Team = "c" })).RuleIds.Should().Equal("always");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "ap", Team = "a", Environment = "prod" })).RuleIds.Should().Equal("deny-a");
            (await engine.EvaluateAsync(call, new GuardContext { SessionId = "bp", Team = "b", Environment = "prod" })).RuleIds.Should().Equal("deny-b");
        }
    }

    [Fact]
    public async Task SingleEventTags_EachGetTheirOwnVariant_WhicheverIsKeptFirst()
    {
        // The first single-tag variant is kept on the set itself, the rest in a list: a call with another tag (or the
        // same letters in another order, or a prefix) must never be handed the variant of the tag kept first.
        var engine = TestHost.Engine("""
        { "AgentGuard": { "DefaultDecision": "Allow", "Rules": [
          { "Id": "no-pii", "Effect": "Deny", "Match": { "Tags": ["pii"] } },
          { "Id": "ask-ip", "Effect": "RequireApproval", "Match": { "Tags": ["ip"] } }
        ] } }
        """);
        var session = new GuardContext { SessionId = "s" };
        static ToolCallEvent Call(string tag) => new("send", ToolKind.Function) { Tags = [tag] };

        for (var pass = 0; pass < 3; pass++)
        {
            (await engine.EvaluateAsync(Call("pii"), session)).RuleIds.Should().Equal("no-pii");
            (await engine.EvaluateAsync(Call("ipi"), session)).Effect.Should().Be(DecisionEffect.Allow);
            (await engine.EvaluateAsync(Call("ip"), session)).RuleIds.Should().Equal("ask-ip");
            (await engine.EvaluateAsync(Call("pi"), session)).Effect.Should().Be(DecisionEffect.Allow);
            (await engine.EvaluateAsync(Call("PII"), session)).RuleIds.Should().Equal(["no-pii"], "tags match ignoring case");
        }
    }
}
