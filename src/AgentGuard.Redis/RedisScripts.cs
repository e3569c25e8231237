namespace AgentGuard.Redis;

/// <summary>The Lua scripts (embedded resources), each one atomic operation on a session or a counter.</summary>
internal static class RedisScripts
{
    /// <summary>The scripted reads of one decision (seen values, rate-limit hits) plus the prompt's tokens.</summary>
    public static readonly string Decide = Load("trim") + Load("decide");

    /// <summary>A tool result: labels, attach them to the call, seen values.</summary>
    public static readonly string Result = Load("trim") + Load("result");

    /// <summary>Claim a pending approval once, leaving a tombstone.</summary>
    public static readonly string Claim = Load("claim");

    private static string Load(string name)
    {
        using var stream = typeof(RedisScripts).Assembly.GetManifestResourceStream("AgentGuard.Redis.Scripts." + name + ".lua")
            ?? throw new InvalidOperationException($"The embedded script '{name}.lua' is missing from AgentGuard.Redis.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
