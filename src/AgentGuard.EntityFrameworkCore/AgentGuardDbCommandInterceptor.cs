using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using AgentGuard.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AgentGuard.EntityFrameworkCore;

/// <summary>
/// An EF Core command interceptor that decides every SQL statement EF Core is about to send (queries,
/// <c>SaveChanges</c> batches, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, raw SQL) with the same analysis, configuration
/// and rules as AgentGuard.Data. A statement that is not allowed is never sent: <see cref="ToolCallDeniedException"/>
/// is thrown (from <c>SaveChanges</c>, as the inner exception of EF Core's <c>DbUpdateException</c>). Rows read by
/// queries go through the result hook.
/// </summary>
public sealed class AgentGuardDbCommandInterceptor : DbCommandInterceptor
{
    private readonly DatabaseGuard _guard;
    private readonly string? _name;
    private readonly ConditionalWeakTable<DbCommand, DatabaseCall> _calls = [];
    private readonly ConcurrentDictionary<(Type, string), DatabaseSource> _sources = new();

    /// <summary>Creates the interceptor.</summary>
    /// <param name="guard">The database guard (<c>AddAgentGuard(...).AddData(...)</c>).</param>
    /// <param name="name">The database's name in events and rules; the connection's database name when null.</param>
    public AgentGuardDbCommandInterceptor(DatabaseGuard guard, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _guard = guard;
        _name = name;
    }

    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ArgumentNullException.ThrowIfNull(command);
        _calls.AddOrUpdate(command, _guard.Authorize(command, Source(command)));
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        _calls.AddOrUpdate(command, await _guard.AuthorizeAsync(command, Source(command), cancellationToken).ConfigureAwait(false));
        return result;
    }

    /// <inheritdoc />
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        => Observe(command, eventData, result);

    /// <inheritdoc />
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Observe(command, eventData, result));

    /// <inheritdoc />
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(command);
        _guard.Authorize(command, Source(command));
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _guard.AuthorizeAsync(command, Source(command), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        ArgumentNullException.ThrowIfNull(command);
        _guard.Authorize(command, Source(command));
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _guard.AuthorizeAsync(command, Source(command), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Wraps the reader of a query so its rows go through the result hook. Readers of <c>SaveChanges</c> and migrations
    /// stay the provider's own: providers read them as their concrete type, and they hold keys the context sent.
    /// </summary>
    private DbDataReader Observe(DbCommand command, CommandExecutedEventData? eventData, DbDataReader result)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (result is null || !_calls.TryGetValue(command, out var call))
        {
            return result!;
        }

        _calls.Remove(command);
        return eventData?.CommandSource is CommandSource.SaveChanges or CommandSource.Migrations ? result : _guard.ObserveResults(call, result);
    }

    private DatabaseSource Source(DbCommand command)
    {
        var connection = command.Connection ?? throw new InvalidOperationException("EF Core sent a command without a connection.");
        var key = (connection.GetType(), connection.Database ?? string.Empty);
        return _sources.TryGetValue(key, out var source) ? source : _sources.GetOrAdd(key, _ => DatabaseSource.For(connection, _name));
    }
}
