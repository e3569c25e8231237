using AgentGuard;
using AgentGuard.Extensions.AI;
using AgentGuard.Extensions.AI.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Guards the chat clients registered in DI, by configuration, with no change to their pipelines.</summary>
public static class AgentGuardChatClientServiceExtensions
{
    /// <summary>
    /// Decorates every <see cref="IChatClient"/> registered so far (<c>AddChatClient</c>, <c>AddKeyedChatClient</c>)
    /// so that, when <c>AgentGuard:ChatClients:GuardAll</c> is true, its function calls are guarded as if the pipeline
    /// called <c>UseAgentGuard()</c>. Call it after the chat clients are registered; the section is read from the
    /// app's root <see cref="IConfiguration"/>.
    /// </summary>
    public static AgentGuardBuilder AddChatClientGuard(this AgentGuardBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ChatClientGuardOptions>()
            .Configure<IServiceProvider>((options, services) => services.GetService<IConfiguration>()?.GetSection(ChatClientGuardOptions.SectionPath).Bind(options));
        return builder.AddChatClientGuardCore();
    }

    /// <summary>
    /// As <see cref="AddChatClientGuard(AgentGuardBuilder)"/>, reading <c>ChatClients</c> from the given
    /// <c>AgentGuard</c> section (the one passed to <c>AddAgentGuard</c>).
    /// </summary>
    public static AgentGuardBuilder AddChatClientGuard(this AgentGuardBuilder builder, IConfiguration agentGuardSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agentGuardSection);
        builder.Services.AddOptions<ChatClientGuardOptions>().Bind(agentGuardSection.GetSection("ChatClients"));
        return builder.AddChatClientGuardCore();
    }

    /// <summary>As <see cref="AddChatClientGuard(AgentGuardBuilder)"/>, configured in code.</summary>
    public static AgentGuardBuilder AddChatClientGuard(this AgentGuardBuilder builder, Action<ChatClientGuardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ChatClientGuardOptions>().Configure(configure);
        return builder.AddChatClientGuardCore();
    }

    private static AgentGuardBuilder AddChatClientGuardCore(this AgentGuardBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(AgentGuardSection.For<ChatClientGuardOptions>("ChatClients"));
        builder.AddChatClientMediationProbe();
        services.TryAddSingleton(ChatGuardFactory.CreateApprovalFlow);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatClientGuardOptions>>(new RegistrationOrderValidator(services)));
        ChatClientDecoration.DecorateAll(services);
        return builder;
    }

    /// <summary>Reports chat clients registered after <c>AddChatClientGuard()</c>, which it could not decorate.</summary>
    private sealed class RegistrationOrderValidator(IServiceCollection services) : IValidateOptions<ChatClientGuardOptions>
    {
        public ValidateOptionsResult Validate(string? name, ChatClientGuardOptions options)
        {
            if (!options.GuardAll)
            {
                return ValidateOptionsResult.Success;
            }

            var missed = services.Count(d => d.ServiceType == typeof(IChatClient) && !ServiceDecoration<IChatClient>.IsDecoratedBy(d, ChatClientDecoration.Wrap));
            return missed == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"AgentGuard:ChatClients:GuardAll is true but {missed} IChatClient registration(s) were added after AddChatClientGuard() and are not guarded. "
                    + "Call AddAgentGuard(...).AddChatClientGuard() after AddChatClient/AddKeyedChatClient.");
        }
    }
}
