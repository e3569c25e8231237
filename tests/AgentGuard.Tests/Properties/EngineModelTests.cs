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

    [Fact]
    public void Engine_AgreesWithTheReferenceEvaluator_OnPoliciesKeyedBySourceKindTeamAndGroup()
    {
        // Big enough that the index splits candidates by team, group or environment; calls vary case and repeat groups.
        Gen.Select(Generators.IndexedPolicy, Generators.IndexedSession).Sample(
            (policy, calls) =>
            {
                var engine = TestHost.Engine(policy.ToJson());
                var reference = new ReferenceEvaluator(policy);
                foreach (var call in calls)
                {
                    // Twice: the second decision comes from the caches (candidates per tag set, decisions per rule set).
                    var (effect, ids) = reference.Decide(call, "s");
                    for (var pass = 0; pass < 2; pass++)
                    {
                        var decision = engine.EvaluateAsync(call.ToEvent(), call.ToContext(pass == 0 ? "s" : "t" + pass)).AsTask().GetAwaiter().GetResult();
                        if (decision.Effect != effect || !ids.SetEquals(decision.RuleIds))
                        {
                            throw new InvalidOperationException(
                                $"pass {pass}: engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] ({decision.Reason}) != reference {effect} [{string.Join(",", ids)}] for {call}");
                        }
                    }
                }
            },
            iter: Math.Max(1, Sessions / 2),
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));
    }

    [Fact]
    public void Engine_AgreesWithTheReferenceEvaluator_WhenManyRulesApplyToEveryTool()
    {
        // Rules with no tool, source, kind or tag are kept in one group for all tools and merged with the tool's own
        // candidates: the decision must name the same rules as the reference, in policy order.
        Gen.Select(Generators.SharedPolicy, Generators.IndexedSession).Sample(
            (policy, calls) =>
            {
                var engine = TestHost.Engine(policy.ToJson());
                var reference = new ReferenceEvaluator(policy);
                var order = policy.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
                foreach (var call in calls)
                {
                    var (effect, ids) = reference.Decide(call, "s");
                    for (var pass = 0; pass < 2; pass++)
                    {
                        var decision = engine.EvaluateAsync(call.ToEvent(), call.ToContext(pass == 0 ? "s" : "t" + pass)).AsTask().GetAwaiter().GetResult();
                        // (Rules that could not read spoilt arguments are named after the matching ones.)
                        var rules = decision.RuleIds.Where(order.ContainsKey).Select(id => order[id]).ToArray();
                        var inOrder = call.Spoil != Spoil.None || rules.SequenceEqual(rules.Order());
                        if (decision.Effect != effect || !ids.SetEquals(decision.RuleIds) || !inOrder)
                        {
                            throw new InvalidOperationException(
                                $"pass {pass}: engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] ({decision.Reason}) != reference {effect} [{string.Join(",", ids)}] (in policy order) for {call}");
                        }
                    }
                }
            },
            iter: Math.Max(1, Sessions / 4),
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));
    }

    [Fact]
    public void Engine_AgreesWithTheReferenceEvaluator_OnLongPoliciesCompiledInParallel()
    {
        // Long enough (from JSON) that the rules are compiled in parallel chunks: the generated rules spread
        // over the first half among rules for other tools (of varied layouts), a copy of each (another id) spread over
        // the second half, so every rule a decision names is named with its copy from another chunk — decided as the
        // reference decides, in policy order.
        const int Length = 2_100;
        Gen.Select(Generators.IndexedPolicy, Generators.IndexedSession).Sample(
            (generated, calls) =>
            {
                var rules = new List<RuleSpec>(Length);
                var spread = Length / 2 / generated.Rules.Length;
                for (var i = 0; rules.Count < Length; i++)
                {
                    var half = i < Length / 2 ? 0 : 1;
                    var at = i - (half * (Length / 2));
                    rules.Add(at % spread == 0 && at / spread < generated.Rules.Length
                        ? generated.Rules[at / spread] with { Id = generated.Rules[at / spread].Id + (half == 0 ? string.Empty : "-copy") }
                        : new RuleSpec("filler" + i, DecisionEffect.Deny, ["filler-" + i], [], i % 5 == 0 ? "ops" : null, i % 7 == 0 ? "prod" : null, null, null, null, null) { Team = i % 3 == 0 ? "red" : null });
                }

                var policy = generated with { Rules = [.. rules] };
                var engine = TestHost.Engine(policy.ToJson());
                var reference = new ReferenceEvaluator(policy);
                var order = policy.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
                foreach (var call in calls)
                {
                    var decision = engine.EvaluateAsync(call.ToEvent(), call.ToContext("s")).AsTask().GetAwaiter().GetResult();
                    var (effect, ids) = reference.Decide(call, "s");
                    var named = decision.RuleIds.Where(order.ContainsKey).Select(id => order[id]).ToArray();
                    if (decision.Effect != effect || !ids.SetEquals(decision.RuleIds) || (call.Spoil == Spoil.None && !named.SequenceEqual(named.Order())))
                    {
                        throw new InvalidOperationException(
                            $"engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] ({decision.Reason}) != reference {effect} [{string.Join(",", ids)}] (in policy order) for {call}");
                    }
                }
            },
            iter: Math.Max(1, Sessions / 1_000),
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));
    }

    [Fact]
    public void Engine_DecidesConcurrentCallsOnColdCaches_AsTheReferenceDoes()
    {
        // Four threads fill the index's caches (candidates, tag sets, decisions) at once; each call in its own session.
        Gen.Select(Generators.IndexedPolicy, Generators.IndexedCalls).Sample(
            (policy, calls) =>
            {
                var reference = new ReferenceEvaluator(policy);
                var expected = calls.Select((call, i) => reference.Decide(call, "s" + i)).ToArray();
                var engine = TestHost.Engine(policy.ToJson());
                Parallel.For(0, calls.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
                {
                    var i = k % calls.Length;
                    var decision = engine.EvaluateAsync(calls[i].ToEvent(), calls[i].ToContext($"s{i}-{k}")).AsTask().GetAwaiter().GetResult();
                    if (decision.Effect != expected[i].Effect || !expected[i].RuleIds.SetEquals(decision.RuleIds))
                    {
                        throw new InvalidOperationException(
                            $"engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] != reference {expected[i].Effect} [{string.Join(",", expected[i].RuleIds)}] for {calls[i]}");
                    }
                });
            },
            iter: Math.Max(1, Sessions / 20),
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));
    }

    [Fact]
    public void Engine_AgreesWithTheReferenceEvaluator_WhenOneEngineSeesTheSameToolsUnderManySessionValues()
    {
        // The rules a call looks at are kept per tool and session values: deciding the calls forwards, backwards and
        // forwards again on one engine makes each reuse what the others left (users in up to eleven groups, cases varied).
        Gen.Select(Gen.OneOf(Generators.IndexedPolicy, Generators.SharedPolicy), Generators.ManyGroupCalls).Sample(
            (policy, calls) =>
            {
                var reference = new ReferenceEvaluator(policy);
                var expected = calls.Select((call, i) => reference.Decide(call, "s" + i)).ToArray();
                var engine = TestHost.Engine(policy.ToJson());
                var order = Enumerable.Range(0, calls.Length).ToArray();
                int[][] passes = [order, [.. order.Reverse()], order];
                for (var pass = 0; pass < passes.Length; pass++)
                {
                    foreach (var i in passes[pass])
                    {
                        var decision = engine.EvaluateAsync(calls[i].ToEvent(), calls[i].ToContext($"s{i}-{pass}")).AsTask().GetAwaiter().GetResult();
                        if (decision.Effect != expected[i].Effect || !expected[i].RuleIds.SetEquals(decision.RuleIds))
                        {
                            throw new InvalidOperationException(
                                $"pass {pass}: engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] ({decision.Reason}) != reference {expected[i].Effect} [{string.Join(",", expected[i].RuleIds)}] for {calls[i]}");
                        }
                    }
                }
            },
            iter: Math.Max(1, Sessions / 10),
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));
    }

    [Fact]
    public void Batch_IsThePrecedenceOfItsParts_AsTheReferenceDecidesThemInOrder()
    {
        Gen.Select(Generators.Policy, Generators.Session).Sample(
            (policy, session) =>
            {
                // One batch runs in one context: every part shares the first call's user and environment.
                var calls = session.Select(c => c with { Environment = session[0].Environment, UserGroup = session[0].UserGroup, OtherGroups = session[0].OtherGroups, Team = session[0].Team }).ToArray();
                var engine = TestHost.Engine(policy.ToJson());
                var reference = new ReferenceEvaluator(policy);
                var parts = calls.Select(c => c.ToEvent()).ToArray();
                var batch = engine.EvaluateBatchAsync(parts, new ToolCallEvent("line", ToolKind.ShellCommand), calls[0].ToContext("s")).AsTask().GetAwaiter().GetResult();
                var expected = calls.Select(c => reference.Decide(c, "s")).ToArray();
                var effect = expected.Min(e => e.Effect);
                var ids = expected.Where(e => e.Effect == effect).SelectMany(e => e.RuleIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (batch.Decision.Effect != effect || !ids.SetEquals(batch.Decision.RuleIds) || batch.Parts.Count != calls.Length)
                {
                    throw new InvalidOperationException(
                        $"engine {batch.Decision.Effect} [{string.Join(",", batch.Decision.RuleIds)}] ({batch.Decision.Reason}) != reference {effect} [{string.Join(",", ids)}]");
                }
            },
            iter: Math.Max(1, Sessions / 5),
            print: t => t.Item1.ToJson() + Environment.NewLine + string.Join(Environment.NewLine, t.Item2.Select(c => c.ToString())));
    }
}
