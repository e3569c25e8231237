using System.Text.Json;
using AgentGuard.Policies;
using CsCheck;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.Tests.Policies;

/// <summary>
/// A long <c>Rules</c> list is read in parallel chunks, each by a reader with its own layouts, and listed while the
/// section is listed. As an attacker: make a chunk's reader learn a layout another chunk needs (a rule whose keys are a
/// superset of the layout before it, at a chunk's start), put problems in several chunks, fail a provider in two
/// chunks, fail the rules' listing where the read in turn would never list them — the load must end exactly as the
/// list read in turn ends: the same options, the same problems in the same order, the same exception.
/// </summary>
public sealed class ParallelRuleReadingTests
{
    private const int Long = RuleEntryReader.MinParallelEntries + RuleEntryReader.ChunkEntries + 17;

    /// <summary>Layouts of a valid rule, some a superset of others (with and without Reason, one or two teams, an argument test).</summary>
    private static readonly string[][] Layouts =
    [
        ["Id", "Effect", "Match:Tools:0"],
        ["Id", "Effect", "Reason", "Match:Tools:0"],
        ["Id", "Effect", "Match:Tools:0", "Match:Sources:0", "When:Teams:0"],
        ["Id", "Effect", "Match:Tools:0", "Match:Sources:0", "When:Teams:0", "When:Teams:1"],
        ["Id", "Effect", "Match:Tags:0", "When:User:Groups:0", "When:Environments:0"],
        ["Id", "Effect", "Reason", "Match:Tools:0", "When:Arguments:0:Path", "When:Arguments:0:Regex"],
    ];

    /// <summary>Keys of a rule that is not bound by hand: typos, a map, values of the wrong form, a section given a value, a key below a value.</summary>
    private static readonly (string Key, string Value)[] OddKeys =
    [
        ("Effekt", "Deny"), ("When:Attributes:tier", "gold"), ("Alert", "yes"), ("When:RateLimit:Max", "99999999999"),
        ("Match", "x"), ("Id:x", "y"), ("Match:Tools:01", "t"), ("When:Teams:x", "red"), ("MATCH:tools:1", "t2"), ("StopAgent", "True"),
    ];

    [Fact]
    public void LongLists_LoadExactlyAsTheListReadInTurn()
    {
        var runs = 0;
        var loaded = 0;
        Gen.Select(
            Gen.Int[RuleEntryReader.MinParallelEntries, Long],
            Gen.Select(Gen.Int[0, Long], Gen.Int[0, OddKeys.Length - 1]).Array[0, 5],
            Gen.Int[0, Long].Array[0, 4],
            Gen.Int[0, Layouts.Length - 1],
            Gen.Bool).Sample(
            (count, odd, overridden, shift, rulesInCapitals) =>
            {
                var root = Root(count, odd, overridden, shift, rulesInCapitals ? "RULES" : "Rules");

                var read = Outcome(() => Configure(root, root));

                read.Should().Be(Outcome(() => InTurn(root)));
                Interlocked.Increment(ref runs);
                if (read.StartsWith("options:", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref loaded);
                }
            },
            iter: 25);

        // Both ends are reached: long lists that load, and long lists with problems.
        loaded.Should().BeGreaterThan(runs / 10);
        (runs - loaded).Should().BeGreaterThan(runs / 10);
    }

    [Fact]
    public void ProblemsInSeveralChunks_AreReportedInListOrder()
    {
        var chunk = RuleEntryReader.ChunkEntries;
        (int, int)[] odd = [(5, 0), (chunk + 3, 2), ((chunk * 2) + 5, 5), (Long - 1, 0)];
        var root = Root(Long, odd, [], 0, "Rules");

        var read = Outcome(() => Configure(root, root));

        read.Should().Be(Outcome(() => InTurn(root)));
        int[] positions = [.. odd.Select(o => read.IndexOf($"Rules[{o.Item1}]", StringComparison.Ordinal))];
        positions.Should().OnlyContain(p => p >= 0).And.BeInAscendingOrder();
    }

    [Fact]
    public void ProviderFailingInTwoChunks_RaisesTheEarlierEntrysException()
    {
        // The later entry fails first in time (the earlier one waits for it): the exception is still the earlier entry's.
        var early = 3;
        var late = Long - 2;
        var data = Data(Long, [], [], 0, "Rules");
        var root = new ConfigurationBuilder().Add(new Source(new FailingProvider(data, $"AgentGuard:Rules:{early}:", $"AgentGuard:Rules:{late}:"))).Build();

        var read = () => ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>(), new RuleEntries(), out _);

        // Not unwrapped from an AggregateException by the assertion: the exception itself must come out.
        Record.Exception(read).Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be($"entry {early}");
    }

    [Fact]
    public void RulesListingFailing_WhenThereAreNoRules_IsNotRaised()
    {
        // Read in turn, a section without rules never lists them; listing them early must not surface their failure.
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["AgentGuard:DefaultDecision"] = "Deny" };
        var root = new ConfigurationBuilder().Add(new Source(new FailingProvider(data, listing: "AgentGuard:Rules"))).Build();

        var options = Configure(root, root);

        options.DefaultDecision.Should().Be("Deny");
        options.Rules.Should().BeEmpty();
    }

    [Fact]
    public void RulesListingFailing_WithRules_RaisesItsOwnException()
    {
        var root = new ConfigurationBuilder().Add(new Source(new FailingProvider(Data(Long, [], [], 0, "Rules"), listing: "AgentGuard:Rules"))).Build();

        var read = () => ConfigurationReader.Read(root, root.GetSection("AgentGuard"), ConfigurationKeyChecker.RootShape, new Dictionary<string, ConfigurationShape>(), new RuleEntries(), out _);

        Record.Exception(read).Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("listing AgentGuard:Rules");
    }

    private static Dictionary<string, string?> Data(int count, (int Entry, int Odd)[] odd, int[] overridden, int shift, string rules)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["AgentGuard:DefaultDecision"] = "Deny" };
        for (var i = 0; i < count; i++)
        {
            // Runs of one layout, changing at varied places (often mid-chunk, sometimes at a chunk's start).
            var layout = Layouts[((i / 97) + (i / 256) + shift) % Layouts.Length];
            foreach (var key in layout)
            {
                data[$"AgentGuard:{rules}:{i}:{key}"] = Value(key, i);
            }
        }

        foreach (var (entry, which) in odd)
        {
            var (key, value) = OddKeys[which];
            data[$"AgentGuard:{rules}:{entry % count}:{key}"] = value;
        }

        foreach (var entry in overridden)
        {
            data[$"AgentGuard:{rules}:{entry % count}:Message"] = "from the first provider";
        }

        return data;
    }

    private static IConfigurationRoot Root(int count, (int Entry, int Odd)[] odd, int[] overridden, int shift, string rules)
    {
        var later = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in overridden)
        {
            // A second provider: one rule's effect, another's extra tool (a key the first provider's layout lacks).
            later[$"AgentGuard:Rules:{entry % count}:Effect"] = "RequireApproval";
            later[$"AgentGuard:Rules:{(entry * 7) % count}:Match:Tools:3"] = "extra";
        }

        return new ConfigurationBuilder().AddInMemoryCollection(Data(count, odd, overridden, shift, rules)).AddInMemoryCollection(later).Build();
    }

    private static string Value(string key, int i) => key switch
    {
        "Id" => "r" + i,
        "Effect" => (i % 3) switch { 0 => "Deny", 1 => "Allow", _ => "RequireApproval" },
        "When:Arguments:0:Path" => "$.to",
        "When:Arguments:0:Regex" => $"^[^@]+@p{i % 5}\\.example$",
        _ => $"{key.Replace(":", "-", StringComparison.Ordinal)}-{i % 11}",
    };

    private static AgentGuardOptions Configure(IConfigurationRoot section, IConfigurationRoot? root)
    {
        var options = new AgentGuardOptions();
        new AgentGuardSectionBinder(section.GetSection("AgentGuard"), [], root).Configure(options);
        return options;
    }

    /// <summary>The whole section, rules too, read entry by entry into a snapshot (no layouts, no chunks), checked, and bound by the configuration binder.</summary>
    private static AgentGuardOptions InTurn(IConfigurationRoot root)
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

    private sealed class Source(ConfigurationProvider provider) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
    }

    /// <summary>Holds <paramref name="data"/>; reading a key of the entry <paramref name="early"/> or <paramref name="late"/> throws (the early one once the late one has, or after 5 s), listing <paramref name="listing"/> throws.</summary>
    private sealed class FailingProvider(Dictionary<string, string?> data, string? early = null, string? late = null, string? listing = null) : ConfigurationProvider, IDisposable
    {
        private readonly ManualResetEventSlim _lateThrown = new();

        public void Dispose() => _lateThrown.Dispose();

        public override void Load() => Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            if (early is not null && key.StartsWith(early, StringComparison.OrdinalIgnoreCase))
            {
                // Read in parallel, the later entry has thrown by now (unless no second thread came to read it).
                _lateThrown.Wait(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException("entry " + early.Split(':')[2]);
            }

            if (late is not null && key.StartsWith(late, StringComparison.OrdinalIgnoreCase))
            {
                _lateThrown.Set();
                throw new InvalidOperationException("entry " + late.Split(':')[2]);
            }

            return base.TryGet(key, out value);
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
            => listing is not null && string.Equals(parentPath, listing, StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException("listing " + listing)
                : base.GetChildKeys(earlierKeys, parentPath);
    }
}
