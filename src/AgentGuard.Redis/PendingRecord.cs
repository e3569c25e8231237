using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>One decided call to record: the session, its limits (trim length, expiry) and the call.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Limits">The session's limits when the call was decided.</param>
/// <param name="Call">The call.</param>
/// <param name="History">The session's history key when the near-cache had it (null: built when sent).</param>
internal readonly record struct PendingRecord(string SessionId, SessionLimits Limits, RecordedCall Call, RedisKey? History = null);
