namespace AgentGuard;

/// <summary>Bounds on the arguments AgentGuard will parse, so that hostile input costs bounded time and memory.</summary>
/// <remarks>Arguments beyond these bounds are not an error: they become <see cref="ToolArguments.IsMalformed"/> and get a fail-safe decision.</remarks>
public sealed record ToolArgumentLimits
{
    /// <summary>The limits used when none are given: 64 levels deep, 1 MiB of JSON.</summary>
    public static ToolArgumentLimits Default { get; } = new();

    /// <summary>The deepest nesting accepted. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The largest JSON text accepted, in UTF-16 characters or UTF-8 bytes. Default 1 MiB.</summary>
    public int MaxLength { get; init; } = 1024 * 1024;
}
