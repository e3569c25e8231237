namespace AgentGuard.Benchmarks.PolicySize;

/// <summary>
/// A naive evaluator of generated policies, sharing no code with the engine: every rule checked in a plain loop,
/// globs matched by hand, deny over approval over allow, default deny. The benchmark checks every engine decision
/// against it before timing anything.
/// </summary>
internal sealed class PolicyReference(IReadOnlyList<RuleSpec> rules)
{
    public (DecisionEffect Effect, string[] RuleIds) Decide(ToolCallEvent call, GuardContext context)
    {
        var matched = new List<RuleSpec>();
        foreach (var rule in rules)
        {
            if (Applies(rule, call, context))
            {
                matched.Add(rule);
            }
        }

        if (matched.Count == 0)
        {
            return (DecisionEffect.Deny, []);
        }

        var effect = matched.Min(r => r.Effect);
        return (effect, [.. matched.Where(r => r.Effect == effect).Select(r => r.Id)]);
    }

    /// <summary>Throws when <paramref name="decision"/> differs from what the reference decides for the request.</summary>
    public static void Check(GeneratedRequest request, Decision decision)
    {
        if (decision.Effect != request.Expected || !decision.RuleIds.Order(StringComparer.Ordinal).SequenceEqual(request.ExpectedRuleIds.Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException(
                $"engine {decision.Effect} [{string.Join(",", decision.RuleIds)}] ({decision.Reason}) != reference {request.Expected} [{string.Join(",", request.ExpectedRuleIds)}] "
                + $"for {request.Call.ToolName} on {request.Call.Source} team={request.Context.Team} env={request.Context.Environment} groups=[{string.Join(",", request.Context.User!.Groups)}] tags=[{string.Join(",", request.Call.Tags)}]");
        }
    }

    private static bool Applies(RuleSpec rule, ToolCallEvent call, GuardContext context)
        => (rule.Tools.Length == 0 || rule.Tools.Any(t => Glob(t, call.ToolName)))
            && (rule.Sources.Length == 0 || rule.Sources.Any(s => Glob(s, call.Source ?? string.Empty)))
            && (rule.Kinds.Length == 0 || rule.Kinds.Contains(call.Kind))
            && (rule.Tags.Length == 0 || rule.Tags.Any(t => call.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
            && (rule.Teams.Length == 0 || rule.Teams.Contains(context.Team, StringComparer.OrdinalIgnoreCase))
            && (rule.Environments.Length == 0 || rule.Environments.Contains(context.Environment, StringComparer.OrdinalIgnoreCase))
            && (rule.Groups.Length == 0 || (context.User?.Groups ?? []).Any(g => rule.Groups.Contains(g, StringComparer.OrdinalIgnoreCase)))
            && (rule.Recipient is null || RecipientAt(call, rule.Recipient));

    private static bool RecipientAt(ToolCallEvent call, string label)
    {
        var to = call.Arguments.Root.TryGetProperty("to", out var value) ? value.GetString() : null;
        if (to is null)
        {
            return false;
        }

        var at = to.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && to.IndexOf('@', at + 1) < 0 && string.Equals(to[(at + 1)..], label + ".example", StringComparison.Ordinal);
    }

    /// <summary>Only the two glob forms the generator writes: <c>*</c>, a trailing <c>*</c>, or an exact name.</summary>
    private static bool Glob(string pattern, string text)
        => pattern == "*"
            || (pattern.EndsWith('*') ? text.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(pattern, text, StringComparison.OrdinalIgnoreCase));
}
