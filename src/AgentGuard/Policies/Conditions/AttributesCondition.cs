namespace AgentGuard.Policies;

/// <summary><c>When.Attributes</c>: call or context attributes have the given values (case-insensitive).</summary>
internal sealed class AttributesCondition(KeyValuePair<string, string>[] required, string evidence) : Condition
{
    public override string Evidence => evidence;

    public override bool IsMet(in EvaluationInput input)
    {
        foreach (var (key, expected) in required)
        {
            string? actual = null;
            if (input.Call.Attributes?.TryGetValue(key, out var fromCall) == true)
            {
                actual = fromCall;
            }
            else if (input.Context.Attributes?.TryGetValue(key, out var fromContext) == true)
            {
                actual = fromContext;
            }
            else if (input.Context.User?.Attributes?.TryGetValue(key, out var fromUser) == true)
            {
                actual = fromUser;
            }

            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
