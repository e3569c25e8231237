using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The HTTP handler's overhead (issue #6 target: ≤ 2% on a loopback request): the same GET to a local HttpListener
/// through a plain factory client and through a guarded one, plus the handler alone in front of a no-network handler,
/// for that GET and for a POST of a 1 KB JSON payment (its body is scanned and, since the 35th session, in the arguments).
/// </summary>
[MemoryDiagnoser]
public class HttpBenchmarks
{
    private HttpListener _listener = null!;
    private CancellationTokenSource _stop = null!;
    private Task _loop = null!;
    private Uri _address = null!;
    private HttpClient _plain = null!;
    private HttpClient _guarded = null!;
    private HttpMessageInvoker _guardOnly = null!;
    private HttpMessageInvoker _stubOnly = null!;
    private string _payment = null!;

    [GlobalSetup]
    public void Setup()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _address = new Uri($"http://127.0.0.1:{port}/ping?x=1");
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _stop = new CancellationTokenSource();
        _loop = Task.Run(ServeAsync);

        var json = """
        { "AgentGuard": { "Rules": [
          { "Id": "egress", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"] }, "When": { "Arguments": [ { "Path": "$.host", "NotOneOf": ["127.0.0.1", "localhost"] } ] } },
          { "Id": "no-secrets", "Effect": "Deny", "Match": { "Tags": ["secret-in-request"] } } ] } }
        """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard")).AddHttp();
        services.AddHttpClient("plain");
        services.AddHttpClient("guarded").AddAgentGuard();
        var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        _plain = factory.CreateClient("plain");
        _guarded = factory.CreateClient("guarded");

        var guard = provider.GetRequiredService<ToolGuard>();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AgentGuard.Http.AgentGuardHttpOptions>>();
        _guardOnly = new HttpMessageInvoker(new AgentGuard.Http.AgentGuardHttpHandler(guard, options) { InnerHandler = new StubHandler() });
        _stubOnly = new HttpMessageInvoker(new StubHandler());
        var lines = string.Join(',', Enumerable.Range(1, 12).Select(i => $$"""{"sku":"SKU-{{i:D5}}","description":"monthly service, line {{i}}","amount":{{i * 10}}}"""));
        _payment = $$"""{"payee":"DE89 3704 0044 0532 0130 00","currency":"EUR","reference":"invoice 2026-114","lines":[{{lines}}]}""";
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
    }

    [Benchmark(Baseline = true, Description = "loopback GET, plain client")]
    public async Task<int> Plain()
    {
        using var response = await _plain.GetAsync(_address);
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "loopback GET, guarded client")]
    public async Task<int> Guarded()
    {
        using var response = await _guarded.GetAsync(_address);
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "handler alone (no network): stub")]
    public async Task<int> StubOnly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _address);
        using var response = await _stubOnly.SendAsync(request, CancellationToken.None);
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "handler alone (no network): guard + stub")]
    public async Task<int> GuardOnly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _address);
        using var response = await _guardOnly.SendAsync(request, CancellationToken.None);
        return (int)response.StatusCode;
    }

    [Benchmark(Description = "handler alone (no network): guard + stub, POST of a 1 KB JSON body")]
    public async Task<int> GuardOnlyJsonPost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _address) { Content = new StringContent(_payment, Encoding.UTF8, "application/json") };
        using var response = await _guardOnly.SendAsync(request, CancellationToken.None);
        return (int)response.StatusCode;
    }

    private async Task ServeAsync()
    {
        var body = "ok"u8.ToArray();
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private sealed class StubHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
