namespace AgentGuard;

/// <summary>
/// Every model-facing sentence: each says what happened and never why in policy terms, nor any argument value, and
/// names the tool only when <c>NameToolInModelMessage</c> is on (otherwise "The action").
/// </summary>
internal static class ModelMessages
{
    /// <summary>The engine's own text for a decision that did not allow the call.</summary>
    public static string For(DecisionEffect effect, bool isFailure, string toolName, bool nameTool)
    {
        if (effect == DecisionEffect.RequireApproval)
        {
            return $"{Subject(toolName, nameTool)} was not run: it requires approval by a person first.";
        }

        return isFailure
            ? $"{Subject(toolName, nameTool)} was not run: its safety check could not be completed."
            : NotPermitted(toolName, nameTool);
    }

    /// <summary>A denial by policy.</summary>
    public static string NotPermitted(string toolName, bool nameTool) => $"{Subject(toolName, nameTool)} was not run: this action is not permitted by policy.";

    /// <summary>A call that required approval, which was not given (rejected, timed out, no approver, approver failed).</summary>
    public static string ApprovalNotGiven(string toolName, bool nameTool) => $"{Subject(toolName, nameTool)} was not run: it requires approval, which was not given.";

    /// <summary>A call refused before the engine (a tool that is not granted, hidden, unknown or unverified).</summary>
    public static string NotAvailable(string toolName, bool nameTool)
        => toolName.Length == 0 || toolName == ModelText.UnnamedTool ? "The tool call was not run: it names no tool." : $"{Subject(toolName, nameTool)} was not run: this tool is not available.";

    private static string Subject(string toolName, bool nameTool) => nameTool && toolName.Length > 0 ? toolName : "The action";
}
