using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel;

/// <summary>Guards every function the model asks the auto-invocation loop to call.</summary>
internal sealed class AgentGuardAutoFunctionFilter : IAutoFunctionInvocationFilter
{
    private readonly SemanticKernelGuard _guard;

    public AgentGuardAutoFunctionFilter(SemanticKernelGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _guard = guard;
    }

    public Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return _guard.OnAutoFunctionInvocationAsync(context, next);
    }
}
