using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AgentGuard.SemanticKernel.Tests.Infrastructure;

/// <summary>
/// The scripted model: an OpenAI chat-completions endpoint behind a fake <see cref="HttpMessageHandler"/>, so the real
/// OpenAI connector and its auto-invocation loop run with no network. Each request gets the next scripted turn.
/// </summary>
internal sealed class ScriptedOpenAIHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _turns = new();
    private int _requests;

    public ConcurrentQueue<string> RequestBodies { get; } = new();

    public int Requests => _requests;

    /// <summary>The model asks for one or more tool calls, given as (id, "plugin-function", arguments JSON).</summary>
    public ScriptedOpenAIHandler ThenToolCalls(params (string Id, string Name, string Arguments)[] calls)
    {
        var toolCalls = calls.Select(c => new
        {
            id = c.Id,
            type = "function",
            function = new { name = c.Name, arguments = c.Arguments },
        });
        _turns.Enqueue(Completion("tool_calls", new { role = "assistant", content = (string?)null, tool_calls = toolCalls }));
        return this;
    }

    /// <summary>The model answers with text.</summary>
    public ScriptedOpenAIHandler ThenAnswer(string text)
    {
        _turns.Enqueue(Completion("stop", new { role = "assistant", content = text }));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        RequestBodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        if (!_turns.TryDequeue(out var json))
        {
            throw new InvalidOperationException("The scripted model has no more turns.");
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    /// <summary>The tool results the connector sent back in the last request, as JSON text.</summary>
    public string LastRequest => RequestBodies.LastOrDefault() ?? string.Empty;

    /// <summary>The content of the tool message answering <paramref name="toolCallId"/> in the last request.</summary>
    public string? ToolResultSent(string toolCallId)
    {
        using var document = JsonDocument.Parse(LastRequest);
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            if (message.TryGetProperty("role", out var role) && role.GetString() == "tool"
                && message.TryGetProperty("tool_call_id", out var id) && id.GetString() == toolCallId)
            {
                var content = message.GetProperty("content");
                return content.ValueKind == JsonValueKind.String ? content.GetString() : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
            }
        }

        return null;
    }

    private static string Completion(string finishReason, object message) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        @object = "chat.completion",
        created = 1700000000,
        model = "gpt-4o",
        choices = new[] { new { index = 0, finish_reason = finishReason, message } },
        usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
    });
}
