using System.Text.Json;
using AgentGuard.Policies;
using AgentGuard.Tests.Properties;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Policies;

/// <summary>
/// The top-level rules are read apart and bound by hand (<see cref="RuleEntryReader"/>, <see cref="RuleOptionsBinder"/>).
/// Whatever the keys, loading must end exactly as reading the section whole and binding it with the configuration
/// binder ends: the same options, or the same problems in the same order, or the same binder error.
/// </summary>
public sealed class RuleEntryReaderTests
{
    /// <summary>Keys of a rule: settings of every kind, sections and lists given keys of their own, typos, case variants, keys below values.</summary>
    private static readonly string[] RuleKeys =
    [
        "Id", "Effect", "Reason", "Message", "OnError", "Alert", "StopAgent",
        "Match:Tools:0", "Match:Tools:1", "Match:Tools:2", "Match:Kinds:0", "Match:Sources:0", "Match:Sources:1", "Match:Tags:0", "Match:MinRisk",
        "When:Teams:0", "When:Teams:1", "When:Environments:0", "When:Agents:0", "When:DataTags:0", "When:SessionLabels:0",
        "When:User:Groups:0", "When:User:Groups:1", "When:User:NotGroups:0", "When:User:Ids:0", "When:User:External", "When:User:Anonymous",
        "When:Arguments:0:Path", "When:Arguments:0:Regex", "When:Arguments:0:Equals", "When:Arguments:0:OneOf:0", "When:Arguments:0:OneOf:1",
        "When:Arguments:1:Path", "When:Arguments:1:GreaterThan", "When:Arguments:1:LessThan", "When:Arguments:1:Exists", "When:Arguments:2:Contains",
        "When:Sequence:Tools:0", "When:Sequence:AtLeast", "When:Sequence:WithinCalls", "When:Sequence:Within", "When:Sequence:OnlyAllowed",
        "When:RateLimit:Max", "When:RateLimit:Per", "When:RateLimit:By", "When:Provenance:Argument", "When:Provenance:From:0", "When:Provenance:Allowlist:0",
        "When:Attributes:tier", "When:AttributesAnyOf:tier:0", "When:Counters:spend:GreaterThan", "When:OutsideTaskScope", "When:ToolNamedByResult", "When:CarriesSessionData:Argument", "When:CarriesSessionData:Argumen",
        string.Empty, "Match", "When", "Match:Tools", "When:Arguments", "When:Arguments:0", "When:User", "When:Attributes", "When:Provenance:From", "When:CarriesSessionData",
        "Effekt", "Match:Tool:0", "When:Teams:x", "Match:Tools:0:x", "Id:x", "When:Arguments:0:Equal", "Match:Tools:-1", "Match:Tools:01",
        "effect", "MATCH:tools:0", "when:user:groups:0",
    ];

    private static readonly string?[] Values =
    [
        "x", "x", "x", "send_*", "Deny", "Allow", "true", "False", null, string.Empty, "yes", "1", "-2", "99999999999", "1.5", " true ", "0x10",
    ];

    private static readonly Gen<(int Entry, string Key, string? Value)> Key = Gen.Select(
        Gen.Int[0, 3], Gen.OneOf(RuleKeys), Gen.OneOf(Values), (entry, key, value) => (entry, key, value));

    private static readonly Gen<(int Entry, string Key, string? Value)> CommonKey = Gen.Select(
        Gen.Int[0, 3], Gen.OneOf("Id", "Effect", "Match:Tools:0", "When:Teams:0", "When:User:Groups:0"), Gen.OneOf("r", "Deny", "Allow", "send_*", "ops"), (entry, key, value) => (entry, key, (string?)value));

    [Fact]
    public void AnyKeys_LoadExactlyAsTheSectionReadWhole()
    {
        var runs = 0;
        var loadedWithRulesBoundByHand = 0;
        var failed = 0;
        Gen.Select(Gen.Frequency((6, CommonKey), (1, Key)).Array[1, 30], Key.Array[0, 3], Gen.Bool).Sample(
            (keys, later, rulesInCapitals) =>
            {
                var root = Root(keys, later, rulesInCapitals ? "RULES" : "Rules");

                var read = Outcome(() => Fast(root));

                read.Should().Be(Outcome(() => Whole(root)));
                Interlocked.Increment(ref runs);
                if (!read.StartsWith("options:", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref failed);
                }
                else if (BoundByHand(root) > 0)
                {
                    Interlocked.Increment(ref loadedWithRulesBoundByHand);
                }
            },
            iter: 3000);

        // Not a vacuous comparison: both ends are reached often — loads with rules bound by hand, and failures.
        loadedWithRulesBoundByHand.Should().BeGreaterThan(runs / 10);
        failed.Should().BeGreaterThan(runs / 10);
    }

    private static int BoundByHand(IConfigurationRoot root)
    {
        var entries = new RuleEntries();
        ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>(), entries, out _);
        return entries.Entries.Count(e => e.Bound is not null);
    }

    [Fact]
    public void EverySettingOfARule_IsBoundByHand()
    {
        // A setting added to the options but not to the hand binder would silently take the slow way: name it here.
        var settings = new List<(string Path, string Value)>();
        Settings(ConfigurationKeyChecker.RootShape.Property("Rules")!.Items!, string.Empty, settings);

        settings.Should().HaveCountGreaterThan(40);
        foreach (var (path, value) in settings)
        {
            RuleOptionsBinder.Bind([(new RuleKey(path), value)], new RuleOptionsBinder.Pending()).Should().NotBeNull($"{path} = {value} is a setting of a rule");
        }

        static void Settings(ConfigurationShape shape, string path, List<(string Path, string Value)> into)
        {
            switch (shape.Kind)
            {
                case ConfigurationShape.ShapeKind.Object:
                    foreach (var name in shape.PropertyNames)
                    {
                        Settings(shape.Property(name)!, path.Length == 0 ? name : $"{path}:{name}", into);
                    }

                    break;
                case ConfigurationShape.ShapeKind.List:
                    Settings(shape.Items!, path + ":0", into);
                    break;
                case ConfigurationShape.ShapeKind.Value:
                    into.Add((path, new[] { "true", "1", "x" }.First(v => shape.Accepts(v, out _))));
                    break;
                default:
                    // A map's entries have names no shape knows: such rules are bound the usual way, by design.
                    break;
            }
        }
    }

    [Fact]
    public void GeneratedPolicies_LoadExactlyAsTheSectionReadWhole_AndAsTheLiveSection()
    {
        Gen.Select(Generators.IndexedPolicy, Gen.Bool).Sample(
            (policy, layered) =>
            {
                var builder = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(policy.ToJson())));
                if (layered)
                {
                    builder.AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:Rules:0:Effect"] = "Allow", ["AgentGuard:Rules:3:Reason"] = "from env", ["AgentGuard:Rules:2:Match:Tools:5"] = "extra" });
                }

                var root = builder.Build();

                var read = Outcome(() => Fast(root));

                read.Should().Be(Outcome(() => Whole(root)));
                read.Should().Be(Outcome(() => Live(root)));
                read.Should().StartWith("options:");
            },
            iter: 200);
    }

    [Fact]
    public void RulesOfOneLayout_AreBoundByHand_NoneCopied()
    {
        var rules = Enumerable.Range(0, 200).Select(i => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] }, "When": { "Teams": ["a", "b"] } }""");
        var root = Json($$"""{ "AgentGuard": { "Rules": [ {{string.Join(",", rules)}} ] } }""");
        var entries = new RuleEntries();

        ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>(), entries, out var copiedLive);

        copiedLive.Should().Be(0);
        entries.ReadUnlisted.Should().BeTrue();
        entries.Entries.Should().HaveCount(200).And.OnlyContain(e => e.Bound != null);
        entries.Entries[199].Bound!.When!.Teams.Should().Equal("a", "b");
    }

    [Fact]
    public void ListEveryKeyOfWhichASettingNames_IsReadWithoutAListingOfItsOwn()
    {
        // Rules of several layouts, lists of different lengths, a value from a second provider and an entry only it holds.
        var rules = Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] } }""",
            1 => $$"""{ "Id": "r{{i}}", "Effect": "Allow", "Match": { "Tools": ["t{{i}}", "u{{i}}"] }, "When": { "Arguments": [ { "Path": "$.to", "OneOf": ["a", "b"] } ] } }""",
            _ => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "When": { "User": { "Groups": ["x"] }, "RateLimit": { "Max": 3, "Per": "00:01:00" } } }""",
        });
        var root = new ConfigurationBuilder()
            .AddJsonStream(Stream($$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{string.Join(",", rules)}} ] } }"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:Rules:4:Reason"] = "from env", ["AgentGuard:Rules:300:Id"] = "env-only", ["AgentGuard:Rules:300:Effect"] = "Deny", ["AgentGuard:Rules:300:Match:Tools:0"] = "rm" })
            .Build();

        var entries = Entries(root);

        entries.ReadUnlisted.Should().BeTrue();
        entries.Entries.Should().HaveCount(301).And.OnlyContain(e => e.Bound != null);
        entries.Entries[4].Bound!.Reason.Should().Be("from env");
        entries.Entries[300].Bound!.Id.Should().Be("env-only");
        Outcome(() => Fast(root)).Should().Be(Outcome(() => Whole(root))).And.StartWith("options:");
    }

    [Theory]
    [InlineData("AgentGuard:Rules:7:When:Attributes:tier", "gold", "When:Attributes:tier", "a map's entries no setting names")]
    [InlineData("AgentGuard:Rules:7:When:Teamz:0", "ops", "When:Teamz", "a misspelt key")]
    [InlineData("AgentGuard:Rules:7:Match:Tools:2", "rm", "Match:Tools:2", "a gap in a list's positions")]
    [InlineData("AgentGuard:Rules:7:Match:Tools:01", "rm", "Match:Tools:01", "a position written with a leading zero")]
    [InlineData("AgentGuard:Rules:12:Id", "beyond-a-gap", "Rules:12", "an entry beyond a gap in the list")]
    [InlineData("AgentGuard:Rules:x:Id", "named", "Rules:x", "an entry that is no list position")]
    public void KeyTheShapeCannotFind_SendsTheListTheListedWay_AndIsNeitherLostNorLetThrough(string key, string value, string shown, string why)
    {
        // Reading without a listing only ever finds keys a setting names; an attacker's (or a typist's) key anywhere else
        // must make the counts disagree, so the list is read the listed way and the key is bound or reported, as before.
        var rules = Enumerable.Range(0, 10).Select(i => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] } }""");
        var root = new ConfigurationBuilder()
            .AddJsonStream(Stream($$"""{ "AgentGuard": { "Rules": [ {{string.Join(",", rules)}} ] } }"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var unlisted = RuleEntryReader.ReadUnlisted([.. root.Providers], "AgentGuard:Rules", ConfigurationKeyChecker.RootShape.Property("Rules")!);
        var section = ConfigurationReader.Count([.. root.Providers], "AgentGuard");

        unlisted.Covers(section, "Rules").Should().BeFalse(why);
        Entries(root).ReadUnlisted.Should().BeFalse(why);
        var outcome = Outcome(() => Fast(root));
        outcome.Should().Be(Outcome(() => Live(root)), why);
        (outcome.Contains(value, StringComparison.Ordinal) || outcome.Contains(shown, StringComparison.Ordinal)).Should().BeTrue($"{why} is bound or reported: {outcome}");
    }

    [Fact]
    public void TypoInARuleWithAsManyKeysAsTheRulesBefore_FailsNamingIt()
    {
        // 100 rules of one layout teach the reader that layout; the last has as many keys, one of them misspelt.
        var rules = Enumerable.Range(0, 100).Select(i => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] } }""");
        var json = $$"""{ "AgentGuard": { "Rules": [ {{string.Join(",", rules)}}, { "Id": "bad", "Effect": "Deny", "Match": { "Tool": ["x"] } } ] } }""";

        var act = () => TestHost.Engine(json);

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("Match:Tool (rule 'bad')").And.Contain("did you mean 'Tools'");
    }

    [Fact]
    public void LongList_ReadInParallelChunks_LoadsExactlyAsTheSectionReadWhole()
    {
        // 5,000 rules (ten chunks of 512) of seven layouts, a second provider changing rules in three chunks, one of
        // them beyond its layout: each chunk's reader learns layouts of its own; nothing may differ from one pass.
        var rules = Enumerable.Range(0, 5_000).Select(i => (i % 7) switch
        {
            0 => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] } }""",
            1 => $$"""{ "Id": "r{{i}}", "Effect": "Allow", "Match": { "Tools": ["t{{i}}", "u{{i}}"] }, "When": { "Teams": ["a"] } }""",
            2 => $$"""{ "Id": "r{{i}}", "Effect": "RequireApproval", "Match": { "Sources": ["s{{i}}"] }, "Reason": "why {{i}}" }""",
            3 => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tags": ["g{{i}}"] }, "When": { "User": { "Groups": ["x", "y"] } } }""",
            4 => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "When": { "Arguments": [ { "Path": "$.to", "Regex": "^a{{i}}$" } ] } }""",
            5 => $$"""{ "Id": "r{{i}}", "Effect": "Allow", "Match": { "Tools": ["*"] }, "When": { "Environments": ["prod"], "Teams": ["b"] } }""",
            _ => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["v{{i}}"] }, "When": { "Attributes": { "tier": "gold" } } }""",
        });
        var json = $$"""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ {{string.Join(",", rules)}} ] } }""";
        var root = new ConfigurationBuilder()
            .AddJsonStream(Stream(json))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:Rules:600:Reason"] = "from env", ["AgentGuard:Rules:2501:Effect"] = "Deny", ["AgentGuard:Rules:4999:Reason"] = "beyond its layout" })
            .Build();

        var entries = Entries(root);

        entries.Entries.Select(e => e.Index).Should().Equal(Enumerable.Range(0, 5_000));
        entries.Entries.Where(e => e.Bound is null && e.Index % 7 != 6).Select(e => e.Index).Should().BeEmpty();
        entries.Entries.Count(e => e.Bound is not null).Should().Be(5_000 - 714, "every rule but the ones with a map (When.Attributes) is bound by hand");
        entries.Entries[600].Bound!.Reason.Should().Be("from env");
        entries.Entries[4999].Bound!.Reason.Should().Be("beyond its layout");
        Outcome(() => Fast(root)).Should().Be(Outcome(() => Whole(root))).And.StartWith("options:");
    }

    [Fact]
    public void LongList_TyposInTwoChunks_AreReportedInListOrder_AsTheSectionReadWhole()
    {
        var rules = Enumerable.Range(0, 4_000).Select(i => i switch
        {
            700 => """{ "Id": "early", "Effect": "Deny", "Match": { "Tool": ["x"] } }""",
            3_900 => """{ "Id": "late", "Effect": "Deny", "Match": { "Tools": ["x"] }, "Reasn": "typo" }""",
            _ => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] } }""",
        });
        var root = Json($$"""{ "AgentGuard": { "Rules": [ {{string.Join(",", rules)}} ] } }""");

        var outcome = Outcome(() => Fast(root));

        outcome.Should().Be(Outcome(() => Whole(root)));
        outcome.Should().Contain("Match:Tool (rule 'early')").And.Contain("Reasn (rule 'late')");
        outcome.IndexOf("'early'", StringComparison.Ordinal).Should().BeLessThan(outcome.IndexOf("'late'", StringComparison.Ordinal));
    }

    [Fact]
    public void SettingBeyondTheLayoutOfTheRulesBefore_IsBound()
    {
        // 100 rules of one layout; the last holds that layout and one setting more (the layout fits it): the setting
        // must not be lost, whichever way the list is read.
        var root = Json(Policy(100, """{ "Id": "last", "Effect": "Deny", "Match": { "Tools": ["x"] }, "Reason": "kept" }"""));
        var entries = Entries(root);

        entries.Entries.Should().HaveCount(101);
        entries.Entries[100].Bound!.Reason.Should().Be("kept");
        Outcome(() => Fast(root)).Should().Be(Outcome(() => Whole(root))).And.Contain("kept");
    }

    [Fact]
    public void TypoBeyondTheLayoutOfTheRulesBefore_FailsNamingIt()
    {
        // As above, the key beyond the layout misspelt: reading the rules in turn must not skip it.
        var act = () => TestHost.Engine(Policy(100, """{ "Id": "bad", "Effect": "Deny", "Match": { "Tools": ["x"] }, "Reasn": "typo" }"""));

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("Reasn (rule 'bad')");
    }

    [Fact]
    public void ListItemBeyondTheLayoutOfTheRulesBefore_IsBound()
    {
        var root = Json(Policy(100, """{ "Id": "last", "Effect": "Deny", "Match": { "Tools": ["x", "y"] } }"""));

        Entries(root).Entries[100].Bound!.Match!.Tools.Should().Equal("x", "y");
        Outcome(() => Fast(root)).Should().Be(Outcome(() => Whole(root)));
    }

    [Fact]
    public void ValueOnTheListItselfBesideItsEntries_LoadsAsTheSectionReadWhole()
    {
        var root = new ConfigurationBuilder()
            .AddJsonStream(Stream("""{ "AgentGuard": { "Rules": [ { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] } } ] } }"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:Rules"] = string.Empty })
            .Build();

        Outcome(() => Fast(root)).Should().Be(Outcome(() => Whole(root)));
    }

    [Fact]
    public void KeyAddedToOneRuleByASecondProvider_NothingReadsIt_FailsNamingIt()
    {
        var root = new ConfigurationBuilder()
            .AddJsonStream(Stream("""{ "AgentGuard": { "Rules": [ { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] } }, { "Id": "b", "Effect": "Deny", "Match": { "Tools": ["y"] } } ] } }"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:Rules:1:When:Enviroments:0"] = "prod" })
            .Build();

        var act = () => Engine(root);

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("When:Enviroments (rule 'b')").And.Contain("did you mean 'Environments'");
    }

    [Fact]
    public void WrongValueFromASecondProvider_FailsNamingIt()
    {
        var root = new ConfigurationBuilder()
            .AddJsonStream(Stream("""{ "AgentGuard": { "Rules": [ { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] } } ] } }"""))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AgentGuard:Rules:0:Alert"] = "yes" })
            .Build();

        var act = () => Engine(root);

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("Rules[0]:Alert (rule 'a') is 'yes', which is not true or false");
    }

    [Fact]
    public async Task EnvironmentVariableOverridingOneRulesEffect_Wins()
    {
        var prefix = "AGENTGUARD_TEST19_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "AgentGuard__Rules__1__Effect", "Deny");
        Environment.SetEnvironmentVariable(prefix + "AgentGuard__Rules__1__Match__Tools__1", "send_sms");
        try
        {
            var root = new ConfigurationBuilder()
                .AddJsonStream(Stream("""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ { "Id": "read", "Effect": "Allow", "Match": { "Tools": ["read"] } }, { "Id": "send", "Effect": "Allow", "Match": { "Tools": ["send_email"] } } ] } }"""))
                .AddEnvironmentVariables(prefix)
                .Build();
            var engine = Engine(root);

            (await engine.EvaluateAsync(TestHost.Call("send_email"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
            (await engine.EvaluateAsync(TestHost.Call("send_sms"), GuardContext.Empty)).RuleIds.Should().Equal("send");
            (await engine.EvaluateAsync(TestHost.Call("read"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "AgentGuard__Rules__1__Effect", null);
            Environment.SetEnvironmentVariable(prefix + "AgentGuard__Rules__1__Match__Tools__1", null);
        }
    }

    [Fact]
    public async Task SparseRuleIndices_AreAllRead()
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentGuard:Rules:0:Id"] = "first",
            ["AgentGuard:Rules:0:Effect"] = "Deny",
            ["AgentGuard:Rules:0:Match:Tools:0"] = "rm",
            ["AgentGuard:Rules:7:Id"] = "later",
            ["AgentGuard:Rules:7:Effect"] = "Deny",
            ["AgentGuard:Rules:7:Match:Tools:0"] = "dd",
            ["AgentGuard:Rules:7:Match:Tools:3"] = "mkfs",
        }).Build();
        var engine = Engine(root);

        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).RuleIds.Should().Equal("first");
        (await engine.EvaluateAsync(TestHost.Call("dd"), GuardContext.Empty)).RuleIds.Should().Equal("later");
        (await engine.EvaluateAsync(TestHost.Call("mkfs"), GuardContext.Empty)).RuleIds.Should().Equal("later");
    }

    [Fact]
    public void ListGivenAsAnObjectInsideARule_IsReportedAsNotAList()
    {
        var act = () => TestHost.Engine("""{ "AgentGuard": { "Rules": [ { "Id": "a", "Effect": "Deny", "Match": { "Tools": { "first": "rm" } } } ] } }""");

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("Match:Tools:first (rule 'a') is not a list position");
    }

    [Fact]
    public async Task KeysSpeltInAnotherCase_AreTheSameSettings()
    {
        var engine = TestHost.Engine("""{ "AgentGuard": { "rules": [ { "ID": "no-rm", "effect": "Deny", "MATCH": { "tools": ["rm"] }, "when": { "user": { "GROUPS": ["ops"] } } } ] } }""");

        var ops = new GuardContext { User = new GuardUser("u") { Groups = ["ops"] } };
        (await engine.EvaluateAsync(TestHost.Call("rm"), ops)).RuleIds.Should().Equal("no-rm");
        (await engine.EvaluateAsync(TestHost.Call("rm"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task PolicyInAChainedConfiguration_IsReadWhole()
    {
        // AddConfiguration's provider lists each child once, not once per key: its counts cannot check an entry.
        var inner = Json("""{ "AgentGuard": { "DefaultDecision": "Deny", "Rules": [ { "Id": "read", "Effect": "Allow", "Match": { "Tools": ["read"] }, "When": { "Teams": ["ops"] } } ] } }""");
        var root = new ConfigurationBuilder().AddConfiguration(inner).Build();
        var engine = Engine(root);

        (await engine.EvaluateAsync(TestHost.Call("read"), new GuardContext { Team = "ops" })).RuleIds.Should().Equal("read");
        (await engine.EvaluateAsync(TestHost.Call("read"), new GuardContext { Team = "dev" })).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public void NumberTooLargeForItsSetting_FailsAsTheBinderFails()
    {
        var root = Json("""{ "AgentGuard": { "Rules": [ { "Id": "a", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "RateLimit": { "Max": 99999999999, "Per": "00:01:00" } } } ] } }""");

        Outcome(() => Fast(root)).Should().Be(Outcome(() => Whole(root))).And.Contain("AgentGuard:Rules:0:When:RateLimit:Max");
    }

    private static IConfigurationRoot Root(IEnumerable<(int Entry, string Key, string? Value)> keys, IEnumerable<(int Entry, string Key, string? Value)> later, string rules)
    {
        var first = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["AgentGuard:DefaultDecision"] = "Deny" };
        foreach (var (entry, key, value) in keys)
        {
            first[Path(rules, entry, key)] = value;
        }

        var second = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, key, value) in later)
        {
            second[Path("Rules", entry, key)] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(first).AddInMemoryCollection(second).Build();

        static string Path(string rules, int entry, string key) => key.Length == 0 ? $"AgentGuard:{rules}:{entry}" : $"AgentGuard:{rules}:{entry}:{key}";
    }

    /// <summary>The new way: top-level rules read apart and bound by hand.</summary>
    private static AgentGuardOptions Fast(IConfigurationRoot root) => Configure(root.GetSection("AgentGuard"), root);

    /// <summary>The section read live, node by node (no registered root).</summary>
    private static AgentGuardOptions Live(IConfigurationRoot root) => Configure(root.GetSection("AgentGuard"), null);

    /// <summary>The way before: the whole section read into a snapshot, checked, and bound by the configuration binder.</summary>
    private static AgentGuardOptions Whole(IConfigurationRoot root)
    {
        var snapshot = ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>())!;
        var problems = ConfigurationKeyChecker.Check(snapshot, []);
        if (problems.Count > 0)
        {
            throw new AgentGuardPolicyException([.. problems.Select(p => p.Message)]);
        }

        var options = new AgentGuardOptions();
        snapshot.Bind(options);
        return options;
    }

    private static AgentGuardOptions Configure(IConfigurationSection section, IConfigurationRoot? root)
    {
        var options = new AgentGuardOptions();
        new AgentGuardSectionBinder(section, [], root).Configure(options);
        return options;
    }

    private static string Outcome(Func<AgentGuardOptions> load)
    {
        try
        {
            return "options: " + JsonSerializer.Serialize(load());
        }
        catch (Exception ex) when (ex is AgentGuardPolicyException or InvalidOperationException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static IGuardEngine Engine(IConfigurationRoot root)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(root);
        services.AddAgentGuard(root.GetSection("AgentGuard"));
        return services.BuildServiceProvider().GetRequiredService<IGuardEngine>();
    }

    /// <summary><paramref name="count"/> rules of one layout, then <paramref name="last"/>.</summary>
    private static string Policy(int count, string last)
    {
        var rules = Enumerable.Range(0, count).Select(i => $$"""{ "Id": "r{{i}}", "Effect": "Deny", "Match": { "Tools": ["t{{i}}"] } }""");
        return $$"""{ "AgentGuard": { "Rules": [ {{string.Join(",", rules)}}, {{last}} ] } }""";
    }

    private static RuleEntries Entries(IConfigurationRoot root)
    {
        var entries = new RuleEntries();
        ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>(), entries, out _);
        return entries;
    }

    private static IConfigurationRoot Json(string json) => new ConfigurationBuilder().AddJsonStream(Stream(json)).Build();

    private static MemoryStream Stream(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));
}
