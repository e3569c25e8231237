namespace AgentGuard.Redis;

/// <summary>
/// A circuit breaker: after <c>BreakAfterFailures</c> consecutive failures calls stop waiting for Redis for
/// <c>BreakDuration</c>; then one probe is let through, and its success closes the circuit again. Thread-safe.
/// </summary>
internal sealed class RedisCircuit(int breakAfter, TimeSpan breakDuration, TimeProvider time)
{
    private readonly object _gate = new();
    private int _failures;
    private long _openUntil;
    private bool _probing;

    /// <summary>Raised (outside the lock) when the circuit opens (<see langword="true"/>) or closes (<see langword="false"/>).</summary>
    public event Action<bool>? StateChanged;

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _failures >= breakAfter;
            }
        }
    }

    /// <summary>True when a call may go to Redis now: the circuit is closed, or it is time for the one probe.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_failures < breakAfter)
            {
                return true;
            }

            if (_probing || time.GetTimestamp() < _openUntil)
            {
                return false;
            }

            _probing = true;
            return true;
        }
    }

    public void Succeeded()
    {
        bool closed;
        lock (_gate)
        {
            closed = _failures >= breakAfter;
            _failures = 0;
            _probing = false;
        }

        if (closed)
        {
            StateChanged?.Invoke(false);
        }
    }

    public void Failed()
    {
        bool opened;
        lock (_gate)
        {
            _failures++;
            _probing = false;
            opened = _failures == breakAfter;
            if (_failures >= breakAfter)
            {
                _openUntil = time.GetTimestamp() + (long)(breakDuration.TotalSeconds * time.TimestampFrequency);
            }
        }

        if (opened)
        {
            StateChanged?.Invoke(true);
        }
    }
}
