namespace AgentGuard.Policies;

/// <summary>
/// A lock made of one <see cref="int"/> field, for state whose critical sections are short: taken with one
/// compare-exchange and released with a plain release write. Uncontended it costs a quarter of a monitor's enter and
/// exit, and unlike a <see cref="Lock"/> it is not an object of its own. Not reentrant. A waiter spins, then yields
/// (<see cref="SpinWait"/>), so a holder that is preempted is not starved.
/// </summary>
internal static class SpinGate
{
    /// <summary>Takes the gate; dispose the scope to release it.</summary>
    public static Scope Enter(ref int gate)
    {
        if (Interlocked.CompareExchange(ref gate, 1, 0) != 0)
        {
            Wait(ref gate);
        }

        return new Scope(ref gate);
    }

    private static void Wait(ref int gate)
    {
        var spin = default(SpinWait);
        do
        {
            spin.SpinOnce();
        }
        while (Volatile.Read(ref gate) != 0 || Interlocked.CompareExchange(ref gate, 1, 0) != 0);
    }

    /// <summary>The gate held; <see cref="Dispose"/> releases it.</summary>
    public ref struct Scope
    {
        private readonly ref int _gate;

        internal Scope(ref int gate) => _gate = ref gate;

        /// <summary>Releases the gate.</summary>
        public readonly void Dispose() => Volatile.Write(ref _gate, 0);
    }
}
