using System.Globalization;
using StackExchange.Redis;

namespace AgentGuard.Redis;

/// <summary>
/// The key layout. Every key starts with the application's prefix as a hash tag (<c>{prefix}:</c>): h = history (list),
/// l = labels (set), v = seen-value hashes (set), r = rate-limit window (sorted set; the rule id length-prefixed), a = pending approval (string).
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public RedisKey History(string sessionId) => prefix + "h:" + sessionId;

    public RedisKey Labels(string sessionId) => prefix + "l:" + sessionId;

    public RedisKey Seen(string sessionId) => prefix + "v:" + sessionId;

    /// <summary>
    /// A rate-limit window: the rule id is written with its length in front, so no rule id and key can spell another
    /// rule's key (rule <c>quota</c> counting tool <c>send:s:victim</c> is not rule <c>quota:t:send</c> counting session
    /// <c>victim</c>).
    /// </summary>
    public RedisKey RateLimit(string ruleId, string key)
        => string.Create(CultureInfo.InvariantCulture, $"{prefix}r:{ruleId.Length}:{ruleId}:{key}");

    public RedisKey Approval(string requestId) => prefix + "a:" + requestId;
}
