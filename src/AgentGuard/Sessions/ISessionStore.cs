namespace AgentGuard;

/// <summary>
/// Where sessions live: their history of calls, labels and the values they saw. The default keeps them in process;
/// <c>AgentGuard.Redis</c> shares them between replicas. Register one to replace the default.
/// </summary>
public interface ISessionStore
{
    /// <summary>
    /// True when the store cannot answer reads in process and needs <see cref="SessionRequest.Reads"/> declared up front
    /// (one round trip per decision). False for the in-memory store, which reads live state and allocates nothing.
    /// </summary>
    bool ReadsAhead { get; }

    /// <summary>
    /// Opens the state one decision (or one result) reads and writes. Never throws for an unreachable backend: the view
    /// it returns throws <see cref="SessionStoreUnavailableException"/> from its reads instead, so each rule that needs
    /// session state yields its fail-safe outcome. The in-memory store completes synchronously.
    /// </summary>
    ValueTask<ISessionView> OpenAsync(SessionRequest request, CancellationToken cancellationToken);
}
