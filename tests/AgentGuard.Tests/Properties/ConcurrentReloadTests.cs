using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// Decisions made on several threads while the policy file is reloaded between two different versions, each checked
/// against the naive evaluator of the version that made it (every rule id starts with its version's name, so a decision
/// names its version; a decision naming no rule must be what one of the two versions decides). The calls and contexts
/// are shared by all threads, as a host's would be. Sizes from the environment: <c>AGENTGUARD_RELOAD_RULES</c> (rules
/// per version, CI 300; the benchmark's figure is 10,000), <c>AGENTGUARD_RELOAD_ROUNDS</c> (reloads, CI 6) and
/// <c>AGENTGUARD_RELOAD_THREADS</c> (deciding threads, CI 2).
/// </summary>
public sealed class ConcurrentReloadTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"agentguard-reload-{Guid.NewGuid():N}.json");

    private static int Rules => Setting("AGENTGUARD_RELOAD_RULES", 300);

    private static int Rounds => Setting("AGENTGUARD_RELOAD_ROUNDS", 6);

    private static int Threads => Setting("AGENTGUARD_RELOAD_THREADS", 2);

    [Fact]
    public async Task Decisions_DuringReloads_AgreeWithTheReferenceOfTheVersionThatMadeThem()
    {
        var versions = new[] { new ReloadPolicy("a", Rules, seed: 19), new ReloadPolicy("b", Rules, seed: 23) };
        File.WriteAllText(_file, versions[0].ToJson());
        var root = new ConfigurationBuilder().AddJsonFile(_file, optional: false, reloadOnChange: false).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(root);
        services.AddAgentGuard(root.GetSection("AgentGuard"));
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IGuardEngine>();

        var calls = versions.SelectMany(v => v.Calls).ToArray();
        var events = calls.Select(c => c.ToEvent()).ToArray();
        var contexts = calls.Select((c, i) => c.ToContext("s" + (i % 50))).ToArray();
        var expected = calls.Select(c => versions.Select(v => v.Decide(c)).ToArray()).ToArray();

        var decided = 0L;
        var stop = false;
        string? mismatch = null;
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var i = t * 7; !Volatile.Read(ref stop); i++)
            {
                var k = i % calls.Length;
                var decision = engine.EvaluateAsync(events[k], contexts[k]).AsTask().GetAwaiter().GetResult();
                Interlocked.Increment(ref decided);
                if (Problem(decision, expected[k]) is { } problem)
                {
                    Interlocked.CompareExchange(ref mismatch, $"{problem} for {calls[k]}", null);
                    return;
                }
            }
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        for (var round = 1; round <= Rounds && Volatile.Read(ref mismatch) is null; round++)
        {
            // Each version decides a full pass of the calls before it is replaced, and during the reload itself.
            WaitForDecisions(ref decided, calls.Length, ref mismatch);
            File.WriteAllText(_file, versions[round % 2].ToJson());
            root.Reload();
        }

        WaitForDecisions(ref decided, calls.Length, ref mismatch);
        Volatile.Write(ref stop, true);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        mismatch.Should().BeNull();
        // IConfigurationRoot.Reload signals a change twice (the file provider's load, then the root), so each round compiles twice.
        provider.GetRequiredService<PolicyProvider>().ReloadCount.Should().Be(2 * Rounds);
        Interlocked.Read(ref decided).Should().BeGreaterThan((Rounds + 1L) * calls.Length);
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>Why <paramref name="decision"/> is not what the version that made it decides; null when it is.</summary>
    private static string? Problem(Decision decision, (DecisionEffect Effect, string[] RuleIds)[] byVersion)
    {
        var named = decision.RuleIds.Select(id => id.Split('-')[0]).Distinct(StringComparer.Ordinal).ToArray();
        if (named.Length > 1)
        {
            return $"engine {decision} names rules of two policy versions";
        }

        // A decision naming rules came from their version; one naming none (the default) from either.
        var candidates = named.Length == 1 ? byVersion.Where((_, v) => named[0] == (v == 0 ? "a" : "b")) : byVersion;
        var ids = decision.RuleIds.Order(StringComparer.Ordinal).ToArray();
        if (!candidates.Any(e => e.Effect == decision.Effect && e.RuleIds.Order(StringComparer.Ordinal).SequenceEqual(ids)))
        {
            return $"engine {decision.Effect} [{string.Join(",", ids)}] ({decision.Reason}) != reference {string.Join(" / ", byVersion.Select(e => $"{e.Effect} [{string.Join(",", e.RuleIds)}]"))}";
        }

        return decision.Alert || decision.IsFailure ? $"engine {decision} raised an alert or failed: {decision.Reason}" : null;
    }

    private static void WaitForDecisions(ref long decided, int count, ref string? mismatch)
    {
        var target = Interlocked.Read(ref decided) + count;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (Interlocked.Read(ref decided) < target && Volatile.Read(ref mismatch) is null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
