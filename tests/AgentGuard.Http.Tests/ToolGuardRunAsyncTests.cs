using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>SDK calls through ToolGuard.RunAsync: denied calls never run; allowed ones run inside a scope; results are inspected.</summary>
public sealed class ToolGuardRunAsyncTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "no-delete-repo", "Effect": "Deny", "Match": { "Kinds": ["SdkCall"], "Tools": ["github.delete_repo"] } },
          { "Id": "no-send-after-secret", "Effect": "Deny", "Match": { "Tools": ["slack.post"] }, "When": { "SessionLabels": ["secret-seen"] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task RunAsync_DeniedSdkCall_NeverRunsDelegateAndThrowsWithDecision()
    {
        await using var provider = HttpTestHost.Create(Policy);
        var guard = provider.GetRequiredService<ToolGuard>();
        var ran = 0;

        var act = async () => await guard.RunAsync<int>("github.delete_repo", [new("repo", "acme/api")], _ =>
        {
            ran++;
            return ValueTask.FromResult(1);
        });

        var denied = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        denied.Decision.Effect.Should().Be(DecisionEffect.Deny);
        denied.Decision.RuleIds.Should().Equal("no-delete-repo");
        ran.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_AllowedSdkCall_RunsInsideScopeAndReturnsResult()
    {
        await using var provider = HttpTestHost.Create(Policy);
        var guard = provider.GetRequiredService<ToolGuard>();
        var call = new ToolCallEvent("github.create_issue", ToolKind.SdkCall) { CallId = "sdk-1" };
        var context = new GuardContext { SessionId = "s-1", User = new GuardUser("bob") };
        AgentGuardScope? inside = null;

        var result = await guard.RunAsync(call, _ =>
        {
            inside = AgentGuardScope.Current;
            return ValueTask.FromResult("issue #12");
        }, context);

        result.Should().Be("issue #12");
        inside.Should().NotBeNull();
        inside!.ToolCall!.CallId.Should().Be("sdk-1");
        inside.Context.User!.Id.Should().Be("bob");
        AgentGuardScope.Current.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_HttpRequestInsideSdkCall_CarriesTheSdkCallAsParent()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create(Policy, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("github").AddAgentGuard();
        });
        var guard = provider.GetRequiredService<ToolGuard>();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("github");
        var call = new ToolCallEvent("github.get_repo", ToolKind.SdkCall) { CallId = "sdk-2" };

        var status = await guard.RunAsync(call, async ct => (await client.GetAsync(server.BaseAddress, ct)).StatusCode, new GuardContext { User = new GuardUser("carol") });

        status.Should().Be(HttpStatusCode.OK);
        var http = recorder.Seen.Single(s => s.Call.Kind == ToolKind.HttpRequest);
        http.Call.ParentCallId.Should().Be("sdk-2");
        http.Context.User!.Id.Should().Be("carol");
        server.Count.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_ResultWithSecret_GoesThroughResultHookAndLabelsSession()
    {
        await using var provider = HttpTestHost.Create(Policy, (s, _) => s.AddSingleton<ISecretDetector, FakeKeyDetector>());
        var guard = provider.GetRequiredService<ToolGuard>();
        var context = new GuardContext { SessionId = "s-secret", User = new GuardUser("dana") };
        var posted = 0;

        await guard.RunAsync(new ToolCallEvent("vault.read", ToolKind.SdkCall), _ => ValueTask.FromResult("AKIAABCDEFGHIJKLMNOP"), context);
        var send = async () => await guard.RunAsync(new ToolCallEvent("slack.post", ToolKind.SdkCall), _ =>
        {
            posted++;
            return ValueTask.FromResult(true);
        }, context);

        (await send.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Equal("no-send-after-secret");
        posted.Should().Be(0);
    }
}
