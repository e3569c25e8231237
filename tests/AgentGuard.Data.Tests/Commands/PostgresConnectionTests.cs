using AgentGuard.Data.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace AgentGuard.Data.Tests.Commands;

/// <summary>
/// The ADO.NET decorator in front of a real PostgreSQL server, through Npgsql and Dapper. The server logs every
/// statement it receives (log_statement=all): a denied statement is absent from its log, an allowed one is there.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectionTests(PostgresServer server) : IAsyncLifetime
{
    private readonly RecordingAuditSink _audit = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = DataTestHost.Create(configure: (_, b) => b.AddAuditSink(_audit));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ExternalUserReadingInternalTable_NeverReachesTheServer_InternalUserDoes()
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        var sql = $"SELECT amount FROM hr.salaries WHERE employee <> '{marker}'";
        await using var connection = new NpgsqlConnection(server.ConnectionString).WithAgentGuard(_services, "hr");

        var external = () => DataTestHost.AsUserAsync("mallory", external: true, () => connection.QueryAsync<int>(sql));

        await external.Should().ThrowAsync<ToolCallDeniedException>();
        (await server.LoggedAsync(marker, waitMilliseconds: 500)).Should().BeFalse();

        var amounts = await DataTestHost.AsUserAsync("alice", external: false, () => connection.QueryAsync<int>(sql));

        amounts.Should().BeEquivalentTo([100, 90]);
        (await server.LoggedAsync(marker)).Should().BeTrue("the server logs every statement it receives");
    }

    [Fact]
    public async Task CopyToProgram_IsDenied_NothingRunsOnTheServer()
    {
        var proof = Path.Combine(Path.GetTempPath(), "agentguard-pwned-" + Guid.NewGuid().ToString("N"));
        await using var connection = new NpgsqlConnection(server.ConnectionString).WithAgentGuard(_services, "hr");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT 1) TO PROGRAM 'touch {proof}'";

        var act = () => command.ExecuteNonQueryAsync();

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Equal("sql-unsafe");
        File.Exists(proof).Should().BeFalse();
        (await server.LoggedAsync(Path.GetFileName(proof), waitMilliseconds: 500)).Should().BeFalse();
    }

    [Fact]
    public async Task HiddenDrop_IsDenied_AndTheTableSurvives()
    {
        var marker = "m" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server.ConnectionString).WithAgentGuard(_services, "hr");

        var act = () => connection.ExecuteAsync($"SELECT 1 AS {marker}; DROP/**/TABLE public.products");

        await act.Should().ThrowAsync<ToolCallDeniedException>();
        (await server.LoggedAsync(marker, waitMilliseconds: 500)).Should().BeFalse();
        await using var raw = new NpgsqlConnection(server.ConnectionString);
        (await raw.ExecuteScalarAsync<long>("SELECT count(*) FROM public.products")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task GuardedDataSource_CommandsAndConnectionsAreGuarded()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString).WithAgentGuard(_services, "hr");

        await using (var command = dataSource.CreateCommand("SELECT pg_read_file('/etc/passwd')"))
        {
            var act = () => command.ExecuteScalarAsync();
            await act.Should().ThrowAsync<ToolCallDeniedException>();
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var names = await DataTestHost.AsUserAsync("mallory", external: true, () => connection.QueryAsync<string>("SELECT name FROM public.products WHERE price < @max ORDER BY id", new { max = 10 }));
        names.Should().StartWith(["pen", "ink"]);
        _audit.Records.Select(r => r.Decision).Should().Equal(DecisionEffect.Deny, DecisionEffect.Allow);
        _audit.Records.Should().OnlyContain(r => r.ToolName == "hr" && r.Kind == ToolKind.DatabaseQuery);
    }

    [Fact]
    public async Task MassUpdate_WithoutApprover_IsDenied_NoRowChanges()
    {
        var marker = "m" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server.ConnectionString).WithAgentGuard(_services, "hr");

        var act = () => DataTestHost.AsUserAsync("alice", external: false, () => connection.ExecuteAsync($"UPDATE hr.salaries SET amount = 0 WHERE 'x' = 'x' OR employee = '{marker}'"));

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Contain("sql-mass-change");
        (await server.LoggedAsync(marker, waitMilliseconds: 500)).Should().BeFalse();
    }
}
