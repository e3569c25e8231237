using System.Net.Http.Json;
using System.Text.Json;
using AgentGuard.AspNetCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentGuard.AspNetCore.Tests;

/// <summary>
/// The web sample on Kestrel, driven by a person in a real headless Chromium (Debian's <c>/usr/bin/chromium</c>; no
/// browser download): a user asks the agent to pay, an approver reads the exact call on the page and answers it.
/// </summary>
public sealed class BrowserApprovalTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly SampleAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _app.KestrelAddress = new Uri(_baseUrl);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Approver_ReadsTheExactCallInTheBrowser_Approves_AndTheAgentPays()
    {
        var alice = await _app.SignInAsync("alice");
        var chat = alice.PostAsJsonAsync("/chat/conv-browser", new { message = "pay 900 to ACME Ltd for <img src=x onerror=alert(document.cookie)> invoice 7" });
        await WaitForPendingAsync("bob");
        var page = await _browser!.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { Interlocked.Increment(ref dialogs); _ = dialog.DismissAsync(); };

        await page.GotoAsync(_baseUrl + "/demo/signin/bob");

        page.Url.Should().EndWith("/agentguard/approvals");
        var call = page.Locator("section.call");
        await Expect(call).ToHaveCountAsync(1);
        await Expect(call.Locator("h2.tool")).ToHaveTextAsync("wire_funds");
        var arguments = await call.Locator("pre.arguments").InnerTextAsync();
        arguments.Should().Contain("\"to\": \"ACME Ltd\"").And.Contain("\"amount\": 900").And.Contain("\"pin\": \"[REDACTED]\"").And.NotContain("4921");
        arguments.Should().Contain("<img src=x onerror=alert(document.cookie)>", "the model's markup is shown as text");
        await Expect(call).ToContainTextAsync("approve-wires");
        await Expect(call).ToContainTextAsync("every wire transfer needs a second person");
        await Expect(call).ToContainTextAsync("alice");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "agentguard-approvals.png"), FullPage = true });

        await call.Locator("input.reason").FillAsync("invoice 7 checked");
        await call.Locator("button.approve").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Approved: the call runs.");
        await Expect(call).ToHaveCountAsync(0);
        using var reply = await chat;
        (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString().Should().Be("Result: sent 900 to ACME Ltd");
        dialogs.Should().Be(0, "no script from the arguments ran");
        var approval = _app.Audit.Records.Single(r => r.Approval != null).Approval!;
        approval.Outcome.Should().Be(ApprovalOutcome.Approved);
        approval.Approver.Should().Be("bob");
        approval.Reason.Should().Be("invoice 7 checked");
    }

    [Fact]
    public async Task Approver_RejectsWithAReasonInTheBrowser_AndTheAgentIsToldTheCallDidNotRun()
    {
        var alice = await _app.SignInAsync("alice");
        var chat = alice.PostAsJsonAsync("/chat/conv-reject", new { message = "pay 7000 to Unknown Payee" });
        await WaitForPendingAsync("bob");
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/demo/signin/bob");
        var call = page.Locator("section.call");

        await call.Locator("button.reject").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Give a reason to reject a call.");
        await Expect(call).ToHaveCountAsync(1);
        await call.Locator("input.reason").FillAsync("payee not on the vendor list");
        await call.Locator("button.reject").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Rejected: the call was not run.");
        using var reply = await chat;
        (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString().Should().Contain("wire_funds was not run");
        _app.Audit.Records.Single(r => r.Approval != null).Approval!.Should().Be(
            new ApprovalAuditEntry(ApprovalOutcome.Rejected, _app.Audit.Records.Single(r => r.Approval != null).Approval!.Fingerprint, "bob", "payee not on the vendor list"));
    }

    private async Task WaitForPendingAsync(string approver)
    {
        var queue = _app.Services.GetRequiredService<WebApprovalQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (queue.ListFor(approver).Count == 0)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the agent's call should be waiting for approval");
            await Task.Delay(50);
        }
    }
}
