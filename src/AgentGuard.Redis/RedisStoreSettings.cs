using System.Globalization;

namespace AgentGuard.Redis;

/// <summary><see cref="RedisStoreOptions"/> parsed and checked once, at start.</summary>
internal sealed class RedisStoreSettings
{
    private RedisStoreSettings(RedisStoreOptions options, byte[] hmacKey, TimeSpan timeout, FailureMode? onUnavailable, TimeSpan breakDuration)
    {
        KeyPrefix = "{" + options.KeyPrefix + "}:";
        HmacKey = hmacKey;
        OperationTimeout = timeout;
        OnUnavailable = onUnavailable;
        BreakAfterFailures = options.BreakAfterFailures;
        BreakDuration = breakDuration;
        MaxSeenValues = options.MaxSeenValues;
    }

    /// <summary>The key prefix as a cluster hash tag, so every key of the application lives in one slot (scripts touch several).</summary>
    public string KeyPrefix { get; }

    public byte[] HmacKey { get; }

    public TimeSpan OperationTimeout { get; }

    public FailureMode? OnUnavailable { get; }

    public int BreakAfterFailures { get; }

    public TimeSpan BreakDuration { get; }

    public int MaxSeenValues { get; }

    /// <summary>Every problem with <paramref name="options"/>, each naming its key and how to fix it.</summary>
    public static List<string> Validate(RedisStoreOptions options, bool hasMultiplexer)
    {
        var problems = new List<string>();
        if (!hasMultiplexer && string.IsNullOrWhiteSpace(options.Configuration))
        {
            problems.Add("AgentGuard:Redis:Configuration is required (a StackExchange.Redis configuration string such as 'localhost:6379'), unless a multiplexer is given.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            problems.Add("AgentGuard:Redis:KeyPrefix is required: one per application sharing the Redis, e.g. 'agentguard:billing-agent'.");
        }
        else if (options.KeyPrefix.Length > 100 || options.KeyPrefix.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '{' or '}'))
        {
            problems.Add($"AgentGuard:Redis:KeyPrefix '{options.KeyPrefix}' must be at most 100 characters without white space, control characters or braces.");
        }

        if (DecodeKey(options.HmacKey) is null)
        {
            problems.Add("AgentGuard:Redis:HmacKey is required: base64 of at least 32 random bytes (e.g. 'openssl rand -base64 32'), the same on every replica.");
        }

        if (ParseDuration(options.OperationTimeout) is not { } timeout || timeout <= TimeSpan.Zero || timeout > TimeSpan.FromSeconds(30))
        {
            problems.Add($"AgentGuard:Redis:OperationTimeout '{options.OperationTimeout}' must be a duration between 0 and 30 seconds, e.g. '00:00:00.250'.");
        }

        if (ParseDuration(options.BreakDuration) is not { } pause || pause <= TimeSpan.Zero)
        {
            problems.Add($"AgentGuard:Redis:BreakDuration '{options.BreakDuration}' must be a positive duration, e.g. '00:00:05'.");
        }

        if (!TryParseMode(options.OnUnavailable, out _))
        {
            problems.Add($"AgentGuard:Redis:OnUnavailable '{options.OnUnavailable}' is not one of RuleOnError, Deny, RequireApproval, AllowWithAlert.");
        }

        if (options.BreakAfterFailures < 1)
        {
            problems.Add($"AgentGuard:Redis:BreakAfterFailures must be at least 1 (was {options.BreakAfterFailures}).");
        }

        if (options.MaxSeenValues < 16)
        {
            problems.Add($"AgentGuard:Redis:MaxSeenValues must be at least 16 (was {options.MaxSeenValues}).");
        }

        return problems;
    }

    /// <summary>Parses options that passed <see cref="Validate"/>.</summary>
    public static RedisStoreSettings From(RedisStoreOptions options)
    {
        TryParseMode(options.OnUnavailable, out var mode);
        return new RedisStoreSettings(options, DecodeKey(options.HmacKey)!, ParseDuration(options.OperationTimeout)!.Value, mode, ParseDuration(options.BreakDuration)!.Value);
    }

    private static byte[]? DecodeKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }

    private static TimeSpan? ParseDuration(string? value)
        => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static bool TryParseMode(string? value, out FailureMode? mode)
    {
        mode = null;
        if (string.Equals(value, "RuleOnError", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Enum.TryParse<FailureMode>(value, ignoreCase: true, out var parsed) && parsed is FailureMode.Deny or FailureMode.RequireApproval or FailureMode.AllowWithAlert)
        {
            mode = parsed;
            return true;
        }

        return false;
    }
}
