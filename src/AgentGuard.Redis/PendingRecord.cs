namespace AgentGuard.Redis;

/// <summary>One decided call to record: the session, its limits (trim length, expiry) and the encoded history entry.</summary>
internal readonly record struct PendingRecord(string SessionId, SessionLimits Limits, byte[] Entry);
