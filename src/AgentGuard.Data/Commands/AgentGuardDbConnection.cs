using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace AgentGuard.Data;

/// <summary>
/// A <see cref="DbConnection"/> whose commands are decided before they run: raw ADO.NET and Dapper use it as they use
/// the provider's connection. Create it with <c>connection.WithAgentGuard(services)</c> or from a guarded
/// <see cref="DbDataSource"/>. Opening, transactions and schema calls are the provider's own.
/// </summary>
public sealed class AgentGuardDbConnection : DbConnection
{
    private readonly DatabaseGuard _guard;

    /// <summary>Guards <paramref name="inner"/>; the guarded connection owns and disposes it.</summary>
    /// <param name="inner">The provider's connection.</param>
    /// <param name="guard">The database guard.</param>
    /// <param name="source">The name and dialect of the database; from the provider when null.</param>
    /// <exception cref="ArgumentException">The provider's dialect is not known and <paramref name="source"/> is null.</exception>
    public AgentGuardDbConnection(DbConnection inner, DatabaseGuard guard, DatabaseSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(guard);
        if (inner is AgentGuardDbConnection)
        {
            throw new ArgumentException("The connection is guarded already.", nameof(inner));
        }

        Inner = inner;
        _guard = guard;
        Source = source ?? DatabaseSource.For(inner);
        inner.StateChange += OnInnerStateChange;
    }

    /// <summary>The provider's connection.</summary>
    public DbConnection Inner { get; }

    /// <summary>The database's name (the events' tool name and source) and dialect.</summary>
    public DatabaseSource Source { get; }

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    /// <inheritdoc />
    public override int ConnectionTimeout => Inner.ConnectionTimeout;

    /// <inheritdoc />
    public override string Database => Inner.Database;

    /// <inheritdoc />
    public override string DataSource => Inner.DataSource;

    /// <inheritdoc />
    public override string ServerVersion => Inner.ServerVersion;

    /// <inheritdoc />
    public override ConnectionState State => Inner.State;

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    /// <inheritdoc />
    public override void Close() => Inner.Close();

    /// <inheritdoc />
    public override Task CloseAsync() => Inner.CloseAsync();

    /// <inheritdoc />
    public override void Open() => Inner.Open();

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public override DataTable GetSchema() => Inner.GetSchema();

    /// <inheritdoc />
    public override DataTable GetSchema(string collectionName) => Inner.GetSchema(collectionName);

    /// <inheritdoc />
    public override DataTable GetSchema(string collectionName, string?[] restrictionValues) => Inner.GetSchema(collectionName, restrictionValues);

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        Inner.StateChange -= OnInnerStateChange;
        GC.SuppressFinalize(this);
        return Inner.DisposeAsync();
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    /// <inheritdoc />
    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
        => await Inner.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => new AgentGuardDbCommand(Inner.CreateCommand(), this, _guard, Source);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.StateChange -= OnInnerStateChange;
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnInnerStateChange(object sender, StateChangeEventArgs e) => OnStateChange(e);
}
