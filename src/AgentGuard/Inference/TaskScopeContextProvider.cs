namespace AgentGuard.Inference;

/// <summary>Fills <see cref="GuardContext.TaskScope"/> from the host's <see cref="ITaskScopeProvider"/> when nothing supplied one.</summary>
internal sealed class TaskScopeContextProvider(ITaskScopeProvider provider) : IGuardContextProvider
{
    public GuardContext Enrich(GuardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.TaskScope is null && provider.GetScope(context) is { } scope ? context with { TaskScope = scope } : context;
    }
}
