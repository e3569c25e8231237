using AgentGuard;
using AgentGuard.Onnx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a local ONNX prompt-injection classifier to the result screen:
/// <c>services.AddAgentGuard(config.GetSection("AgentGuard")).AddOnnxInjectionClassifier(config.GetSection("AgentGuard:Onnx"))</c>.
/// It scores after the deterministic detector, within the policy's <c>EvaluationTimeout</c>; the higher score stands.
/// </summary>
public static class OnnxClassifierBuilderExtensions
{
    /// <summary>Uses the model and tokenizer named by a configuration section (<see cref="OnnxClassifierOptions"/>).</summary>
    public static AgentGuardBuilder AddOnnxInjectionClassifier(this AgentGuardBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<OnnxClassifierOptions>().Bind(section);
        return builder.AddOnnxCore();
    }

    /// <summary>Uses the model and tokenizer set by <paramref name="configure"/>.</summary>
    public static AgentGuardBuilder AddOnnxInjectionClassifier(this AgentGuardBuilder builder, Action<OnnxClassifierOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<OnnxClassifierOptions>().Configure(configure);
        return builder.AddOnnxCore();
    }

    private static AgentGuardBuilder AddOnnxCore(this AgentGuardBuilder builder)
    {
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(OnnxInjectionClassifier)))
        {
            // Start-up validation of the AgentGuard section then knows the keys under AgentGuard:Onnx.
            services.AddSingleton(AgentGuardSection.For<OnnxClassifierOptions>("Onnx"));
        }

        services.AddOptions<OnnxClassifierOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnnxClassifierOptions>, OnnxClassifierOptionsValidator>());
        services.TryAddSingleton(sp => new OnnxInjectionClassifier(
            sp.GetRequiredService<IOptions<OnnxClassifierOptions>>().Value,
            sp.GetService<ILogger<OnnxInjectionClassifier>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInjectionClassifier, OnnxInjectionClassifier>(sp => sp.GetRequiredService<OnnxInjectionClassifier>()));
        return builder;
    }
}
