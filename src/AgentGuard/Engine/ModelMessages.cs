namespace AgentGuard;

/// <summary>The neutral, model-facing texts: they say what happened and never why in policy terms, nor any argument value.</summary>
internal static class ModelMessages
{
    public static string For(DecisionEffect effect, bool isFailure, string toolName, bool nameTool)
    {
        var subject = nameTool ? toolName : "The action";
        if (effect == DecisionEffect.RequireApproval)
        {
            return $"{subject} was not run: it requires approval by a person first.";
        }

        return isFailure
            ? $"{subject} was not run: its safety check could not be completed."
            : $"{subject} was not run: this action is not permitted by policy.";
    }
}
