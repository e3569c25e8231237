using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Redis.Tests;

/// <summary>The <c>agentguard.redis.write_failures</c> one replica reports, by operation; register with <see cref="Register"/>.</summary>
internal sealed class WriteFailures : IDisposable
{
    private readonly OwnMeters _meters = new();
    private readonly MeterListener _listener;
    private readonly List<string> _operations = [];

    public WriteFailures()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == _meters && instrument.Name == "agentguard.redis.write_failures")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (_operations)
            {
                _operations.Add(tags.ToArray().Single(t => t.Key == "operation").Value!.ToString()!);
            }
        });
        _listener.Start();
    }

    /// <summary>The operations of the failures so far, one entry per failure.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_operations)
            {
                return [.. _operations];
            }
        }
    }

    /// <summary>Makes the replica's meters this listener's own.</summary>
    public void Register(AgentGuardBuilder builder) => builder.Services.AddSingleton<IMeterFactory>(_meters);

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }
}
