using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The key layout. Every key starts with the application's prefix as a hash tag (<c>{prefix}:</c>): h = history (list),
/// l = labels (set), v = seen-value hashes (set), r = rate-limit window (sorted set), a = pending approval (string).
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public RedisKey History(string sessionId) => prefix + "h:" + sessionId;

    public RedisKey Labels(string sessionId) => prefix + "l:" + sessionId;

    public RedisKey Seen(string sessionId) => prefix + "v:" + sessionId;

    public RedisKey RateLimit(string ruleId, string key) => prefix + "r:" + ruleId + ":" + key;

    public RedisKey Approval(string requestId) => prefix + "a:" + requestId;
}
