using AgentGuard.Data;
using AgentGuard.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds AgentGuard to a <c>DbContext</c>: <c>options.UseNpgsql(cs).UseAgentGuard(services)</c>.</summary>
public static class AgentGuardDbContextOptionsExtensions
{
    /// <summary>
    /// Decides every statement the context sends (register AgentGuard with <c>AddAgentGuard(...).AddData(...)</c> first).
    /// </summary>
    /// <param name="options">The context's options builder.</param>
    /// <param name="services">The service provider AgentGuard is registered in.</param>
    /// <param name="name">The database's name in events and rules; the connection's database name when null.</param>
    /// <exception cref="InvalidOperationException">The database guard is not registered.</exception>
    public static DbContextOptionsBuilder UseAgentGuard(this DbContextOptionsBuilder options, IServiceProvider services, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var guard = services.GetService<DatabaseGuard>()
            ?? throw new InvalidOperationException("The database guard is not registered: call services.AddAgentGuard(...).AddData(...) before UseAgentGuard on a DbContext.");
        return options.AddInterceptors(new AgentGuardDbCommandInterceptor(guard, name));
    }

    /// <summary>As <see cref="UseAgentGuard(DbContextOptionsBuilder, IServiceProvider, string?)"/>, keeping the context type.</summary>
    public static DbContextOptionsBuilder<TContext> UseAgentGuard<TContext>(this DbContextOptionsBuilder<TContext> options, IServiceProvider services, string? name = null)
        where TContext : DbContext
        => (DbContextOptionsBuilder<TContext>)UseAgentGuard((DbContextOptionsBuilder)options, services, name);
}
