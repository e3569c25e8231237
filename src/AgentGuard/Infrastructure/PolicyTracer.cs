using AgentGuard.Policies;

namespace AgentGuard.Infrastructure;

/// <summary>
/// Walks every rule of a compiled policy for one call, check by check, the way <see cref="GuardEngine"/> would, but
/// without its shortcuts (index, caches) and without touching counters: rate limits are settled afterwards from the
/// engine's decision. Slow by design and never used on the decision path.
/// </summary>
internal sealed class PolicyTracer(CompiledPolicy policy, SessionStore sessions, IToolClassifier[] classifiers, IRateLimitStore rateLimits, ITrustedValueResolver[] resolvers, TimeProvider time, Inference.ToolRoleCache roles)
{
    private const string StatefulNote = " (stateful: counted by the engine; this rule did not decide, so whether it held is not observable)";

    public (string[] Tags, RiskLevel Risk, List<RuleTrace> Rules) Trace(ToolCallEvent call, GuardContext context)
    {
        var classification = policy.Tools.Classify(call.ToolName, call.Source, call.Kind);
        var risk = call.Risk > classification.Risk ? call.Risk : classification.Risk;
        var classified = new List<string>();
        foreach (var classifier in classifiers)
        {
            try
            {
                var assigned = classifier.Classify(call, context, classified);
                risk = assigned > risk ? assigned : risk;
            }
#pragma warning disable CA1031 // A failing classifier is the engine's business; the trace shows what the others said.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        var tags = new TagView(classification.Tags, call.Tags, classified.Count == 0 ? null : classified);
        ISessionView session = context.SessionId is { Length: > 0 } id ? sessions.GetOrCreate(id, policy) : new SessionlessView(rateLimits);
        if (context.Prompt is { } prompt)
        {
            session.Observe(ValueOrigin.Prompt, prompt);
        }

        var input = new EvaluationInput(call, context, tags, risk, session, time.GetUtcNow(), resolvers, roles);
        var rules = new List<RuleTrace>(policy.Rules.Count);
        foreach (var rule in policy.Rules)
        {
            rules.Add(TraceRule(rule, in input));
        }

        return (tags.ToArray(), risk, rules);
    }

    /// <summary>Fills in what only the engine's decision can tell: the stateful checks of rules that reached them.</summary>
    public static RuleTrace Settle(RuleTrace rule, Decision decision)
    {
        var pending = rule.Checks.Select((c, i) => (c, i)).Where(p => p.c.Outcome == CheckOutcome.NotEvaluated && p.c.Description.EndsWith(StatefulNote, StringComparison.Ordinal)).ToArray();
        if (pending.Length == 0 || rule.Outcome != RuleOutcome.Contributed)
        {
            return rule;
        }

        // A contribution can only make the final effect stricter (deny < require-approval < allow), so: the rule is among
        // the deciding ones (held), or the final effect is as lenient as the rule's or more (did not hold), or the final
        // effect is stricter and whether the rule also held cannot be told.
        var decided = decision.RuleIds.Contains(rule.RuleId, StringComparer.OrdinalIgnoreCase);
        var notHeld = !decided && decision.PolicyEffect >= rule.Effect;
        var checks = rule.Checks.ToArray();
        foreach (var (check, index) in pending)
        {
            if (decided || notHeld)
            {
                checks[index] = check with { Description = check.Description[..^StatefulNote.Length], Outcome = decided ? CheckOutcome.Met : CheckOutcome.NotMet };
            }
        }

        var outcome = decided ? RuleOutcome.Contributed : RuleOutcome.ConditionNotMet;
        return rule with { Outcome = outcome, Checks = checks };
    }

    public static string DescribePrecedence(CompiledPolicy policy, IReadOnlyList<RuleTrace> rules, Decision decision)
    {
        var contributed = rules.Where(r => r.Outcome is RuleOutcome.Contributed or RuleOutcome.Failed).ToArray();
        var final = decision.RuleIds.Count == 0 ? $"{decision.PolicyEffect}" : $"{decision.PolicyEffect} by [{string.Join(", ", decision.RuleIds)}]";
        var enforced = decision.IsShadow ? $"; audit mode enforces {decision.Effect}" : string.Empty;
        if (contributed.Length == 0 && decision.RuleIds.Count == 0)
        {
            return $"no rule contributed, so DefaultDecision applies: {policy.DefaultEffect}{enforced}";
        }

        var parts = contributed
            .GroupBy(r => r.Effect)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key} [{string.Join(", ", g.Select(r => r.RuleId))}]");
        return $"deny beats require-approval beats allow; contributions: {string.Join("; ", parts)}; final: {final}{enforced}";
    }

    private static RuleTrace TraceRule(CompiledRule rule, in EvaluationInput input)
    {
        var checks = new List<CheckTrace>();
        var call = input.Call;
        var matched = true;
        if (!rule.Tools.IsEmpty)
        {
            matched &= Add(checks, "Match.Tools", $"tool in [{rule.Tools}]", rule.Tools.IsMatch(call.ToolName));
        }

        if (rule.HasKinds)
        {
            matched &= Add(checks, "Match.Kinds", $"kind in [{rule.KindsText}]", rule.MatchesKind(call.Kind));
        }

        if (!rule.Sources.IsEmpty)
        {
            matched &= Add(checks, "Match.Sources", $"source in [{rule.Sources}]", rule.Sources.IsMatch(call.Source));
        }

        if (rule.Tags.Length > 0)
        {
            matched &= Add(checks, "Match.Tags", $"tag in [{string.Join(",", rule.Tags)}]", input.Tags.ContainsAny(rule.Tags));
        }

        if (rule.MinRisk > RiskLevel.Unknown)
        {
            matched &= Add(checks, "Match.MinRisk", $"risk >= {rule.MinRisk}", input.Risk >= rule.MinRisk);
        }

        if (!matched)
        {
            checks.AddRange(rule.Conditions.Select(c => new CheckTrace(PartOf(c), c.Evidence, CheckOutcome.NotEvaluated)));
            return new RuleTrace(rule.Id, rule.Effect, RuleOutcome.NotMatched, checks);
        }

        var outcome = RuleOutcome.Contributed;
        foreach (var condition in rule.Conditions)
        {
            if (outcome != RuleOutcome.Contributed)
            {
                checks.Add(new CheckTrace(PartOf(condition), condition.Evidence, CheckOutcome.NotEvaluated));
                continue;
            }

            if (condition is RateLimitCondition)
            {
                checks.Add(new CheckTrace(PartOf(condition), condition.Evidence + StatefulNote, CheckOutcome.NotEvaluated));
                continue;
            }

            try
            {
                if (!Add(checks, PartOf(condition), condition.Evidence, condition.IsMet(in input)))
                {
                    outcome = RuleOutcome.ConditionNotMet;
                }
            }
#pragma warning disable CA1031 // A throwing condition is shown as failed, as the engine would apply the rule's OnError.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                checks.Add(new CheckTrace(PartOf(condition), $"{condition.Evidence} ({ex.GetType().Name})", CheckOutcome.Failed));
                outcome = RuleOutcome.Failed;
            }
        }

        return new RuleTrace(rule.Id, rule.Effect, outcome, checks);
    }

    private static bool Add(List<CheckTrace> checks, string part, string description, bool met)
    {
        checks.Add(new CheckTrace(part, description, met ? CheckOutcome.Met : CheckOutcome.NotMet));
        return met;
    }

    private static string PartOf(Condition condition) => condition switch
    {
        UserCondition => "When.User",
        ContextValueCondition => condition.Evidence.StartsWith("environment", StringComparison.Ordinal) ? "When.Environments"
            : condition.Evidence.StartsWith("team", StringComparison.Ordinal) ? "When.Teams" : "When.Agents",
        DataTagsCondition => "When.DataTags",
        SessionLabelsCondition => "When.SessionLabels",
        AttributesCondition => "When.Attributes",
        ArgumentCondition => "When.Arguments",
        SequenceCondition => "When.Sequence",
        RateLimitCondition => "When.RateLimit",
        ProvenanceCondition => "When.Provenance",
        _ => "When",
    };
}
