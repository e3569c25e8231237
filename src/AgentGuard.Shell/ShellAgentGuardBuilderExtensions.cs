using AgentGuard;
using AgentGuard.Shell;
using AgentGuard.Shell.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the guarded shell: <c>services.AddAgentGuard(section).AddShell(section)</c>.</summary>
public static class ShellAgentGuardBuilderExtensions
{
    /// <summary>Adds <see cref="IGuardedShell"/>, configured in code.</summary>
    public static AgentGuardBuilder AddShell(this AgentGuardBuilder builder, Action<AgentGuardShellOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AgentGuardShellOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(builder);
    }

    /// <summary>Adds <see cref="IGuardedShell"/>, bound to the <c>Shell</c> child of the <c>AgentGuard</c> section.</summary>
    /// <param name="builder">The AgentGuard builder.</param>
    /// <param name="agentGuardSection">The <c>AgentGuard</c> configuration section (its <c>Shell</c> child is bound).</param>
    public static AgentGuardBuilder AddShell(this AgentGuardBuilder builder, IConfiguration agentGuardSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agentGuardSection);
        builder.Services.AddOptions<AgentGuardShellOptions>().Bind(agentGuardSection.GetSection("Shell"));
        return AddCore(builder);
    }

    private static AgentGuardBuilder AddCore(AgentGuardBuilder builder)
    {
        builder.Services.AddSingleton(AgentGuardSection.For<AgentGuardShellOptions>("Shell"));
        builder.Services.AddOptions<AgentGuardShellOptions>()
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxOutputChars > 0, "AgentGuard:Shell needs a positive Timeout and a positive MaxOutputChars.")
            .Validate(o => BashLocator.Locate(o.ShellPath).Error is null, "AgentGuard:Shell: bash was not found or ShellPath is not a bash; the guarded shell runs lines with bash only (install bash or set ShellPath to it).");
        builder.Services.TryAddSingleton<IGuardedShell>(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<AgentGuardShellOptions>>();
            if (BashLocator.Locate(options.CurrentValue.ShellPath).Error is { } error)
            {
                throw new InvalidOperationException(error);
            }

            return new GuardedShell(sp.GetRequiredService<ToolGuard>(), options, (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<GuardedShell>());
        });
        return builder;
    }
}
