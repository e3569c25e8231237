using Microsoft.Extensions.AI;

namespace AgentGuard.Cli.Tests;

/// <summary>The only scripted part: a model that answers each request with the next turn. Everything around it is real.</summary>
internal sealed class ScriptedChatClient(params ChatMessage[] turns) : IChatClient
{
    private int _next;

    public static ChatMessage Call(string callId, string name, params (string Key, object? Value)[] arguments)
        => new(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments.ToDictionary(a => a.Key, a => a.Value))]);

    public static ChatMessage Say(string text) => new(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new ChatResponse(_next < turns.Length ? turns[_next++] : Say("(script finished)")));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The recorded sessions use GetResponseAsync.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
