namespace AgentGuard;

/// <summary>Scores a tool result for instructions injected into it (text addressed to the model rather than the user).</summary>
public interface IInjectionDetector
{
    /// <summary>Assesses <paramref name="text"/>. Must be deterministic and fast; it runs on every result.</summary>
    InjectionAssessment Assess(string text);
}

/// <summary>How likely a text carries injected instructions, and which markers were found.</summary>
/// <param name="Score">0 (none) to 1 (certain).</param>
/// <param name="Markers">The markers found, e.g. <c>ignore-previous</c>, <c>fake-system-tag</c>, <c>zero-width</c>.</param>
public sealed record InjectionAssessment(double Score, IReadOnlyList<string> Markers)
{
    /// <summary>Nothing found.</summary>
    public static InjectionAssessment None { get; } = new(0, []);
}
