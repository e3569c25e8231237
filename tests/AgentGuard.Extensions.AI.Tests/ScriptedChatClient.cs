using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>
/// The only fake: a model that answers each request with the next scripted turn (function calls or text), and
/// records what it was sent. Everything around it (FunctionInvokingChatClient, agents, the engine) is real.
/// </summary>
internal sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, ChatMessage>[] turns) : IChatClient
{
    private readonly Lock _lock = new();
    private int _next;

    public List<List<ChatMessage>> Requests { get; } = [];

    public int Calls { get { lock (_lock) { return Requests.Count; } } }

    /// <summary>A turn in which the model calls functions: (callId, name, arguments).</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatMessage> CallTools(params (string CallId, string Name, Dictionary<string, object?> Arguments)[] calls)
        => _ => new ChatMessage(ChatRole.Assistant, [.. calls.Select(c => (AIContent)new FunctionCallContent(c.CallId, c.Name, new Dictionary<string, object?>(c.Arguments)))]);

    /// <summary>A turn in which the model answers with text.</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatMessage> Say(string text) => _ => new ChatMessage(ChatRole.Assistant, text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Task.FromResult(new ChatResponse(Next(messages)));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = new ChatResponse(Next(messages));
        foreach (var update in response.ToChatResponseUpdates())
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata("scripted", new Uri("http://localhost/scripted"), "scripted-model");
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private ChatMessage Next(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        Func<IReadOnlyList<ChatMessage>, ChatMessage> turn;
        lock (_lock)
        {
            Requests.Add(list);
            turn = _next < turns.Length ? turns[_next] : Say("(script finished)");
            _next++;
        }

        return turn(list);
    }
}
