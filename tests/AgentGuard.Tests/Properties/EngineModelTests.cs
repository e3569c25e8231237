using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// The engine against a naive reference evaluator on generated policies, sessions and calls. The number of generated
/// sessions comes from <c>AGENTGUARD_PROPERTY_SESSIONS</c> (CI: the default, 10,000 sessions ≈ 35,000 decisions;
/// nightly: 300,000 sessions ≈ 1,000,000 decisions).
/// </summary>
public sealed class EngineModelTests
{
    private static long Sessions => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_PROPERTY_SESSIONS"), out var n) ? n : 10_000;

    [Fact]
    public void Engine_AgreesWithTheReferenceEvaluator_OnGeneratedPoliciesAndSessions()
    {
        var decisions = 0L;
        Gen.Select(Generators.Policy, Generators.Session).Sample(
            (policy, calls) =>
            {
                var engine = TestHost.Engine(policy.ToJson());
                var reference = new ReferenceEvaluator(policy);
                foreach (var call in calls)
                {
                    var decision = engine.EvaluateAsync(call.ToEvent(), call.ToContext("s")).AsTask().GetAwaiter().GetResult();
                    var (effect, ids) = reference.Decide(call, "s");
                    Interlocked.Increment(ref decisions);
                    if (decision.Effect != effect || !ids.SetEquals(decision.RuleIds))
                    {
                        throw new InvalidOperationException(
                            $"engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] ({decision.Reason}) != reference {effect} [{string.Join(",", ids)}] for {call}");
                    }
                }
            },
            iter: Sessions,
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));

        decisions.Should().BeGreaterThanOrEqualTo(Sessions);
    }
}
