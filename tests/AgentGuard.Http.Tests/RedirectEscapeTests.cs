using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard.Http.Tests;

/// <summary>
/// An attacker who controls an allowed host answers with a redirect to a host the policy does not allow. Every hop is
/// decided as its own request, so the redirect target is never contacted; allowed hops are still followed.
/// </summary>
public sealed class RedirectEscapeTests
{
    private const string AllowOnlyLoopbackIp = """
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
    public async Task SendAsync_AllowedHostRedirectsToUnapprovedHost_TargetNeverContacted()
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.GetAsync(RedirectTo(allowed, $"http://localhost:{unapproved.Port}/steal?d=customer-list"));

        var denied = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        denied.Decision.RuleIds.Should().Equal("egress-allowlist");
        allowed.Count.Should().Be(1, "the first hop was allowed and sent");
        unapproved.Count.Should().Be(0, "the redirect hop was decided before it was sent");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task SendAsync_PostRedirectedWithAnyStatusToUnapprovedHost_TargetNeverContacted(int status)
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.PostAsync(RedirectTo(allowed, $"http://localhost:{unapproved.Port}/collect", status), new StringContent("notes"));

        await act.Should().ThrowAsync<ToolCallDeniedException>();
        unapproved.Count.Should().Be(0);
    }

    [Fact]
    public async Task Send_SynchronousClientRedirectedToUnapprovedHost_TargetNeverContacted()
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        using var request = new HttpRequestMessage(HttpMethod.Get, RedirectTo(allowed, $"http://localhost:{unapproved.Port}/steal"));

        var act = () => client.Send(request);

        act.Should().Throw<ToolCallDeniedException>().Which.Decision.RuleIds.Should().Equal("egress-allowlist");
        unapproved.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_RedirectToAllowedHost_IsFollowedAndEveryHopDecided()
    {
        await using var server = new LoopbackServer();
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var response = await client.GetAsync(RedirectTo(server, new Uri(server.BaseAddress, "/final").ToString()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/final");
        var calls = recorder.Seen.Select(s => s.Call).ToList();
        calls.Should().HaveCount(2);
        calls[1].Tags.Should().Contain(HttpTags.Redirect);
        calls[1].Attributes.Should().Contain("http.redirect_from", "127.0.0.1").And.Contain("http.path", "/final");
        calls[1].ParentCallId.Should().Be(calls[0].CallId);
        server.Received.Select(r => r.Split(' ')[1]).Should().Equal(RedirectTo(server, new Uri(server.BaseAddress, "/final").ToString()).PathAndQuery, "/final");
    }

    [Fact]
    public async Task SendAsync_FollowRedirectsOff_ReturnsTheRedirectAndSendsNothingToItsLocation()
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        var json = AllowOnlyLoopbackIp.Replace("\"Rules\"", "\"Http\": { \"FollowRedirects\": false }, \"Rules\"", StringComparison.Ordinal);
        await using var provider = HttpTestHost.Create(json, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var response = await client.GetAsync(RedirectTo(allowed, $"http://localhost:{unapproved.Port}/steal"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.Port.Should().Be(unapproved.Port);
        unapproved.Count.Should().Be(0);
    }

    [Fact]
    public async Task CreateAgentGuardHandler_NewHttpClientOutsideTheFactory_IsGuardedHopByHop()
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp);
        using var client = new HttpClient(provider.CreateAgentGuardHandler());

        var direct = () => client.GetAsync(new Uri($"http://localhost:{unapproved.Port}/direct"));
        var redirected = () => client.GetAsync(RedirectTo(allowed, $"http://localhost:{unapproved.Port}/steal"));
        var ok = await client.GetAsync(new Uri(allowed.BaseAddress, "/fine"));

        await direct.Should().ThrowAsync<ToolCallDeniedException>();
        await redirected.Should().ThrowAsync<ToolCallDeniedException>();
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        unapproved.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_HandBuiltChainWithRedirectingHttpClientHandler_GuardTakesOverRedirects()
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp);
        var primary = new HttpClientHandler();
        using var client = new HttpClient(new AgentGuardHttpHandler(provider.GetRequiredService<ToolGuard>(), provider.GetRequiredService<IOptionsMonitor<AgentGuardHttpOptions>>()) { InnerHandler = primary });

        var act = () => client.GetAsync(RedirectTo(allowed, $"http://localhost:{unapproved.Port}/steal"));

        await act.Should().ThrowAsync<ToolCallDeniedException>();
        primary.AllowAutoRedirect.Should().BeFalse();
        unapproved.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_HandlerBelowFollowsRedirectOnItsOwn_DeniedLandingIsNotReturned()
    {
        await using var allowed = new LoopbackServer();
        await using var unapproved = new LoopbackServer(alsoAsLocalhost: true);
        await using var provider = HttpTestHost.Create(AllowOnlyLoopbackIp);
        using var client = new HttpClient(provider.CreateAgentGuardHandler(new RedirectingInvoker()));

        var act = () => client.GetAsync(RedirectTo(allowed, $"http://localhost:{unapproved.Port}/steal"));

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Equal("egress-allowlist");
    }

    private static Uri RedirectTo(LoopbackServer server, string target, int status = 302)
        => new(server.BaseAddress, $"/redirect?status={status}&to={Uri.EscapeDataString(target)}");

    /// <summary>A primary handler of its own type that follows redirects itself (the guard cannot turn that off).</summary>
    private sealed class RedirectingInvoker : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(new SocketsHttpHandler { AllowAutoRedirect = true });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => _inner.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
