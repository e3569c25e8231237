using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentGuard.Http.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 (and, when asked, on <c>localhost</c>) that counts the requests that reach it.
/// <c>/redirect?status=302&amp;to=URL</c> answers with that redirect.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<string> _received = [];

    public LoopbackServer(bool alsoAsLocalhost = false)
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        if (alsoAsLocalhost)
        {
            _listener.Prefixes.Add($"http://localhost:{Port}/");
        }

        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
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

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                lock (_received)
                {
                    _received.Add($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery} {body}");
                }
            }

            if (context.Request.Url!.AbsolutePath == "/redirect" && context.Request.QueryString["to"] is { } target)
            {
                context.Response.StatusCode = int.Parse(context.Request.QueryString["status"] ?? "302", System.Globalization.CultureInfo.InvariantCulture);
                context.Response.RedirectLocation = target;
                context.Response.ContentLength64 = 0;
                context.Response.Close();
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes("ok");
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
