using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace AgentGuard.AspNetCore.Tests;

/// <summary>The web sample, in memory (or on Kestrel for the browser), with a recording audit sink and editable configuration.</summary>
public sealed class SampleAppFactory : WebApplicationFactory<Program>
{
    public RecordingAuditSink Audit { get; } = new();

    public MemoryConfigurationSource Overrides { get; } = new() { InitialData = new Dictionary<string, string?> { ["AgentGuard:Approval:Timeout"] = "00:00:30" } };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.Add(Overrides));
        builder.ConfigureServices(services => services.AddSingleton<IAuditSink>(Audit));
    }

    /// <summary>Set when the app runs on Kestrel: clients then speak real HTTP to this address.</summary>
    public Uri? KestrelAddress { get; set; }

    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = KestrelAddress is null
            ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
            : new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = KestrelAddress };
        using var response = await client.GetAsync(new Uri("/demo/signin/" + user, UriKind.Relative));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the demo sign-in sets a cookie and redirects");
        return client;
    }
}

/// <summary>Collects audit records.</summary>
public sealed class RecordingAuditSink : IAuditSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public void Write(AuditRecord record) => _records.Enqueue(record);
}
