using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentGuard.Benchmarks;

/// <summary>A redis-server on a free loopback port in a temporary folder, without persistence, for the Redis measurements.</summary>
internal sealed class LoopbackRedis : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agentguard-bench-redis-").FullName;
    private readonly Process _process;

    public LoopbackRedis()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder, "--save", string.Empty, "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = ConnectionMultiplexer.Connect(Configuration + ",connectTimeout=200");
                if (probe.IsConnected)
                {
                    return;
                }
            }
            catch (RedisConnectionException)
            {
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException("redis-server did not answer");
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>An engine on this Redis, the way an app registers it.</summary>
    public IServiceProvider Host(AgentGuardOptions policy, string prefix = "agentguard:bench", Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(options =>
        {
            foreach (var (name, tool) in policy.Tools)
            {
                options.Tools[name] = tool;
            }

            options.Rules.AddRange(policy.Rules);
        }).AddRedis(Configuration, options =>
        {
            options.KeyPrefix = prefix;
            options.HmacKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        });
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
