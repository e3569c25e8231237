using Microsoft.Extensions.AI;

namespace AgentGuard.Redis.Tests;

/// <summary>The only scripted part: a model that answers each request with the next turn. Everything else is real.</summary>
internal sealed class ScriptedModel(params Func<ChatMessage>[] turns) : IChatClient
{
    private int _next;

    public static Func<ChatMessage> Call(string callId, string name, Dictionary<string, object?> arguments)
        => () => new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, name, new Dictionary<string, object?>(arguments))]);

    public static Func<ChatMessage> Say(string text) => () => new ChatMessage(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var turn = Interlocked.Increment(ref _next) - 1;
        return Task.FromResult(new ChatResponse(turn < turns.Length ? turns[turn]() : new ChatMessage(ChatRole.Assistant, "(no more turns)")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("these tests use GetResponseAsync");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
