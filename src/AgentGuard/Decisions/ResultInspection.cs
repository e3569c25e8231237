namespace AgentGuard;

/// <summary>What the engine's result hook made of a tool's result.</summary>
public sealed class ResultInspection
{
    /// <summary>An inspection that found nothing and changed nothing.</summary>
    public static ResultInspection Unchanged { get; } = new();

    /// <summary>Labels added to the session because of this result (e.g. <c>untrusted</c>, <c>secret-seen</c>).</summary>
    public IReadOnlyList<string> AddedLabels { get; init; } = [];

    /// <summary>The result text with secrets redacted, or <see langword="null"/> when the model may see it unchanged.</summary>
    public string? RedactedText { get; init; }

    /// <summary>What the detectors found, e.g. <c>secret:aws-access-key</c>, <c>injection:ignore-previous(0.9)</c>.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>True when a finding should alert operators.</summary>
    public bool Alert { get; init; }

    /// <summary>The text the model should see: the redacted text when there is one, otherwise <paramref name="original"/>.</summary>
    public string? TextForModel(string? original) => RedactedText ?? original;
}
