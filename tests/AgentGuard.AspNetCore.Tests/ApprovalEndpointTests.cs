using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentGuard.AspNetCore;
using Microsoft.Extensions.Configuration;

namespace AgentGuard.AspNetCore.Tests;

/// <summary>The approval endpoints of the web sample, end to end through the real agent pipeline (only the model is scripted).</summary>
public sealed class ApprovalEndpointTests : IAsyncLifetime
{
    private const string Api = "/agentguard/approvals/api";
    private readonly SampleAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("alice")]
    public async Task ApprovalPageAndApi_RefuseAnyoneWithoutTheApproverRole(string? user)
    {
        var client = user is null
            ? _app.CreateClient(new() { AllowAutoRedirect = false })
            : await _app.SignInAsync(user);

        foreach (var path in new[] { "/agentguard/approvals", Api, Api + "/anything/approve" })
        {
            using var response = path.EndsWith("approve", StringComparison.Ordinal)
                ? await client.PostAsJsonAsync(path, new ApprovalAnswer("sha256:x", "ok"))
                : await client.GetAsync(path);
            response.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
            response.Headers.Location?.ToString().Should().Match(l => l.Contains("Login", StringComparison.Ordinal) || l.Contains("AccessDenied", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Approver_SeesTheExactRedactedCall_ApprovesIt_AndTheAgentRunsIt()
    {
        var alice = await _app.SignInAsync("alice");
        var bob = await _app.SignInAsync("bob");

        var chat = alice.PostAsJsonAsync("/chat/conv-1", new { message = "pay 900 to ACME Ltd for invoice 7" });
        var pending = await WaitForPendingAsync(bob);

        pending.ToolName.Should().Be("wire_funds");
        pending.Rules.Should().Equal("approve-wires");
        pending.Reason.Should().Be("every wire transfer needs a second person");
        pending.RequestedBy.Should().Be("alice");
        pending.AgentId.Should().Be("payments");
        pending.SessionId.Should().Be("alice/conv-1", "the route's conversation id, scoped to the signed-in user");
        using var args = JsonDocument.Parse(pending.Arguments);
        args.RootElement.GetProperty("to").GetString().Should().Be("ACME Ltd");
        args.RootElement.GetProperty("amount").GetInt32().Should().Be(900);
        args.RootElement.GetProperty("pin").GetString().Should().Be("[REDACTED]");
        pending.Arguments.Should().NotContain("4921");

        using var approve = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/approve", new ApprovalAnswer(pending.Fingerprint, "invoice checked"));

        approve.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reply = await chat;
        (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString().Should().Be("Result: sent 900 to ACME Ltd");
        var approval = _app.Audit.Records.Should().ContainSingle(r => r.Approval != null).Which;
        approval.Approval.Should().Be(new ApprovalAuditEntry(ApprovalOutcome.Approved, pending.Fingerprint, "bob", "invoice checked"));
        approval.SessionId.Should().Be("alice/conv-1");
        approval.UserId.Should().Be("alice");
    }

    [Fact]
    public async Task AnswerQuotingAnotherCallsFingerprint_IsRefused_AndTheCallStaysPending()
    {
        var alice = await _app.SignInAsync("alice");
        var bob = await _app.SignInAsync("bob");
        var chat = alice.PostAsJsonAsync("/chat/conv-2", new { message = "pay 50 to Bob's Bikes" });
        var pending = await WaitForPendingAsync(bob);
        var otherCall = CallFingerprint.Compute("wire_funds", ToolArguments.FromJson("""{"to":"Bob's Bikes","amount":50000,"memo":"","pin":"4921"}"""));

        using var forged = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/approve", new ApprovalAnswer(otherCall, "looks fine"));
        using var missing = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/approve", new ApprovalAnswer(null, "looks fine"));

        forged.StatusCode.Should().Be(HttpStatusCode.Conflict);
        missing.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await bob.GetFromJsonAsync<List<PendingApproval>>(Api)).Should().ContainSingle(p => p.Id == pending.Id);

        using var noReason = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/reject", new ApprovalAnswer(pending.Fingerprint, " "));
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var reject = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/reject", new ApprovalAnswer(pending.Fingerprint, "unknown payee"));
        reject.StatusCode.Should().Be(HttpStatusCode.OK);
        using var again = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/approve", new ApprovalAnswer(pending.Fingerprint, "changed my mind"));
        again.StatusCode.Should().Be(HttpStatusCode.NotFound, "a call is answered once");

        using var reply = await chat;
        (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString().Should().Contain("was not run");
        _app.Audit.Records.Single(r => r.Approval != null).Approval!.Should().Be(new ApprovalAuditEntry(ApprovalOutcome.Rejected, pending.Fingerprint, "bob", "unknown payee"));
    }

    [Fact]
    public async Task ApproverCannotApproveTheirOwnCall()
    {
        var mallory = await _app.SignInAsync("mallory");
        var bob = await _app.SignInAsync("bob");
        var chat = mallory.PostAsJsonAsync("/chat/conv-3", new { message = "pay 5000 to Mallory Holdings" });
        var pending = await WaitForPendingAsync(bob);

        (await mallory.GetFromJsonAsync<List<PendingApproval>>(Api)).Should().BeEmpty("nobody is shown their own call");
        using var self = await mallory.PostAsJsonAsync($"{Api}/{pending.Id}/approve", new ApprovalAnswer(pending.Fingerprint, "trust me"));
        self.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var reject = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/reject", new ApprovalAnswer(pending.Fingerprint, "self-dealing"));
        reject.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reply = await chat;
        reply.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_EncodesArgumentsFromTheModel()
    {
        var alice = await _app.SignInAsync("alice");
        var bob = await _app.SignInAsync("bob");
        var chat = alice.PostAsJsonAsync("/chat/conv-4", new { message = "pay 10 to <script>alert(1)</script> for <img src=x onerror=alert(2)>" });
        var pending = await WaitForPendingAsync(bob);

        var page = await bob.GetStringAsync("/agentguard/approvals");

        page.Should().Contain("wire_funds").And.Contain("approve-wires").And.Contain(pending.Fingerprint);
        page.Should().NotContain("<script>alert(1)</script>").And.NotContain("<img src=x");
        page.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        using var reject = await bob.PostAsJsonAsync($"{Api}/{pending.Id}/reject", new ApprovalAnswer(pending.Fingerprint, "markup in payee"));
        (await chat).Dispose();
    }

    [Fact]
    public async Task Health_IsHealthy_ThenDegradedWhileRunningOnTheLastGoodPolicy()
    {
        var client = _app.CreateClient();

        (await client.GetStringAsync("/health")).Should().Be("Healthy");

        var configuration = (IConfigurationRoot)_app.Services.GetRequiredService<IConfiguration>();
        configuration["AgentGuard:DefaultDecision"] = "Maybe";
        configuration.Reload();

        (await client.GetStringAsync("/health")).Should().Be("Degraded");
        var report = await _app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();
        report.Entries["agentguard"].Description.Should().Contain("last good policy").And.Contain("DefaultDecision");

        configuration["AgentGuard:DefaultDecision"] = "Allow";
        configuration.Reload();
        (await client.GetStringAsync("/health")).Should().Be("Healthy");
    }

    [Fact]
    public async Task Health_IsUnhealthy_WhenAStoreProbeFails()
    {
        await using var app = new ProbeFactory();
        var report = await app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();

        report.Entries["agentguard"].Status.Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        report.Entries["agentguard"].Description.Should().Be("AgentGuard store unreachable: test-store: connection refused");
    }

    private static async Task<PendingApproval> WaitForPendingAsync(HttpClient approver)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var pending = await approver.GetFromJsonAsync<List<PendingApproval>>(Api);
            if (pending is [var first, ..])
            {
                return first;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no call became pending");
    }

    private sealed class ProbeFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
            => builder.ConfigureServices(services => services.AddSingleton<IAgentGuardHealthProbe, FailingProbe>());
    }

    private sealed class FailingProbe : IAgentGuardHealthProbe
    {
        public string Name => "test-store";

        public ValueTask<string?> ProbeAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>("connection refused");
    }
}
