using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The engine's decision path (issue #2 targets): a 100-rule configured policy with a session holding 50 earlier calls —
/// allow ≤ 0.5 µs with 0 B allocated, deny with reason ≤ 1 µs — and a 10,000-rule policy ≤ 1 µs (rules are indexed).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private IGuardEngine _engine100 = null!;
    private IGuardEngine _engine10K = null!;
    private IGuardEngine _engineRegex = null!;
    private ToolCallEvent _allowed = null!;
    private ToolCallEvent _denied = null!;
    private ToolCallEvent _taggedDenied = null!;
    private ToolCallEvent _regexDenied = null!;
    private GuardContext _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine100 = Build(Policy(100));
        _engine10K = Build(Policy(10_000));
        var withRegex = Policy(100);
        withRegex.Rules.Add(new RuleOptions { Id = "no-personal-mail", Effect = "Deny", Match = new() { Tools = ["send_invoice"] }, When = new() { Arguments = [new() { Path = "$.to", Regex = @"@(gmail\.com|outlook\.com|evil\.test)$" }] } });
        _engineRegex = Build(withRegex);
        _regexDenied = new ToolCallEvent("send_invoice") { Arguments = ToolArguments.FromJson("""{ "to": "eve@evil.test", "amount": 50 }"""), CallId = "f" };
        _allowed = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromJson("""{ "path": "/home/alice/notes.txt" }"""), CallId = "c" };
        _denied = new ToolCallEvent("tool_7") { Arguments = ToolArguments.FromJson("""{ "to": "eve@evil.test", "amount": 5000 }"""), CallId = "d" };
        _taggedDenied = new ToolCallEvent("wipe_disk") { CallId = "e" };
        _session = new GuardContext
        {
            SessionId = "bench-session",
            User = new GuardUser("alice") { Groups = ["staff"] },
            Environment = "prod",
            Prompt = "summarise my notes",
        };

        foreach (var engine in new[] { _engine100, _engine10K, _engineRegex })
        {
            for (var i = 0; i < 50; i++)
            {
                engine.EvaluateAsync(new ToolCallEvent(i % 2 == 0 ? "search" : "read_file"), _session).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    [Benchmark(Description = "100 rules, 50-call session: allow")]
    public DecisionEffect Allow100() => _engine100.EvaluateAsync(_allowed, _session).Result.Effect;

    [Benchmark(Description = "100 rules, 50-call session: deny with reason")]
    public DecisionEffect Deny100() => _engine100.EvaluateAsync(_denied, _session).Result.Effect;

    [Benchmark(Description = "100 rules: deny by configured tag")]
    public DecisionEffect DenyByTag100() => _engine100.EvaluateAsync(_taggedDenied, _session).Result.Effect;

    [Benchmark(Description = "100 rules: deny by an argument's regular expression")]
    public DecisionEffect DenyByRegex100() => _engineRegex.EvaluateAsync(_regexDenied, _session).Result.Effect;

    [Benchmark(Description = "10,000 rules, 50-call session: allow")]
    public DecisionEffect Allow10K() => _engine10K.EvaluateAsync(_allowed, _session).Result.Effect;

    [Benchmark(Description = "10,000 rules, 50-call session: deny with reason")]
    public DecisionEffect Deny10K() => _engine10K.EvaluateAsync(_denied, _session).Result.Effect;

    /// <summary>
    /// A policy shaped like real ones: most rules name tools exactly, some classify by tag, a few use globs and
    /// conditions on the user, environment, arguments and history. Built in code: binding 10,000 rules through
    /// IConfiguration is slow (the binder walks every key per list element), and load time is not what is measured here.
    /// </summary>
    internal static AgentGuardOptions Policy(int rules)
    {
        var options = new AgentGuardOptions();
        options.Tools["wipe_*"] = new ToolOptions { Tags = ["destructive"] };
        options.Tools["send_*"] = new ToolOptions { Tags = ["external-send"] };
        options.Tools["export_*"] = new ToolOptions { Tags = ["export"] };
        for (var i = 0; i < rules; i++)
        {
            options.Rules.Add(i switch
            {
                0 => new RuleOptions { Id = "no-destructive-in-prod", Effect = "Deny", Match = new() { Tags = ["destructive"] }, When = new() { Environments = ["prod"] } },
                1 => new RuleOptions { Id = "external-users", Effect = "Deny", Match = new() { Tags = ["external-send"] }, When = new() { User = new() { External = true } } },
                2 => new RuleOptions { Id = "export-chain", Effect = "RequireApproval", Match = new() { Tags = ["export"] }, When = new() { Sequence = new() { Tags = ["export"], AtLeast = 3, Within = "00:05:00" } } },
                3 => new RuleOptions { Id = "admin-glob", Effect = "RequireApproval", Match = new() { Tools = ["admin_*"] } },
                _ => new RuleOptions
                {
                    Id = $"rule-{i}",
                    Effect = i % 3 == 0 ? "RequireApproval" : "Deny",
                    Reason = $"rule {i} reason",
                    Match = new() { Tools = [$"tool_{i}"] },
                    When = new() { User = new() { Groups = ["staff"] }, Arguments = [new() { Path = "$.amount", GreaterThan = 1000 }] },
                },
            });
        }

        return options;
    }

    internal static IGuardEngine Build(AgentGuardOptions policy, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(options =>
        {
            foreach (var (name, tool) in policy.Tools)
            {
                options.Tools[name] = tool;
            }

            options.Rules.AddRange(policy.Rules);
        });
        configure?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<IGuardEngine>();
    }
}
