namespace AgentGuard.Samples.Quickstart.Output;

/// <summary>
/// Asks the person at the terminal to approve a call; when nobody is there (output or input redirected, as in CI)
/// it answers no, so the call is denied — the safe outcome.
/// </summary>
internal sealed class ConsoleApprover(ConsoleStyle style) : IApprovalHandler
{
    public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Console.WriteLine(style.Yellow($"    ? approval needed: {request.ToolCall.ToolName} {request.ToolCall.Arguments}"));
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            Console.WriteLine(style.Yellow("      nobody at the console to approve: rejected"));
            return new(new ApprovalResponse(false, "console", "no one was there to approve"));
        }

        Console.Write(style.Yellow("      approve this exact call? [y/N] "));
        var answer = Console.ReadLine();
        var approved = string.Equals(answer?.Trim(), "y", StringComparison.OrdinalIgnoreCase);
        return new(new ApprovalResponse(approved, Environment.UserName));
    }
}
