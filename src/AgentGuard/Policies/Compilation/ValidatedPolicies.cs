using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>
/// Hands the policy the options validator compiled to <see cref="PolicyProvider"/>, so a load or reload compiles the
/// policy once rather than twice (the validator compiles to report every problem; the provider needs the result).
/// Keyed by the options instance, weakly: an instance nobody compiles again is forgotten with it.
/// </summary>
internal sealed class ValidatedPolicies
{
    private readonly ConditionalWeakTable<AgentGuardOptions, CompiledPolicy> _compiled = [];

    /// <summary>Remembers the policy compiled from <paramref name="options"/>.</summary>
    public void Remember(AgentGuardOptions options, CompiledPolicy policy) => _compiled.AddOrUpdate(options, policy);

    /// <summary>The policy the validator compiled from this very instance (taken once), or a fresh compilation.</summary>
    public CompiledPolicy Compile(AgentGuardOptions options)
        => _compiled.TryGetValue(options, out var policy) && _compiled.Remove(options) ? policy : PolicyCompiler.Compile(options);
}
