using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGuard.Samples.Shared;

/// <summary>
/// Stands in for a language model so a sample runs offline: each request gets the next scripted turn — some tool
/// calls, or a final answer. The framework's real function-invocation loop runs the tools.
/// </summary>
internal sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, ChatMessage>[] turns) : IChatClient
{
    private int _turn;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var index = Interlocked.Increment(ref _turn) - 1;
        var history = messages.ToList();
        var message = index < turns.Length ? turns[index](history) : new ChatMessage(ChatRole.Assistant, "Done.");
        return Task.FromResult(new ChatResponse(message));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted") : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>A turn that asks for tool calls.</summary>
    public static ChatMessage Calls(params (string Name, Dictionary<string, object?> Arguments)[] calls)
        => new(ChatRole.Assistant, [.. calls.Select(c => (AIContent)new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..12], c.Name, c.Arguments))]);

    /// <summary>A final answer that quotes the tool results the model received.</summary>
    public static ChatMessage Answer(IReadOnlyList<ChatMessage> history)
        => new(ChatRole.Assistant, "Results: " + string.Join(" | ", history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString())));
}
