using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// The <see cref="FunctionInvokingChatClient.FunctionInvoker"/> AgentGuard installs: every call FICC invokes — from
/// <see cref="ChatOptions.Tools"/> or <see cref="FunctionInvokingChatClient.AdditionalTools"/>, serial or concurrent,
/// streaming or not, approved or not — passes through it. A previously set invoker still runs, after the guard.
/// </summary>
internal sealed class GuardedFunctionInvoker
{
    private static readonly Lock InstallLock = new();
    private readonly FunctionInvokingChatClient _client;
    private readonly Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? _previous;
    private readonly FunctionCallGuard _guard;

    private GuardedFunctionInvoker(FunctionInvokingChatClient client, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? previous, FunctionCallGuard guard)
    {
        _client = client;
        _previous = previous;
        _guard = guard;
    }

    /// <summary>The guard the installed invoker uses, or null when <paramref name="client"/> is not guarded.</summary>
    public static FunctionCallGuard? Find(FunctionInvokingChatClient client)
    {
        return client.FunctionInvoker?.Target is GuardedFunctionInvoker invoker ? invoker._guard : null;
    }

    /// <summary>Installs the guard on <paramref name="client"/> unless one is installed already; returns the guard in effect.</summary>
    public static FunctionCallGuard Install(FunctionInvokingChatClient client, FunctionCallGuard guard)
    {
        lock (InstallLock)
        {
            if (Find(client) is { } existing)
            {
                return existing;
            }

            client.FunctionInvoker = new GuardedFunctionInvoker(client, client.FunctionInvoker, guard).InvokeAsync;
            return guard;
        }
    }

    private ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
        => _guard.InvokeAsync(context, InvokeNextAsync, agent: null, nativeApproval: true, _client.AllowConcurrentInvocation, cancellationToken);

    private ValueTask<object?> InvokeNextAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
        => _previous is not null ? _previous(context, cancellationToken) : context.Function.InvokeAsync(context.Arguments, cancellationToken);
}
