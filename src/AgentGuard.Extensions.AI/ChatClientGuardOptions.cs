namespace AgentGuard.Extensions.AI;

/// <summary>
/// The <c>AgentGuard:ChatClients</c> configuration section: whether the chat clients registered in DI are guarded
/// without any change to their pipelines.
/// </summary>
public sealed class ChatClientGuardOptions
{
    /// <summary>The section's path under the configuration root: <c>AgentGuard:ChatClients</c>.</summary>
    public const string SectionPath = "AgentGuard:ChatClients";

    /// <summary>
    /// When true, every <c>IChatClient</c> registered with <c>AddChatClient</c> / <c>AddKeyedChatClient</c> before
    /// <c>AddChatClientGuard()</c> is guarded. Default false.
    /// </summary>
    public bool GuardAll { get; set; }

    /// <summary>
    /// When false (default), resolving a registered client that has no <c>FunctionInvokingChatClient</c> fails,
    /// because its tool calls would leave the pipeline unguarded. Set true for clients that never call tools.
    /// </summary>
    public bool AllowClientsWithoutFunctionInvocation { get; set; }

    /// <summary>How long an approval request stays answerable, e.g. <c>01:00:00</c> (default).</summary>
    public string ApprovalLifetime { get; set; } = "01:00:00";

    internal TimeSpan ApprovalLifetimeValue
        => TimeSpan.TryParse(ApprovalLifetime, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : TimeSpan.FromHours(1);
}
