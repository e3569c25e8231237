using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace AgentGuard.SemanticKernel.Tests.Infrastructure;

/// <summary>A scripted M.E.AI model: each call returns the next turn (tool calls or text) and records what it was sent.</summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<ChatMessage> _turns = new();

    public ConcurrentQueue<List<ChatMessage>> Received { get; } = new();

    public ScriptedChatClient ThenToolCall(string callId, string name, Dictionary<string, object?> arguments, string? authorName = null)
    {
        _turns.Enqueue(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments)]) { AuthorName = authorName });
        return this;
    }

    public ScriptedChatClient ThenAnswer(string text)
    {
        _turns.Enqueue(new ChatMessage(ChatRole.Assistant, text));
        return this;
    }

    /// <summary>The result the caller sent back for <paramref name="callId"/>, from the last request.</summary>
    public object? ToolResultSent(string callId) => Received.Last()
        .SelectMany(m => m.Contents.OfType<FunctionResultContent>())
        .FirstOrDefault(r => r.CallId == callId)?.Result;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Received.Enqueue([.. messages]);
        if (!_turns.TryDequeue(out var turn))
        {
            throw new InvalidOperationException("The scripted model has no more turns.");
        }

        return Task.FromResult(new ChatResponse(turn));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted-model")
            : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
