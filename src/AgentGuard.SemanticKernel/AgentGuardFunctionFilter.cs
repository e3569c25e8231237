using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel;

/// <summary>Guards plugin functions invoked directly (<c>kernel.InvokeAsync</c>); passes auto-invoked calls already decided.</summary>
internal sealed class AgentGuardFunctionFilter : IFunctionInvocationFilter
{
    private readonly SemanticKernelGuard _guard;

    public AgentGuardFunctionFilter(SemanticKernelGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _guard = guard;
    }

    public Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return _guard.OnFunctionInvocationAsync(context, next);
    }
}
