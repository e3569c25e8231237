using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace AgentGuard.Data;

/// <summary>
/// A command of an <see cref="AgentGuardDbConnection"/>: every execution (reader, non-query, scalar; synchronous or
/// not) is decided first, and a statement that is not allowed is never sent: the caller gets
/// <see cref="ToolCallDeniedException"/>. Parameters, transaction and timeouts are the provider command's own.
/// </summary>
internal sealed class AgentGuardDbCommand : DbCommand
{
    private readonly DbCommand _inner;
    private readonly DatabaseGuard _guard;
    private readonly DatabaseSource _source;
    private AgentGuardDbConnection? _connection;

    public AgentGuardDbCommand(DbCommand inner, AgentGuardDbConnection? connection, DatabaseGuard guard, DatabaseSource source)
    {
        _inner = inner;
        _connection = connection;
        _guard = guard;
        _source = source;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _inner.CommandText;
        set => _inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => _inner.CommandTimeout;
        set => _inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => _inner.CommandType;
        set => _inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => _inner.DesignTimeVisible;
        set => _inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => _inner.UpdatedRowSource;
        set => _inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => _connection ?? _inner.Connection;
        set
        {
            _connection = value as AgentGuardDbConnection;
            _inner.Connection = _connection?.Inner ?? value;
        }
    }

    protected override DbParameterCollection DbParameterCollection => _inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _inner.Transaction;
        set => _inner.Transaction = value;
    }

    public override void Cancel() => _inner.Cancel();

    public override void Prepare() => _inner.Prepare();

    public override Task PrepareAsync(CancellationToken cancellationToken = default) => _inner.PrepareAsync(cancellationToken);

    public override int ExecuteNonQuery()
    {
        _guard.Authorize(_inner, _source);
        return _inner.ExecuteNonQuery();
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        await _guard.AuthorizeAsync(_inner, _source, cancellationToken).ConfigureAwait(false);
        return await _inner.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override object? ExecuteScalar()
    {
        _guard.Authorize(_inner, _source);
        return _inner.ExecuteScalar();
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        await _guard.AuthorizeAsync(_inner, _source, cancellationToken).ConfigureAwait(false);
        return await _inner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override DbParameter CreateDbParameter() => _inner.CreateParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var call = _guard.Authorize(_inner, _source);
        return _guard.ObserveResults(call, _inner.ExecuteReader(behavior));
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var call = await _guard.AuthorizeAsync(_inner, _source, cancellationToken).ConfigureAwait(false);
        return _guard.ObserveResults(call, await _inner.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _inner.DisposeAsync();
    }
}
