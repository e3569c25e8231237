using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentGuard.Data;

/// <summary>
/// The database hook's one enforce step, shared by the ADO.NET decorators and the EF Core interceptor: describes a
/// command as a <see cref="ToolKind.DatabaseQuery"/> event, asks the engine (through <see cref="ToolGuard"/>, which
/// audits every decision and asks the approval handler when one is required), and throws
/// <see cref="ToolCallDeniedException"/> before the command reaches the server when it is not allowed.
/// </summary>
public sealed partial class DatabaseGuard
{
    private readonly ToolGuard _guard;
    private readonly IOptionsMonitor<AgentGuardDataOptions> _options;
    private readonly SqlEventFactory _events;
    private readonly ILogger _logger;
    private DataTableMap? _map;

    /// <summary>Creates the guard (a DI singleton after <c>AddAgentGuard(...).AddData(...)</c>).</summary>
    public DatabaseGuard(ToolGuard guard, IOptionsMonitor<AgentGuardDataOptions> options, ILogger<DatabaseGuard>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        _guard = guard;
        _options = options;
        _events = new SqlEventFactory(Map, () => _guard.ArgumentLimits);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The pipeline behind this guard.</summary>
    public ToolGuard Guard => _guard;

    /// <summary>
    /// Decides <paramref name="command"/> before it runs (asking the approval handler when the policy requires it).
    /// </summary>
    /// <returns>The allowed call, to pass to <see cref="ObserveResults"/> with the reader it produces.</returns>
    /// <exception cref="ToolCallDeniedException">The statement is not allowed; it must not be sent.</exception>
    public async ValueTask<DatabaseCall> AuthorizeAsync(DbCommand command, DatabaseSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(source);
        var statement = _events.Create(command, source);
        var context = _guard.ContextResolver.Resolve();
        var decision = await _guard.AuthorizeAsync(statement.Event, context, useApprovalHandler: true, cancellationToken).ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            LogDenied(source.Name, string.Join(',', statement.Analysis.Kinds), decision.RuleIds.Count == 0 ? "(default)" : string.Join(",", decision.RuleIds));
            throw new ToolCallDeniedException(decision);
        }

        if (statement.ReadTags.Count > 0)
        {
            await LabelSessionAsync(statement, context, cancellationToken).ConfigureAwait(false);
        }

        return new DatabaseCall(statement, context, decision);
    }

    /// <summary>The synchronous form of <see cref="AuthorizeAsync"/>, for <c>ExecuteReader</c>, <c>ExecuteNonQuery</c> and <c>ExecuteScalar</c>.</summary>
    /// <exception cref="ToolCallDeniedException">The statement is not allowed; it must not be sent.</exception>
    public DatabaseCall Authorize(DbCommand command, DatabaseSource source)
    {
        // The synchronous ADO.NET API is the host's choice; the decision is in-process and only waits when an approval
        // handler is asked.
        var pending = AuthorizeAsync(command, source, CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Wraps the reader an allowed call produced: the values the caller reads (up to <c>Data:MaxResultChars</c>, sensitive
    /// columns as <c>***</c>) go through the result hook when the reader is closed.
    /// </summary>
    public DbDataReader ObserveResults(DatabaseCall call, DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(reader);
        var options = _options.CurrentValue;
        if (!options.InspectResults || options.MaxResultChars == 0 || reader is ObservedDataReader)
        {
            return reader;
        }

        return new ObservedDataReader(reader, this, call, options.MaxResultChars);
    }

    /// <summary>Passes the text of the rows read through the result hook; never throws into the caller.</summary>
    internal async ValueTask InspectAsync(DatabaseCall call, string text)
    {
        try
        {
            await _guard.InspectResultAsync(call.Event, call.Context, text).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The rows were read already; a failing inspection is logged, not thrown at the reader's Dispose.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogInspectionFailed(ex, call.Event.ToolName);
        }
    }

    /// <summary>
    /// Labels the session with the data tags of what an allowed statement reads, before it runs: however its rows are
    /// consumed (a reader, a scalar, an <c>INSERT … SELECT</c> into an untagged table), later calls are decided knowing it.
    /// </summary>
    private async ValueTask LabelSessionAsync(SqlStatement statement, GuardContext context, CancellationToken cancellationToken)
    {
        try
        {
            await _guard.Engine.InspectResultAsync(statement.Event, context, new ToolResult(null) { Labels = statement.ReadTags }, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A session store that cannot take the label must not run the read unlabelled: refuse it.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogLabelFailed(ex, statement.Event.ToolName);
            throw new ToolCallDeniedException(_guard.Refuse(statement.Event, context, "agentguard:data-session-label", "The session could not be labelled with the data tags of the tables read."));
        }
    }

    private DataTableMap Map()
    {
        var current = _options.CurrentValue;
        var map = _map;
        if (map is null || !ReferenceEquals(map.Options, current))
        {
            map = new DataTableMap(current);
            _map = map;
        }

        return map;
    }

    [LoggerMessage(3501, LogLevel.Information, "A {Kinds} statement to {Database} was not sent (rules: {RuleIds}).")]
    private partial void LogDenied(LogText database, LogText kinds, LogText ruleIds);

    [LoggerMessage(3503, LogLevel.Error, "The session could not be labelled with the data tags of a read from {Database}; the statement was not sent.")]
    private partial void LogLabelFailed(Exception exception, LogText database);

    [LoggerMessage(3502, LogLevel.Error, "The rows {Database} returned could not be inspected.")]
    private partial void LogInspectionFailed(Exception exception, LogText database);
}
