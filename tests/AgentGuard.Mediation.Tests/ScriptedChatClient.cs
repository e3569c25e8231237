using Microsoft.Extensions.AI;

namespace AgentGuard.Mediation.Tests;

/// <summary>The only scripted part: a model that answers each request with the next turn.</summary>
internal sealed class ScriptedChatClient(params ChatMessage[] turns) : IChatClient
{
    private int _next;

    public static ChatMessage Call(string callId, string name) => new(ChatRole.Assistant, [new FunctionCallContent(callId, name, new Dictionary<string, object?>())]);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new ChatResponse(_next < turns.Length ? turns[_next++] : new ChatMessage(ChatRole.Assistant, "done")));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("These tests use GetResponseAsync.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
