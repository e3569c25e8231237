using System.Data.Common;
using AgentGuard;
using AgentGuard.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the database guard: <c>services.AddAgentGuard(section).AddData(section)</c>, then guard connections with
/// <c>connection.WithAgentGuard(services)</c> or data sources with <c>dataSource.WithAgentGuard(services, "hr")</c>.
/// </summary>
public static class DataAgentGuardExtensions
{
    /// <summary>Adds the database guard with options configured in code.</summary>
    public static AgentGuardBuilder AddData(this AgentGuardBuilder builder, Action<AgentGuardDataOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AgentGuardDataOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(builder);
    }

    /// <summary>Adds the database guard bound to the <c>Data</c> child of the <c>AgentGuard</c> section.</summary>
    /// <param name="builder">The AgentGuard builder.</param>
    /// <param name="agentGuardSection">The <c>AgentGuard</c> configuration section (its <c>Data</c> child is bound).</param>
    public static AgentGuardBuilder AddData(this AgentGuardBuilder builder, IConfiguration agentGuardSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agentGuardSection);
        builder.Services.AddOptions<AgentGuardDataOptions>().Bind(agentGuardSection.GetSection("Data"));
        return AddCore(builder);
    }

    /// <summary>
    /// Guards <paramref name="connection"/>: every command it creates is decided before it runs (raw ADO.NET and Dapper).
    /// </summary>
    /// <param name="connection">The provider's connection (owned by the result).</param>
    /// <param name="services">The service provider AgentGuard is registered in.</param>
    /// <param name="name">The database's name in events and rules; its database name when null.</param>
    /// <param name="dialect">The SQL dialect; from the provider when null.</param>
    /// <exception cref="InvalidOperationException">The database guard is not registered.</exception>
    public static AgentGuardDbConnection WithAgentGuard(this DbConnection connection, IServiceProvider services, string? name = null, SqlDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        return new AgentGuardDbConnection(connection, Guard(services), DatabaseSource.For(connection, name, dialect));
    }

    /// <summary>Guards every connection and command of <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The provider's data source (owned by the result).</param>
    /// <param name="services">The service provider AgentGuard is registered in.</param>
    /// <param name="name">The database's name in events and rules.</param>
    /// <param name="dialect">The SQL dialect; from the provider when null.</param>
    /// <exception cref="InvalidOperationException">The database guard is not registered.</exception>
    public static AgentGuardDbDataSource WithAgentGuard(this DbDataSource dataSource, IServiceProvider services, string name, SqlDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        SqlDialect resolved;
        if (dialect is { } given)
        {
            resolved = given;
        }
        else
        {
            using var probe = dataSource.CreateConnection();
            resolved = DatabaseSource.For(probe).Dialect;
        }

        return new AgentGuardDbDataSource(dataSource, Guard(services), new DatabaseSource(name, resolved));
    }

    private static DatabaseGuard Guard(IServiceProvider services)
        => services.GetService<DatabaseGuard>()
            ?? throw new InvalidOperationException("The database guard is not registered: call services.AddAgentGuard(...).AddData(...) before guarding connections.");

    private static AgentGuardBuilder AddCore(AgentGuardBuilder builder)
    {
        builder.Services.AddSingleton(AgentGuardSection.For<AgentGuardDataOptions>("Data"));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentGuardDataOptions>, AgentGuardDataOptionsValidator>());
        builder.Services.AddOptions<AgentGuardDataOptions>().ValidateOnStart();
        builder.Services.TryAddSingleton<DatabaseGuard>();
        return builder;
    }
}
