namespace AgentGuard.Testing.Cases;

/// <summary>
/// One case: <c>name</c>, <c>context</c>, <c>history</c> (earlier steps: a call with an optional <c>result</c>,
/// <c>labels</c> to add, <c>advance</c> to move the clock), the <c>event</c> and what to <c>expect</c>
/// (<c>decision</c>, <c>enforced</c>, <c>rules</c> exactly, <c>rule</c> among them, <c>notRules</c>, <c>evidence</c>, <c>alert</c>).
/// </summary>
public sealed class PolicyTestCase
{
    private readonly GuardContext _context;
    private readonly IReadOnlyList<Step> _history;
    private readonly ToolCallEvent _event;
    private readonly Expectation _expect;

    private PolicyTestCase(string name, GuardContext context, IReadOnlyList<Step> history, ToolCallEvent toolCall, Expectation expect)
    {
        Name = name;
        _context = context;
        _history = history;
        _event = toolCall;
        _expect = expect;
    }

    /// <summary>The case name.</summary>
    public string Name { get; }

    internal static PolicyTestCase Read(JsonReader reader, int index)
    {
        var name = reader.String("name") ?? $"case {index + 1}";
        var context = ContextSpec.Read(reader.Object("context"));
        var history = reader.Objects("history").Select(ReadStep).ToArray();
        var call = CallSpec.Read(reader.Object("event") ?? throw reader.Error("event", "is missing (the call to decide: tool, args, kind…)"));
        var expect = reader.Object("expect") ?? throw reader.Error("expect", "is missing (e.g. decision: Deny, rules: [my-rule])");
        var expectation = new Expectation(
            expect.Enum<DecisionEffect>("decision"),
            expect.Enum<DecisionEffect>("enforced"),
            expect.Has("rules") ? expect.Strings("rules") : null,
            expect.String("rule"),
            expect.Strings("notRules"),
            expect.Strings("evidence"),
            expect.Bool("alert"));
        if (expectation is { Decision: null, Enforced: null, Rules: null, Rule: null, Alert: null } && expectation.NotRules.Length == 0 && expectation.Evidence.Length == 0)
        {
            throw expect.Error("decision", "is missing: a case must expect something");
        }

        return new PolicyTestCase(name, context, history, call, expectation);
    }

    internal async Task<PolicyTestResult> RunAsync(PolicyDocument policy, CancellationToken cancellationToken)
    {
        try
        {
            using var host = PolicyTestHost.FromDocument(policy);
            var session = host.Session(_context.SessionId is null ? _context with { SessionId = "case" } : _context);
            foreach (var step in _history)
            {
                if (step.Advance is { } advance)
                {
                    session.Advance(advance);
                }

                if (step.Labels.Length > 0)
                {
                    session.WithLabels(step.Labels);
                }

                if (step.Call is { } call)
                {
                    await session.CallAsync(call, step.Result, cancellationToken).ConfigureAwait(false);
                }
            }

            var outcome = await session.CallAsync(_event, null, cancellationToken).ConfigureAwait(false);
            _expect.Check(outcome);
            return new PolicyTestResult(Name, true, null);
        }
        catch (PolicyAssertionException ex)
        {
            return new PolicyTestResult(Name, false, ex.Message);
        }
        catch (AgentGuardPolicyException ex)
        {
            return new PolicyTestResult(Name, false, ex.Message);
        }
    }

    private static Step ReadStep(JsonReader reader)
    {
        var call = reader.Has("tool") ? CallSpec.Read(reader) : null;
        var step = new Step(call, reader.String("result"), reader.Strings("labels"), reader.Duration("advance"));
        return step is { Call: null, Advance: null } && step.Labels.Length == 0
            ? throw reader.Error("tool", "is missing (a history step is a call, labels, or advance)")
            : step;
    }

    private sealed record Step(ToolCallEvent? Call, string? Result, string[] Labels, TimeSpan? Advance);

    private sealed record Expectation(DecisionEffect? Decision, DecisionEffect? Enforced, string[]? Rules, string? Rule, string[] NotRules, string[] Evidence, bool? Alert)
    {
        public void Check(PolicyOutcome outcome)
        {
            if (Decision is { } decision)
            {
                outcome.ShouldBe(decision);
            }

            if (Enforced is { } enforced)
            {
                outcome.ShouldBeEnforced(enforced);
            }

            if (Rules is not null)
            {
                outcome.ByRules(Rules);
            }

            if (Rule is not null)
            {
                outcome.ByRule(Rule);
            }

            foreach (var rule in NotRules)
            {
                outcome.NotByRule(rule);
            }

            foreach (var evidence in Evidence)
            {
                outcome.WithEvidence(evidence);
            }

            if (Alert is { } alert)
            {
                outcome.WithAlert(alert);
            }
        }
    }
}
