using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// What a session has learnt beyond its calls: its labels, the values it has seen by origin, and the last prompt's
/// fingerprint. Kept apart from <see cref="SessionState"/> and made on first use, so a session that only decides calls
/// (the churn at the session limit) is a smaller object for the collector to promote. Guarded by its session's gate.
/// </summary>
internal sealed class SessionMemory
{
    private SeenByOrigin _seen;

    /// <summary>The session's labels (compared ignoring case), or null before the first.</summary>
    public HashSet<string>? Labels { get; set; }

    /// <summary>The last prompt seen, once a prompt has come twice (see <see cref="SessionState"/>'s prompt check).</summary>
    public WeakReference<string>? LastPrompt { get; set; }

    /// <summary>The last prompt's length; -1 before the first.</summary>
    public int LastPromptLength { get; set; } = -1;

    /// <summary>The last prompt's keyed hash.</summary>
    public ulong LastPromptHash { get; set; }

    /// <summary>Observations made so far (orders values first seen in one origin against another).</summary>
    public long Observations { get; set; }

    /// <summary>The values seen from <paramref name="origin"/>, if any.</summary>
    public SeenValues? Seen(ValueOrigin origin) => _seen[(int)origin];

    /// <summary>Keeps <paramref name="seen"/> as the values seen from <paramref name="origin"/>; returns it.</summary>
    public SeenValues SetSeen(ValueOrigin origin, SeenValues seen) => _seen[(int)origin] = seen;

    /// <summary>Bytes the seen values hold (all origins).</summary>
    public long SeenBytes
    {
        get
        {
            long bytes = 0;
            foreach (var seen in _seen)
            {
                bytes += seen?.RetainedBytes ?? 0;
            }

            return bytes;
        }
    }

    /// <summary>The seen values of each origin (<see cref="ValueOrigin"/>), held inline: one object fewer per origin seen.</summary>
    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct SeenByOrigin
    {
        private SeenValues? _first;
    }
}
