namespace AgentGuard;

/// <summary>
/// An optional, host-supplied scorer of injected instructions (e.g. an ML classifier). It runs after the built-in
/// deterministic detector, within the policy's <c>EvaluationTimeout</c>; when it is late or fails, the deterministic
/// score stands and the finding <c>injection:classifier-unavailable</c> is recorded. Register it with
/// <see cref="Microsoft.Extensions.DependencyInjection.InjectionClassifierBuilderExtensions.AddInjectionClassifier{TClassifier}(AgentGuardBuilder)"/>.
/// </summary>
public interface IInjectionClassifier
{
    /// <summary>Returns 0 (no injected instructions) to 1 (certainly injected) for <paramref name="text"/>.</summary>
    ValueTask<double> ScoreAsync(string text, CancellationToken cancellationToken);
}
