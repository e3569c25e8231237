using System.Globalization;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.Counters</c>: a number the host keeps (spend today, messages sent) and supplies as a context or user
/// attribute is within bounds. Read from the context first, then the user; never from the call, whose attributes
/// describe the call rather than what the host counted. A counter that is missing or not a number throws, so the
/// rule's <c>OnError</c> outcome applies rather than the rule silently not holding.
/// </summary>
internal sealed class CounterCondition(string name, double? greaterThan, double? lessThan, string evidence) : Condition
{
    public override string Evidence => evidence;

    public override bool IsMet(in EvaluationInput input)
    {
        string? text = null;
        if (input.Context.Attributes?.TryGetValue(name, out var fromContext) == true)
        {
            text = fromContext;
        }
        else if (input.Context.User?.Attributes?.TryGetValue(name, out var fromUser) == true)
        {
            text = fromUser;
        }

        if (text is null)
        {
            throw new InvalidOperationException($"the counter '{name}' was not supplied (set it in the context's or the user's attributes)");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FormatException($"the counter '{name}' is not a number");
        }

        return (greaterThan is not { } low || value > low) && (lessThan is not { } high || value < high);
    }
}
