using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>
/// Decision cost against policy size and shape (issue 19): the generated policy (<see cref="GeneratedPolicy"/>) at
/// 10 to 100,000 rules; per decision, averaged over 700 allowed calls and over 300 denied or approval calls. Every
/// decision is checked against the naive reference before anything is timed.
/// </summary>
[MemoryDiagnoser]
public class PolicySizeBenchmarks
{
    private IGuardEngine _engine = null!;
    private GeneratedRequest[] _allowed = null!;
    private GeneratedRequest[] _restricted = null!;

    [Params(10, 100, 1_000, 10_000, 100_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var policy = GeneratedPolicy.Create(Rules);
        _engine = Build(policy.Options);
        _allowed = policy.Allowed;
        _restricted = policy.Restricted;

        // Twice: the first pass fills the caches, the second checks what the cached path decides.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var request in _allowed.Concat(_restricted))
            {
                PolicyReference.Check(request, _engine.EvaluateAsync(request.Call, request.Context).AsTask().GetAwaiter().GetResult());
            }
        }
    }

    [Benchmark(OperationsPerInvoke = 700, Description = "allow")]
    public int Allow()
    {
        var allowed = 0;
        foreach (var request in _allowed)
        {
            allowed += _engine.EvaluateAsync(request.Call, request.Context).Result.IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = 300, Description = "deny or approval")]
    public int DenyOrApproval()
    {
        var allowed = 0;
        foreach (var request in _restricted)
        {
            allowed += _engine.EvaluateAsync(request.Call, request.Context).Result.IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    internal static IGuardEngine Build(AgentGuardOptions policy) => Services(policy).GetRequiredService<IGuardEngine>();

    internal static ServiceProvider Services(AgentGuardOptions policy)
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(options =>
        {
            options.DefaultDecision = policy.DefaultDecision;
            options.Rules.AddRange(policy.Rules);
        });
        return services.BuildServiceProvider();
    }
}
