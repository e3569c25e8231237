namespace AgentGuard.Redis;

/// <summary>
/// A kind of write the store sends without waiting (the call record, a result, a released rate-limit reservation),
/// named in the failure log and metric. One instance per kind and store, passed as the state of the continuation that
/// observes a write's failure, so observing it allocates no state per write.
/// </summary>
/// <param name="diagnostics">Where failures are logged and counted.</param>
/// <param name="name">The operation's name in the log and the metric.</param>
internal sealed class WriteOperation(RedisStoreDiagnostics diagnostics, string name)
{
    public string Name => name;

    /// <summary>Logs and counts a write of this kind that was not taken.</summary>
    public void Failed(Exception exception) => diagnostics.WriteFailed(name, exception);
}
