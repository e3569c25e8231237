using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace AgentGuard.Redis;

/// <summary>Logs (event ids 38xx) and metrics (meter <c>AgentGuard.Redis</c>) of the Redis stores.</summary>
internal sealed partial class RedisStoreDiagnostics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "AgentGuard.Redis";

    private readonly Meter _meter;
    private readonly ILogger _logger;
    private readonly Counter<long> _unavailable;
    private readonly Counter<long> _writeFailures;
    private readonly Histogram<double> _roundTrip;

    public RedisStoreDiagnostics(IMeterFactory? meterFactory, ILogger logger, Func<bool> circuitOpen)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _logger = logger;
        _unavailable = _meter.CreateCounter<long>("agentguard.redis.unavailable", "{operation}", "Reads answered by the fail-safe because Redis was unavailable, slow or the circuit was open.");
        _writeFailures = _meter.CreateCounter<long>("agentguard.redis.write_failures", "{operation}", "Writes (history, labels, seen values, approvals) Redis did not take.");
        _roundTrip = _meter.CreateHistogram<double>("agentguard.redis.round_trip", "ms", "Duration of the one read round trip of a decision.");
        _meter.CreateObservableGauge("agentguard.redis.circuit_open", () => circuitOpen() ? 1 : 0, "{state}", "1 while the circuit is open and decisions do not wait for Redis.");
    }

    public void Unavailable(string operation, Exception? exception)
    {
        _unavailable.Add(1, new KeyValuePair<string, object?>("operation", operation));
        if (exception is not null)
        {
            LogReadFailed(exception, operation);
        }
    }

    public void WriteFailed(string operation, Exception exception)
    {
        _writeFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));
        LogWriteFailed(exception, operation);
    }

    public void RoundTrip(TimeSpan elapsed)
    {
        if (_roundTrip.Enabled)
        {
            _roundTrip.Record(elapsed.TotalMilliseconds);
        }
    }

    public void CircuitChanged(bool open, int failures, TimeSpan pause)
    {
        if (open)
        {
            LogCircuitOpened(failures, pause);
        }
        else
        {
            LogCircuitClosed();
        }
    }

    public void Dispose() => _meter.Dispose();

    [LoggerMessage(3801, LogLevel.Warning, "Redis did not answer the {Operation} read in time or failed; rules that need session state take their fail-safe outcome.")]
    private partial void LogReadFailed(Exception exception, LogText operation);

    [LoggerMessage(3802, LogLevel.Warning, "Redis did not take the {Operation} write; the decision was audited locally.")]
    private partial void LogWriteFailed(Exception exception, LogText operation);

    [LoggerMessage(3803, LogLevel.Error, "Redis circuit opened after {Failures} consecutive failures: for {Pause} decisions do not wait for Redis and rules that need session state take their fail-safe outcome.")]
    private partial void LogCircuitOpened(int failures, TimeSpan pause);

    [LoggerMessage(3804, LogLevel.Information, "Redis answered again; the circuit is closed and session state is shared again.")]
    private partial void LogCircuitClosed();
}
