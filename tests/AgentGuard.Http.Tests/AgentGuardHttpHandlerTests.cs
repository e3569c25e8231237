using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>The HTTP handler against a real loopback server: denied requests never arrive, allowed ones do.</summary>
public sealed class AgentGuardHttpHandlerTests
{
    private const string EgressPolicy = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "egress-allowlist", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"] },
            "When": { "Arguments": [ { "Path": "$.host", "NotOneOf": ["127.0.0.1", "api.trusted.example"] } ] } },
          { "Id": "no-query-to-unknown", "Effect": "Deny", "Match": { "Tags": ["query-data"] },
            "When": { "Arguments": [ { "Path": "$.host", "NotOneOf": ["api.trusted.example"] } ] } },
          { "Id": "no-secrets-out", "Effect": "Deny", "Match": { "Tags": ["secret-in-request"] } },
          { "Id": "approve-delete", "Effect": "RequireApproval", "Match": { "Kinds": ["HttpRequest"] },
            "When": { "Attributes": { "http.method": "DELETE" } } }
        ]
      }
    }
    """;

    [Fact]
    public async Task SendAsync_AllowlistedHost_RequestArrives()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var response = await client.GetAsync(new Uri(server.BaseAddress, "/status"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Count.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_HostNotAllowlisted_NeverArrivesAndThrowsDenied()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.GetAsync(new Uri($"http://localhost:{server.Port}/status"));

        var denied = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        denied.Decision.RuleIds.Should().Equal("egress-allowlist");
        denied.Message.Should().Be("localhost was not run: this action is not permitted by policy.");
        server.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_DeniedWithStatusCodeConfigured_Returns403AndNeverArrives()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy.Replace("\"Rules\"", "\"Http\": { \"DeniedStatusCode\": 403 }, \"Rules\"", StringComparison.Ordinal), (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var response = await client.GetAsync(new Uri($"http://localhost:{server.Port}/x"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.GetValues(AgentGuardHttpHandler.DecisionHeader).Should().Equal("deny");
        (await response.Content.ReadAsStringAsync()).Should().Be("localhost was not run: this action is not permitted by policy.");
        server.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_QueryDataToHostNotTrustedForQueries_IsDenied()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var withQuery = () => client.GetAsync(new Uri(server.BaseAddress, "/search?q=customer+list"));
        var denied = (await withQuery.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        var withoutQuery = await client.GetAsync(new Uri(server.BaseAddress, "/search"));

        denied.Decision.RuleIds.Should().Equal("no-query-to-unknown");
        withoutQuery.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Received.Should().ContainSingle().Which.Should().StartWith("GET /search ");
    }

    [Fact]
    public async Task SendAsync_SecretInBody_IsDeniedAndNeverArrives()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, b) =>
        {
            s.AddSingleton<ISecretDetector, FakeKeyDetector>();
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var leak = () => client.PostAsJsonAsync(new Uri(server.BaseAddress, "/notes"), new { text = "my key is AKIAABCDEFGHIJKLMNOP" });
        var denied = (await leak.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        var clean = await client.PostAsync(new Uri(server.BaseAddress, "/notes"), new StringContent("{\"text\":\"hello\"}", System.Text.Encoding.UTF8, "application/json"));

        denied.Decision.RuleIds.Should().Equal("no-secrets-out");
        clean.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Received.Should().ContainSingle().Which.Should().Be("POST /notes {\"text\":\"hello\"}", "a scanned body is still sent intact");
    }

    [Fact]
    public async Task SendAsync_SecretInQuery_DefaultCoreDetectorFindsItAndRequestNeverArrives()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy.Replace("\"NotOneOf\": [\"api.trusted.example\"]", "\"NotOneOf\": [\"127.0.0.1\"]", StringComparison.Ordinal), (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        var key = "AKIA" + "Q3EGRW5ZKX7PLM2T";

        var leak = () => client.GetAsync(new Uri(server.BaseAddress, "/collect?k=" + key));
        var denied = (await leak.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        var clean = await client.GetAsync(new Uri(server.BaseAddress, "/collect?k=hello"));

        denied.Decision.RuleIds.Should().Contain("no-secrets-out");
        clean.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Received.Should().ContainSingle().Which.Should().StartWith("GET /collect?k=hello");
    }

    [Fact]
    public async Task SendAsync_SecretInUrl_IsTaggedAndDenied()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddSingleton<ISecretDetector, FakeKeyDetector>();
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.GetAsync(new Uri(server.BaseAddress, "/AKIAABCDEFGHIJKLMNOP/x"));

        await act.Should().ThrowAsync<ToolCallDeniedException>();
        var (call, _, tags) = recorder.Seen.Should().ContainSingle().Subject;
        tags.Should().Contain(HttpTags.SecretInRequest);
        call.Arguments.Root.GetProperty("secretInUrl").GetBoolean().Should().BeTrue();
        call.Risk.Should().Be(RiskLevel.High);
        server.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_Event_DescribesTheRequestWithoutHeaderValues()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create("""{ "AgentGuard": { } }""", (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server.BaseAddress, "/items/7?tag=a&tag=b&api_key=s3cr3t"))
        {
            Content = new StringContent("payload"),
        };
        request.Headers.Add("X-Api-Token", "very-secret-value");

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        var (call, _, tags) = recorder.Seen.Should().ContainSingle().Subject;
        call.ToolName.Should().Be("127.0.0.1");
        call.Kind.Should().Be(ToolKind.HttpRequest);
        call.Source.Should().Be("127.0.0.1");
        call.Attributes.Should().Contain("http.method", "PUT").And.Contain("http.path", "/items/7").And.Contain("http.port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("http.scheme", "http");
        tags.Should().Contain(HttpTags.Write).And.Contain(HttpTags.QueryData).And.NotContain(HttpTags.SecretInRequest);
        var args = call.Arguments.Root;
        args.GetProperty("method").GetString().Should().Be("PUT");
        args.GetProperty("query").GetProperty("tag").EnumerateArray().Select(v => v.GetString()).Should().Equal("a", "b");
        args.GetProperty("query").GetProperty("api_key").GetString().Should().Be("s3cr3t");
        args.GetProperty("headerNames").EnumerateArray().Select(v => v.GetString()).Should().Contain("X-Api-Token");
        args.GetRawText().Should().NotContain("very-secret-value");
        args.GetProperty("bodySize").GetInt64().Should().Be(7);
        server.Count.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_RepeatedAndDifferentRequests_EachEventDescribesItsOwnRequest()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create("""{ "AgentGuard": { } }""", (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        await client.GetAsync(new Uri(server.BaseAddress, "/a?x=1"));
        await client.GetAsync(new Uri(server.BaseAddress, "/a?x=1"));
        await client.GetAsync(new Uri(server.BaseAddress, "/a?x=2"));
        await client.PostAsync(new Uri(server.BaseAddress, "/a?x=1"), new StringContent("body"));

        var seen = recorder.Seen.Select(s => s.Call).ToList();
        seen.Select(c => c.Arguments.Root.GetProperty("query").GetProperty("x").GetString()).Should().Equal("1", "1", "2", "1");
        seen.Select(c => c.Arguments.Root.GetProperty("method").GetString()).Should().Equal("GET", "GET", "GET", "POST");
        seen.Select(c => c.CallId).Should().OnlyHaveUniqueItems();
        server.Count.Should().Be(4);
    }

    [Fact]
    public async Task SendAsync_InsideGuardedScope_CarriesSessionUserAndParentCallId()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        var context = new GuardContext { SessionId = "session-9", User = new GuardUser("alice") { Groups = ["support"] } };

        using (AgentGuardScope.Begin(context, new ToolCallEvent("fetch") { CallId = "call-1" }))
        {
            (await client.GetAsync(new Uri(server.BaseAddress, "/inside"))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var (call, seen, _) = recorder.Seen.Should().ContainSingle().Subject;
        call.ParentCallId.Should().Be("call-1");
        seen.User!.Id.Should().Be("alice");
        seen.User.Groups.Should().Equal("support");
        seen.SessionId.Should().Be("session-9");
    }

    [Fact]
    public async Task SendAsync_OutsideAnyScope_ConfiguredDefaultsApply()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create("""{ "AgentGuard": { "Context": { "Environment": "prod" } } }""", (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        await client.GetAsync(server.BaseAddress);

        var (call, seen, _) = recorder.Seen.Should().ContainSingle().Subject;
        call.ParentCallId.Should().BeNull();
        seen.Environment.Should().Be("prod");
    }

    [Fact]
    public async Task SendAsync_RequireApprovalWithApprover_IsSentAfterApproval()
    {
        await using var server = new LoopbackServer();
        var approver = new CountingApprover(approve: true);
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, b) =>
        {
            b.AddApprovalHandler(approver);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var response = await client.DeleteAsync(new Uri(server.BaseAddress, "/items/1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        approver.Asked.Should().Be(1);
        server.Count.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_RequireApprovalWithoutApprover_IsNotSent()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.DeleteAsync(new Uri(server.BaseAddress, "/items/1"));

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Equal("approve-delete");
        server.Count.Should().Be(0);
    }

    [Fact]
    public async Task Send_Synchronous_IsGuardedToo()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(EgressPolicy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri($"http://localhost:{server.Port}/sync")));

        act.Should().Throw<ToolCallDeniedException>();
        client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "/sync"))).StatusCode.Should().Be(HttpStatusCode.OK);
        server.Count.Should().Be(1);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task GuardAllHttpClients_FromConfiguration_GuardsEveryFactoryClient(bool guardAll, int expectedEvaluations)
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        var json = $$"""{ "AgentGuard": { "Http": { "GuardAllHttpClients": {{(guardAll ? "true" : "false")}} } } }""";
        await using var provider = HttpTestHost.Create(json, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("plain");
        });
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        await factory.CreateClient("plain").GetAsync(server.BaseAddress);

        recorder.Seen.Should().HaveCount(expectedEvaluations);
        server.Count.Should().Be(1);
    }

    [Fact]
    public async Task GuardAllHttpClients_WithExplicitAddAgentGuard_EvaluatesOnce()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create("""{ "AgentGuard": { "Http": { "GuardAllHttpClients": true } } }""", (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(server.BaseAddress);

        recorder.Seen.Should().ContainSingle();
    }

    [Fact]
    public void AddAgentGuard_WithoutAgentGuardRegistered_FailsWithClearMessage()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("api").AddAgentGuard();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        act.Should().Throw<InvalidOperationException>().WithMessage("*AddAgentGuard*");
    }

    private sealed class CountingApprover(bool approve) : IApprovalHandler
    {
        private int _asked;

        public int Asked => _asked;

        public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            return ValueTask.FromResult(new ApprovalResponse(approve, "tester"));
        }
    }
}
