namespace AgentGuard.Policies;

/// <summary>
/// <c>When.Attributes</c> and <c>When.AttributesAnyOf</c>: call or context attributes have one of the given values
/// (ignoring case). The call's attribute is read first, then the context's, then the user's.
/// </summary>
internal sealed class AttributesCondition(KeyValuePair<string, string[]>[] required, string evidence) : Condition
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

            if (!In(actual, expected))
            {
                return false;
            }
        }

        return true;
    }
}
