using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>
/// An HTTP request made inside a real M.E.AI tool, run by a real FunctionInvokingChatClient behind UseAgentGuard():
/// the request is attributed to the chat's user and to the model's tool call. Only the model is scripted.
/// </summary>
public sealed class ChatToolHttpTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "egress-allowlist", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"] },
            "When": { "Arguments": [ { "Path": "$.host", "NotOneOf": ["127.0.0.1"] } ] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task ToolMakingHttpRequest_CarriesChatUserAndModelCallId()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create(Policy, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("web").AddAgentGuard();
        });
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("web");
        var fetch = AIFunctionFactory.Create(async (string url) => await http.GetStringAsync(new Uri(url)), "fetch");
        var model = new TwoTurnModel("call-1", "fetch", new Uri(server.BaseAddress, "/page").ToString());
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(provider);
        var options = new ChatOptions
        {
            Tools = [fetch],
            AdditionalProperties = new() { [GuardContextKeys.UserId] = "alice", [GuardContextKeys.SessionId] = "chat-5" },
        };

        var response = await client.GetResponseAsync("read the page", options);

        response.Text.Should().Be("done");
        model.ToolResult.Should().Contain("ok");
        server.Count.Should().Be(1);
        var request = recorder.Seen.Single(s => s.Call.Kind == ToolKind.HttpRequest);
        request.Call.ParentCallId.Should().Be("call-1");
        request.Context.User!.Id.Should().Be("alice");
        request.Context.SessionId.Should().Be("chat-5");
        recorder.Seen.Select(s => s.Call.ToolName).Should().Equal("fetch", "127.0.0.1");
    }

    [Fact]
    public async Task ToolMakingDeniedHttpRequest_RequestNeverLeavesAndModelGetsAnError()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(Policy, (s, _) => s.AddHttpClient("web").AddAgentGuard());
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("web");
        var fetch = AIFunctionFactory.Create(async (string url) => await http.GetStringAsync(new Uri(url)), "fetch");
        var model = new TwoTurnModel("call-2", "fetch", $"http://localhost:{server.Port}/exfil?d=secret");
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(provider);

        var response = await client.GetResponseAsync("read the page", new ChatOptions { Tools = [fetch] });

        response.Text.Should().Be("done");
        server.Count.Should().Be(0);
        model.ToolResult.Should().NotContain("ok");
    }

    /// <summary>The scripted model: first asks for one tool call, then answers "done" and keeps the tool's result.</summary>
    private sealed class TwoTurnModel(string callId, string tool, string url) : IChatClient
    {
        public string? ToolResult { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var result = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().FirstOrDefault();
            if (result is null)
            {
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, tool, new Dictionary<string, object?> { ["url"] = url })])));
            }

            ToolResult = result.Result?.ToString() ?? string.Empty;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "done")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException("The tests use the non-streaming API.");

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}
