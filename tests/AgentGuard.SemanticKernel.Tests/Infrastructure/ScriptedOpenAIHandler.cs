using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AgentGuard.SemanticKernel.Tests.Infrastructure;

/// <summary>
/// The scripted model: an OpenAI chat-completions endpoint behind a fake <see cref="HttpMessageHandler"/>, so the real
/// OpenAI connector and its auto-invocation loop run with no network. Each request gets the next scripted turn, as one
/// completion or, when the request asks to stream, as server-sent chunks (an answer's text in pieces of
/// <see cref="StreamChunk"/> characters).
/// </summary>
internal sealed class ScriptedOpenAIHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Turn> _turns = new();
    private int _requests;

    public ConcurrentQueue<string> RequestBodies { get; } = new();

    public int Requests => _requests;

    /// <summary>How many characters of an answer each streamed chunk carries.</summary>
    public int StreamChunk { get; init; } = 7;

    /// <summary>The model asks for one or more tool calls, given as (id, "plugin-function", arguments JSON).</summary>
    public ScriptedOpenAIHandler ThenToolCalls(params (string Id, string Name, string Arguments)[] calls)
    {
        var toolCalls = calls.Select(c => new
        {
            id = c.Id,
            type = "function",
            function = new { name = c.Name, arguments = c.Arguments },
        });
        _turns.Enqueue(new Turn("tool_calls", new { role = "assistant", content = (string?)null, tool_calls = toolCalls }, null, calls));
        return this;
    }

    /// <summary>The model answers with text.</summary>
    public ScriptedOpenAIHandler ThenAnswer(string text)
    {
        _turns.Enqueue(new Turn("stop", new { role = "assistant", content = text }, text, []));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        RequestBodies.Enqueue(body);
        if (!_turns.TryDequeue(out var turn))
        {
            throw new InvalidOperationException("The scripted model has no more turns.");
        }

        return body.Contains("\"stream\":true", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Chunks(turn)))) { Headers = { { "Content-Type", "text/event-stream" } } } }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Completion(turn.FinishReason, turn.Message), Encoding.UTF8, "application/json") };
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

    /// <summary>The turn as OpenAI streams it: a chunk per piece of text or per tool call, the finish reason, <c>[DONE]</c>.</summary>
    private string Chunks(Turn turn)
    {
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var events = new StringBuilder();
        void Add(object delta, string? finishReason) => events.Append("data: ").Append(JsonSerializer.Serialize(new
        {
            id,
            @object = "chat.completion.chunk",
            created = 1700000000,
            model = "gpt-4o",
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        })).Append("\n\n");

        Add(new { role = "assistant" }, null);
        for (var i = 0; turn.Text is { } text && i < text.Length; i += StreamChunk)
        {
            Add(new { content = text.Substring(i, Math.Min(StreamChunk, text.Length - i)) }, null);
        }

        for (var i = 0; i < turn.Calls.Length; i++)
        {
            var (callId, name, arguments) = turn.Calls[i];
            Add(new { tool_calls = new[] { new { index = i, id = callId, type = "function", function = new { name, arguments } } } }, null);
        }

        Add(new { }, turn.FinishReason);
        return events.Append("data: [DONE]\n\n").ToString();
    }

    private sealed record Turn(string FinishReason, object Message, string? Text, (string Id, string Name, string Arguments)[] Calls);

    /// <summary>A network stream's shape: read once, forward only (the client's transport rejects a seekable stream it did not rewind).</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
