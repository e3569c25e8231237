using System.Data.Common;

namespace AgentGuard.Data;

/// <summary>
/// A <see cref="DbDataSource"/> whose connections and commands are guarded: register it in place of the provider's
/// data source (<c>NpgsqlDataSource.Create(cs).WithAgentGuard(services, "hr")</c>) and every statement run through it
/// is decided first.
/// </summary>
public sealed class AgentGuardDbDataSource : DbDataSource
{
    private readonly DbDataSource _inner;
    private readonly DatabaseGuard _guard;
    private readonly DatabaseSource _source;

    /// <summary>Guards <paramref name="inner"/>; disposing this disposes it.</summary>
    /// <param name="inner">The provider's data source.</param>
    /// <param name="guard">The database guard.</param>
    /// <param name="source">The name and dialect of the database.</param>
    public AgentGuardDbDataSource(DbDataSource inner, DatabaseGuard guard, DatabaseSource source)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(source);
        _inner = inner;
        _guard = guard;
        _source = source;
    }

    /// <inheritdoc />
    public override string ConnectionString => _inner.ConnectionString;

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection() => new AgentGuardDbConnection(_inner.CreateConnection(), _guard, _source);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore() => _inner.DisposeAsync();
}
