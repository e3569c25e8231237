using AgentGuard.Policies;

namespace AgentGuard;

/// <summary>
/// Combines the decisions of a batch's parts into the one decision for the whole, under the engine's precedence:
/// deny beats require-approval beats allow. The parts that decided give the rule ids, reason and model message; every
/// part that a rule spoke about leaves its contribution in the evidence (<c>[2] curl: Deny by no-upload</c>).
/// </summary>
internal static class BatchDecisions
{
    public static Decision Combine(CompiledPolicy policy, ToolCallEvent whole, IReadOnlyList<ToolCallEvent> parts, IReadOnlyList<Decision> decisions)
    {
        if (decisions.Count == 0)
        {
            return new Decision { Effect = DecisionEffect.Allow, PolicyEffect = DecisionEffect.Allow, Reason = "the batch has nothing to run", Tags = whole.Tags };
        }

        var effect = DecisionEffect.Allow;
        var policyEffect = DecisionEffect.Allow;
        foreach (var decision in decisions)
        {
            effect = Stronger(effect, decision.Effect);
            policyEffect = Stronger(policyEffect, decision.PolicyEffect);
        }

        var ids = new List<string>();
        var reasons = new List<string>();
        var evidence = new List<string>();
        var tags = new List<string>(whole.Tags);
        Decision? first = null;
        bool alert = false, failure = false, terminate = false;
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var part = $"[{i + 1}] {parts[i].ToolName}";
            alert |= decision.Alert;
            AddDistinct(tags, decision.Tags);
            var spoken = decision.PolicyEffect != DecisionEffect.Allow || decision.RuleIds.Count > 0;
            if (spoken)
            {
                evidence.Add(decision.RuleIds.Count == 0 ? $"{part}: {decision.PolicyEffect}" : $"{part}: {decision.PolicyEffect} by {string.Join(", ", decision.RuleIds)}");
                foreach (var item in decision.Evidence)
                {
                    evidence.Add($"{part}: {item}");
                }
            }

            if (spoken && decision.PolicyEffect == policyEffect)
            {
                first ??= decision;
                AddDistinct(ids, decision.RuleIds);
                reasons.Add($"{part}: {decision.Reason}");
                failure |= decision.IsFailure;
                terminate |= decision.Terminate;
            }
        }

        return new Decision
        {
            Effect = effect,
            PolicyEffect = policyEffect,
            RuleIds = ids,
            Reason = reasons.Count == 0 ? $"each of the {decisions.Count} parts is allowed" : string.Join("; ", reasons),
            Evidence = evidence,
            ModelMessage = effect == DecisionEffect.Allow ? string.Empty : first?.ModelMessage ?? ModelMessages.For(effect, failure, whole.ToolName, policy.NameToolInModelMessage),
            Alert = alert || failure,
            IsFailure = failure,
            IsShadow = effect != policyEffect,
            Terminate = terminate && effect == DecisionEffect.Deny,
            Tags = tags,
        };
    }

    /// <summary>The stronger of two effects: <see cref="DecisionEffect.Deny"/> is the strongest (the enum orders them).</summary>
    private static DecisionEffect Stronger(DecisionEffect a, DecisionEffect b) => a < b ? a : b;

    private static void AddDistinct(List<string> into, IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            if (!into.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(item);
            }
        }
    }
}
