using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>Creates the function-call guard from a service provider.</summary>
internal static class ChatGuardFactory
{
    public static FunctionCallGuard Create(IServiceProvider? services)
    {
        var toolGuard = services?.GetService<ToolGuard>()
            ?? throw new InvalidOperationException(
                "AgentGuard is not registered in the service provider the chat pipeline was built with. "
                + "Call services.AddAgentGuard(configuration.GetSection(\"AgentGuard\")) and build the pipeline with Build(serviceProvider) "
                + "(AddChatClient does this for you).");
        var approvals = services.GetService<ApprovalFlow>() ?? CreateApprovalFlow(services);
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("AgentGuard.Extensions.AI");
        return new FunctionCallGuard(toolGuard, approvals, logger);
    }

    public static ApprovalFlow CreateApprovalFlow(IServiceProvider services)
    {
        var options = services.GetService<IOptions<ChatClientGuardOptions>>()?.Value ?? new ChatClientGuardOptions();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ApprovalFlow(time, options.ApprovalLifetimeValue, services.GetService<IApprovalStore>());
    }

    /// <summary>The guard of rendered URLs in replies, registered with AgentGuard (<see cref="Create"/> has checked that it is).</summary>
    public static ReplyGuard Replies(IServiceProvider? services) => services!.GetRequiredService<ReplyGuard>();

    public static IChatClient Guard(IChatClient client, IServiceProvider services)
        => client.GetService<AgentGuardChatClient>() is not null ? client : new AgentGuardChatClient(client, Create(services), Replies(services));
}
