using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel;

/// <summary>
/// Translates Semantic Kernel function invocations into <see cref="ToolCallEvent"/>s, runs them through the shared
/// <see cref="ToolGuard"/> and enforces the decision in SK's idiom (the function does not run; its result is the
/// decision's model message). Both filters delegate here.
/// </summary>
/// <remarks>
/// One call, one decision: the auto-invocation filter decides a model-driven call and opens an
/// <see cref="AgentGuardScope"/> carrying it; the function-invocation filter that SK runs next for the same call finds
/// that call in the ambient scope, claims it once, and does not decide it again. Anything else the function filter
/// sees (direct <c>kernel.InvokeAsync</c>, a function invoked from inside another function) is decided on its own.
/// </remarks>
internal sealed partial class SemanticKernelGuard
{
    /// <summary>The <see cref="FunctionResult.Metadata"/> key under which a blocked call's <see cref="Decision"/> is stored.</summary>
    public const string DecisionMetadataKey = "agentguard.decision";

    private readonly ToolGuard _guard;
    private readonly ILogger _logger;

    // Auto-invoked calls already decided and not yet claimed by the function filter. Keyed by the ToolCallEvent
    // instance the auto filter put in the ambient scope (reference identity); weak, so nothing outlives its call.
    private readonly ConditionalWeakTable<ToolCallEvent, DecidedCall> _decidedAutoCalls = [];

    public SemanticKernelGuard(ToolGuard guard, ILogger<SemanticKernelGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(logger);
        _guard = guard;
        _logger = logger;
    }

    /// <summary>A model-driven call from the auto-invocation loop.</summary>
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var function = context.Function;
        var cancellationToken = context.CancellationToken;
        CheckRepliesGuarded(context.Kernel);
        var seen = KernelContextReader.FromChatHistory(context.ChatHistory);
        var properties = KernelContextReader.Properties(context.Kernel, context.ExecutionSettings, context.Arguments);
        var guardContext = _guard.ContextResolver.Resolve(seen, properties);
        var toolCall = new ToolCallEvent(function.Name, ToolKind.Function)
        {
            Source = function.PluginName,
            Arguments = ToArguments(function, context.Arguments),
            CallId = context.ToolCallId,
            ParentCallId = AgentGuardScope.CurrentCallId,
        };

        var decision = await _guard.AuthorizeAsync(toolCall, guardContext, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogBlocked(function.PluginName, function.Name, decision.Effect, decision.Terminate);
            context.Result = Blocked(function, decision);
            context.Terminate |= decision.Terminate;
            return;
        }

        _decidedAutoCalls.AddOrUpdate(toolCall, new DecidedCall(function, context.Arguments is { Count: > 0 } decidedArguments ? [.. decidedArguments] : []));
        try
        {
            context.Result = await RunAsync(toolCall, guardContext, async () => { await next(context).ConfigureAwait(false); return context.Result; }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // SK's loop hands the model the failure's message as the function's result: it passes the result hook too.
            var redacted = await InspectFailureAsync(toolCall, guardContext, ex, cancellationToken).ConfigureAwait(false);
            if (redacted is null)
            {
                throw;
            }

            throw redacted;
        }
        finally
        {
            _decidedAutoCalls.Remove(toolCall);
        }
    }

    /// <summary>
    /// The result hook over a failed auto call's exception message (what SK's loop shows the model): labels the session;
    /// returns an exception carrying the redacted message when the engine redacted it (the original, which holds the
    /// secret, is not attached), or null to rethrow the original unchanged.
    /// </summary>
    private async Task<KernelException?> InspectFailureAsync(ToolCallEvent toolCall, GuardContext context, Exception failure, CancellationToken cancellationToken)
    {
        var text = failure.Message;
        var forModel = await _guard.InspectResultAsync(toolCall, context, text, isError: true, cancellationToken).ConfigureAwait(false);
        if (forModel is null || string.Equals(forModel, text, StringComparison.Ordinal))
        {
            return null;
        }

        LogRedacted(toolCall.Source, toolCall.ToolName);
        return new KernelException(forModel);
    }

    /// <summary>Any function invocation: the inner half of an auto call, or a direct call from code.</summary>
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var function = context.Function;
        switch (ClaimDecidedAutoCall(function, context.Arguments, out var changed))
        {
            case Claim.Decided:
                // Decided by the auto filter a moment ago; its scope is open and it inspects the result.
                await next(context).ConfigureAwait(false);
                return;
            case Claim.ArgumentsChanged:
                await RedecideAsync(context, next, changed!).ConfigureAwait(false);
                return;
            default:
                break;
        }

        if (function.PluginName is null)
        {
            // Not a tool: the function InvokePromptAsync creates (its invocation is the prompt render and the model
            // call), or a free-standing function called from code. Only carry host-set session keys to the calls inside.
            await PassThroughAsync(context, next).ConfigureAwait(false);
            return;
        }

        var cancellationToken = context.CancellationToken;
        var properties = KernelContextReader.Properties(context.Kernel, settings: null, context.Arguments);
        var guardContext = _guard.ContextResolver.Resolve(seen: null, properties);
        var toolCall = new ToolCallEvent(function.Name, ToolKind.Connector)
        {
            Source = function.PluginName,
            Arguments = ToArguments(function, context.Arguments),
            ParentCallId = AgentGuardScope.CurrentCallId,
        };

        var decision = await _guard.AuthorizeAsync(toolCall, guardContext, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogBlocked(function.PluginName, function.Name, decision.Effect, decision.Terminate);
            context.Result = Blocked(function, decision);
            return;
        }

        if (context.IsStreaming)
        {
            // A streaming result is an enumerable the caller has not read yet; it is decided, not inspected.
            using (AgentGuardScope.Begin(guardContext, toolCall))
            {
                await next(context).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            context.Result = await RunAsync(toolCall, guardContext, async () => { await next(context).ConfigureAwait(false); return context.Result; }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As ToolGuard.RunAsync: the failure's message is the call's output as much as a result (a page's error
            // body, a connector's echo), and code often hands it on to the model: it passes the result hook, so it
            // labels the session and its values are remembered. The caller is code: it gets the function's own
            // exception, unchanged (a guarded function that hands it to the model is inspected again there).
            await _guard.InspectResultAsync(toolCall, guardContext, ex.Message, isError: true, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private Claim ClaimDecidedAutoCall(KernelFunction function, KernelArguments arguments, out ToolCallEvent? changed)
    {
        changed = null;
        var toolCall = AgentGuardScope.Current?.ToolCall;
        if (toolCall is null || !_decidedAutoCalls.TryGetValue(toolCall, out var decided))
        {
            return Claim.NotAutoCall;
        }

        if (!ReferenceEquals(decided.Function, function)
            && !(string.Equals(decided.Function.Name, function.Name, StringComparison.Ordinal)
                 && string.Equals(decided.Function.PluginName, function.PluginName, StringComparison.Ordinal)))
        {
            return Claim.NotAutoCall;
        }

        // One claim per decision: the same function invoked again from inside itself is a new call.
        if (!_decidedAutoCalls.Remove(toolCall))
        {
            return Claim.NotAutoCall;
        }

        // The decision (and any approval) holds for the arguments it saw. If a filter between the two changed them,
        // the call the function would run is not the one decided: it is decided again, as the same model call.
        if (!decided.HasSameArguments(arguments))
        {
            LogArgumentsChanged(function.PluginName, function.Name);
            changed = toolCall with { Arguments = ToArguments(function, arguments) };
            return Claim.ArgumentsChanged;
        }

        return Claim.Decided;
    }

    /// <summary>Decides an auto call again with the arguments it will really run with; the auto filter inspects its result.</summary>
    private async Task RedecideAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next, ToolCallEvent toolCall)
    {
        var guardContext = AgentGuardScope.Current!.Context;
        var decision = await _guard.AuthorizeAsync(toolCall, guardContext, useApprovalHandler: true, context.CancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogBlocked(context.Function.PluginName, context.Function.Name, decision.Effect, decision.Terminate);
            context.Result = Blocked(context.Function, decision);
            return;
        }

        using (AgentGuardScope.Begin(guardContext, toolCall))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    private static async Task PassThroughAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var properties = KernelContextReader.Properties(context.Kernel, settings: null, context.Arguments);
        if (properties is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var ambient = AgentGuardScope.Current;
        var scoped = GuardContextResolver.ApplyProperties(ambient?.Context ?? GuardContext.Empty, properties);
        using (AgentGuardScope.Begin(scoped))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    private ToolArguments ToArguments(KernelFunction function, KernelArguments? arguments)
        => KernelArgumentBinding.Bind(function, arguments, _guard.ArgumentLimits);

    private static FunctionResult Blocked(KernelFunction function, Decision decision)
        => new(function, decision.ModelMessage, culture: null, new Dictionary<string, object?>(1) { [DecisionMetadataKey] = decision });

    /// <summary>Runs an allowed call through the shared pipeline (scope, run, result hook) and applies a redaction.</summary>
    private async Task<FunctionResult> RunAsync(ToolCallEvent toolCall, GuardContext context, Func<Task<FunctionResult>> next, CancellationToken cancellationToken)
    {
        var run = await _guard.RunDecidedAsync(toolCall, context, async _ => await next().ConfigureAwait(false), static result => Describe(result.GetValue<object>()), cancellationToken).ConfigureAwait(false);
        if (run.TextForModel is not { } forModel)
        {
            return run.Result;
        }

        LogRedacted(toolCall.Source, toolCall.ToolName);
        return new FunctionResult(run.Result, forModel);
    }

    /// <summary>The result as the model will read it: SK sends strings as is and serializes everything else to JSON.</summary>
    private static string? Describe(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text;
            case KernelContent content:
                return content.ToString();
            case JsonElement element:
                return element.GetRawText();
            default:
                try
                {
                    return JsonSerializer.Serialize(value, value.GetType());
                }
                catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
                {
                    return value.ToString();
                }
        }
    }

    /// <summary>A decided auto call: its function, and its arguments as the decision saw them (values by reference).</summary>
    private sealed class DecidedCall(KernelFunction function, KeyValuePair<string, object?>[] arguments)
    {
        public KernelFunction Function { get; } = function;

        /// <summary>True when <paramref name="actual"/> holds the same names bound to the same values.</summary>
        public bool HasSameArguments(KernelArguments actual)
        {
            if (actual.Count != arguments.Length)
            {
                return false;
            }

            foreach (var (name, value) in arguments)
            {
                if (!actual.TryGetValue(name, out var now) || !(ReferenceEquals(now, value) || Equals(now, value)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private enum Claim
    {
        NotAutoCall,
        Decided,
        ArgumentsChanged,
    }

    [LoggerMessage(3301, LogLevel.Information, "Semantic Kernel function {PluginName}.{FunctionName} was not run ({Effect}); terminate={Terminate}.")]
    private partial void LogBlocked(LogText pluginName, LogText functionName, DecisionEffect effect, bool terminate);

    [LoggerMessage(3303, LogLevel.Warning, "The arguments of Semantic Kernel function {PluginName}.{FunctionName} changed after AgentGuard decided the call; it is decided again.")]
    private partial void LogArgumentsChanged(LogText pluginName, LogText functionName);

    [LoggerMessage(3302, LogLevel.Information, "The result of Semantic Kernel function {PluginName}.{FunctionName} was redacted before the model saw it.")]
    private partial void LogRedacted(LogText pluginName, LogText functionName);
}
