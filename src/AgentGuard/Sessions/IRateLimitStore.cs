namespace AgentGuard;

/// <summary>Sliding-window counters for <c>When.RateLimit</c>, one per rule and key. The default keeps them in process.</summary>
public interface IRateLimitStore
{
    /// <summary>Records a call and returns how many calls (including it) fall within <paramref name="window"/> before <paramref name="now"/>.</summary>
    long Hit(string ruleId, string key, DateTimeOffset now, TimeSpan window);
}
