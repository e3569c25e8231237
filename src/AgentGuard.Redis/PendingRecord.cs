namespace AgentGuard.Redis;

/// <summary>One decided call to record: the session, its limits (trim length, expiry) and the call.</summary>
internal readonly record struct PendingRecord(string SessionId, SessionLimits Limits, RecordedCall Call);
