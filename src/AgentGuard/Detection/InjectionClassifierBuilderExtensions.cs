using AgentGuard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a host-supplied <see cref="IInjectionClassifier"/>.</summary>
public static class InjectionClassifierBuilderExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TClassifier"/> as a second opinion on tool results. Its score is combined with the
    /// deterministic detector's (the higher wins), within the policy's <c>EvaluationTimeout</c>.
    /// </summary>
    public static AgentGuardBuilder AddInjectionClassifier<TClassifier>(this AgentGuardBuilder builder)
        where TClassifier : class, IInjectionClassifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInjectionClassifier, TClassifier>());
        return builder;
    }

    /// <summary>Adds a classifier instance.</summary>
    public static AgentGuardBuilder AddInjectionClassifier(this AgentGuardBuilder builder, IInjectionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(classifier);
        builder.Services.AddSingleton(classifier);
        return builder;
    }
}
