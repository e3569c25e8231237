using System.Diagnostics.Metrics;

namespace AgentGuard.Redis.Tests;

/// <summary>One replica's meters only (tests of other classes run at the same time with meters of the same name).</summary>
internal sealed class OwnMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
