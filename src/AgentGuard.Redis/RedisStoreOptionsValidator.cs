using Microsoft.Extensions.Options;

namespace AgentGuard.Redis;

/// <summary>Validates <see cref="RedisStoreOptions"/> at start, listing every problem with the key to fix.</summary>
internal sealed class RedisStoreOptionsValidator(RedisMultiplexerSource source) : IValidateOptions<RedisStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisStoreOptions options)
    {
        var problems = RedisStoreSettings.Validate(options, source.Multiplexer is not null);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>The host's multiplexer, when <c>AddRedis(IConnectionMultiplexer)</c> was used.</summary>
internal sealed class RedisMultiplexerSource(StackExchange.Redis.IConnectionMultiplexer? multiplexer)
{
    public StackExchange.Redis.IConnectionMultiplexer? Multiplexer { get; } = multiplexer;
}
