namespace AgentGuard.Policies;

/// <summary>
/// A lock made of one <see cref="int"/> field, for state whose critical sections are short: taken with one
/// compare-exchange that writes the holder's managed thread id, released with a plain release write. Uncontended it
/// costs a quarter of a monitor's enter and exit, and unlike a <see cref="Lock"/> it is not an object of its own. A
/// waiter spins, then yields (<see cref="SpinWait"/>), so a holder that is preempted is not starved.
/// </summary>
/// <remarks>
/// Not reentrant, and says so: the holding thread entering again (a callback made under the gate that calls back into
/// the guarded object) gets an <see cref="InvalidOperationException"/> rather than waiting for itself forever.
/// </remarks>
internal static class SpinGate
{
    /// <summary>Takes the gate; dispose the scope to release it.</summary>
    /// <exception cref="InvalidOperationException">The calling thread holds the gate already.</exception>
    public static Scope Enter(ref int gate)
    {
        var me = Environment.CurrentManagedThreadId;
        if (Interlocked.CompareExchange(ref gate, me, 0) != 0)
        {
            Wait(ref gate, me);
        }

        return new Scope(ref gate);
    }

    private static void Wait(ref int gate, int me)
    {
        if (Volatile.Read(ref gate) == me)
        {
            throw new InvalidOperationException("A session's state was entered again by the thread that holds it (a callback made while reading it called back into it); it is not reentrant.");
        }

        var spin = default(SpinWait);
        do
        {
            spin.SpinOnce();
        }
        while (Volatile.Read(ref gate) != 0 || Interlocked.CompareExchange(ref gate, me, 0) != 0);
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
