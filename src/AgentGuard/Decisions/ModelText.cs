namespace AgentGuard;

/// <summary>
/// The model-facing sentences adapters need beside the engine's own (<see cref="Decision.ModelMessage"/>), from the one
/// catalogue the engine uses, honouring the current policy's <c>NameToolInModelMessage</c>.
/// </summary>
public sealed class ModelText
{
    /// <summary>The tool name recorded for a call that names no tool.</summary>
    public const string UnnamedTool = "(unnamed)";

    private readonly PolicyProvider _policies;

    internal ModelText(PolicyProvider policies) => _policies = policies;

    /// <summary>"<c>tool</c> was not run: this action is not permitted by policy."</summary>
    public string NotPermitted(string toolName) => ModelMessages.NotPermitted(toolName, NameTool);

    /// <summary>"<c>tool</c> was not run: it requires approval, which was not given."</summary>
    public string ApprovalNotGiven(string toolName) => ModelMessages.ApprovalNotGiven(toolName, NameTool);

    /// <summary>"<c>tool</c> was not run: its safety check could not be completed."</summary>
    public string CheckFailed(string toolName) => ModelMessages.For(DecisionEffect.Deny, isFailure: true, toolName, NameTool);

    /// <summary>"<c>tool</c> was not run: this tool is not available." (or that the call names no tool).</summary>
    public string NotAvailable(string toolName) => ModelMessages.NotAvailable(toolName, NameTool);

    private bool NameTool => _policies.Current.NameToolInModelMessage;
}
