using System.Text;
using AgentGuard.Infrastructure;

namespace AgentGuard.Testing;

/// <summary>Renders a <see cref="PolicyExplanation"/> as text: the decision, the classification, every rule's checks, the precedence.</summary>
public static class ExplanationFormatter
{
    /// <summary>The explanation as indented lines.</summary>
    public static string Format(PolicyExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var text = new StringBuilder();
        var decision = explanation.Decision;
        text.Append("  decision: ").Append(decision.PolicyEffect);
        if (decision.RuleIds.Count > 0)
        {
            text.Append(" by [").AppendJoin(", ", decision.RuleIds).Append(']');
        }

        if (decision.IsShadow)
        {
            text.Append(" (audit mode: ").Append(decision.Effect).Append(" enforced)");
        }

        text.AppendLine();
        text.Append("  reason: ").AppendLine(decision.Reason ?? "-");
        if (decision.Evidence.Count > 0)
        {
            text.Append("  evidence: ").AppendJoin("; ", decision.Evidence).AppendLine();
        }

        text.Append("  call: tags [").AppendJoin(", ", explanation.Tags).Append("], risk ").Append(explanation.Risk).AppendLine();
        text.AppendLine("  rules:");
        if (explanation.Rules.Count == 0)
        {
            text.AppendLine("    (none configured)");
        }

        foreach (var rule in explanation.Rules)
        {
            text.Append("    ").Append(Mark(rule.Outcome)).Append(' ').Append(rule.RuleId).Append(" (").Append(rule.Effect).Append("): ").AppendLine(Describe(rule.Outcome));
            foreach (var check in rule.Checks)
            {
                text.Append("        ").Append(Mark(check.Outcome)).Append(' ').Append(check.Part).Append(": ").AppendLine(check.Description);
            }
        }

        text.Append("  precedence: ").Append(explanation.Precedence);
        return text.ToString();
    }

    private static string Mark(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Contributed => "[+]",
        RuleOutcome.Failed => "[!]",
        _ => "[ ]",
    };

    private static string Mark(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Met => "met    ",
        CheckOutcome.NotMet => "not met",
        CheckOutcome.Failed => "failed ",
        _ => "skipped",
    };

    private static string Describe(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.NotMatched => "match does not fit the call",
        RuleOutcome.ConditionNotMet => "a condition does not hold",
        RuleOutcome.Failed => "a condition failed; the rule's OnError applies",
        _ => "applies",
    };
}
