using AgentGuard.Policies;

namespace AgentGuard;

/// <summary>
/// Gathers what the rules said about one call and applies the precedence: deny beats require-approval beats allow.
/// A struct on the stack; it allocates only when more than one rule or a failure contributes.
/// </summary>
internal struct DecisionAccumulator
{
    private CompiledRule? _single;
    private List<CompiledRule>? _rules;
    private List<(string Id, DecisionEffect Effect, string Reason)>? _failures;

    public DecisionEffect? Effect { get; private set; }

    public bool Alert { get; private set; }

    public readonly bool HasFailures => _failures is not null;

    public readonly bool IsSingleRule => _rules is null && _failures is null && _single is not null;

    public readonly CompiledRule? SingleRule => _single;

    public void Add(CompiledRule rule)
    {
        Combine(rule.Effect);
        Alert |= rule.Alert;
        if (_single is null && _rules is null)
        {
            _single = rule;
            return;
        }

        _rules ??= _single is null ? [] : [_single];
        _rules.Add(rule);
    }

    public void AddVerdict(string id, DecisionEffect effect, string? reason, bool alert)
    {
        Combine(effect);
        Alert |= alert;
        (_failures ??= []).Add((id, effect, reason ?? string.Empty));
    }

    public void AddFailure(string id, DecisionEffect effect, string reason)
    {
        Combine(effect);
        Alert = true;
        (_failures ??= []).Add((id, effect, "failure: " + reason));
    }

    /// <summary>Raises an alert without contributing an effect (a failure whose fail-safe outcome is to allow grants nothing).</summary>
    public void AddAlert() => Alert = true;

    public readonly bool IsFailureDecided(DecisionEffect effect)
    {
        if (_failures is null)
        {
            return false;
        }

        foreach (var failure in _failures)
        {
            if (failure.Effect == effect && failure.Reason.StartsWith("failure: ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The contributions that decided: those whose effect is the final one.</summary>
    public readonly (List<string> RuleIds, List<string> Reasons, List<string> Evidence, CompiledRule? FirstRule, bool StopAgent) Deciding(DecisionEffect effect)
    {
        var ids = new List<string>();
        var reasons = new List<string>();
        var evidence = new List<string>();
        CompiledRule? first = null;
        var stop = false;
        var rules = _rules ?? (_single is null ? null : [_single]);
        if (rules is not null)
        {
            foreach (var rule in rules)
            {
                if (rule.Effect != effect)
                {
                    continue;
                }

                first ??= rule;
                stop |= rule.StopAgent;
                ids.Add(rule.Id);
                reasons.Add(rule.Reason ?? $"rule '{rule.Id}' matched");
                evidence.AddRange(rule.Evidence);
            }
        }

        if (_failures is not null)
        {
            foreach (var (id, failureEffect, reason) in _failures)
            {
                if (failureEffect == effect)
                {
                    ids.Add(id);
                    reasons.Add(reason.Length == 0 ? $"policy '{id}' decided" : reason);
                }
            }
        }

        return (ids, reasons, evidence, first, stop);
    }

    private void Combine(DecisionEffect effect) => Effect = Effect is { } current && current < effect ? current : effect;
}
