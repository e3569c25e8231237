namespace AgentGuard.Redis;

/// <summary>
/// Configuration of the Redis-backed session, rate-limit and approval stores (section <c>AgentGuard:Redis</c> by
/// convention). Validated at start: a missing key prefix or HMAC key, or an unknown fail-safe mode, stops the host.
/// </summary>
public sealed class RedisStoreOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6380,ssl=true</c>. Not needed when a multiplexer is given.</summary>
    public string? Configuration { get; set; }

    /// <summary>The password (overrides one in <see cref="Configuration"/>); keep it in a secret store, not in appsettings.</summary>
    public string? Password { get; set; }

    /// <summary>The ACL user name (Redis 6+).</summary>
    public string? User { get; set; }

    /// <summary>Connect with TLS (overrides <c>ssl=</c> in <see cref="Configuration"/>).</summary>
    public bool? Ssl { get; set; }

    /// <summary>Prefix of every key, one per application sharing the Redis (e.g. <c>agentguard:billing-agent</c>). Required.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>
    /// The key for the HMAC of values sessions saw (base64, at least 32 bytes). Required: Redis stores only keyed hashes
    /// of prompt and result values, never the text. All replicas of an application need the same key.
    /// </summary>
    public string? HmacKey { get; set; }

    /// <summary>The budget for one round trip (default 250 ms). Beyond it the decision takes the fail-safe path.</summary>
    public string OperationTimeout { get; set; } = "00:00:00.250";

    /// <summary>
    /// What a rule that needs session state decides while Redis is unavailable: <c>RuleOnError</c> (default: each rule's
    /// <c>OnError</c>), <c>Deny</c>, <c>RequireApproval</c> or <c>AllowWithAlert</c>. Rules that need no state are unaffected.
    /// </summary>
    public string OnUnavailable { get; set; } = "RuleOnError";

    /// <summary>Consecutive failures that open the circuit (default 3): then decisions stop waiting for Redis.</summary>
    public int BreakAfterFailures { get; set; } = 3;

    /// <summary>How long the circuit stays open before one probe call tries Redis again (default 5 s).</summary>
    public string BreakDuration { get; set; } = "00:00:05";

    /// <summary>The most seen-value hashes kept per session (default 16,384); beyond it random ones are dropped.</summary>
    public int MaxSeenValues { get; set; } = 16 * 1024;
}
