using System.Data;
using AgentGuard.Data.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AgentGuard.Data.Tests.Commands;

/// <summary>The ADO.NET decorator over a real embedded SQLite database, used raw and through Dapper.</summary>
public sealed class SqliteConnectionTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "agentguard-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly RecordingAuditSink _audit = new();
    private readonly ScriptedApprover _approver = new(approve: true);
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = DataTestHost.Create(configure: (_, b) => b.AddAuditSink(_audit));
        await using var raw = new SqliteConnection(ConnectionString);
        await raw.OpenAsync();
        await raw.ExecuteAsync("""
            CREATE TABLE salaries (id INTEGER PRIMARY KEY, employee TEXT, amount INTEGER, iban TEXT);
            CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price INTEGER);
            INSERT INTO salaries VALUES (1, 'alice', 100, 'DE89370400440532013000'), (2, 'bob', 90, 'GB82WEST12345698765432');
            INSERT INTO products VALUES (1, 'pen', 2), (2, 'ink', 5);
            """);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private string ConnectionString => $"Data Source={_file}";

    [Fact]
    public async Task Dapper_ExternalUserReadingInternalTable_IsDeniedAndAudited()
    {
        await using var connection = Guarded();

        var act = () => DataTestHost.AsUserAsync("mallory", external: true, () => connection.QueryAsync<long>("SELECT amount FROM salaries"));

        var denied = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        denied.Decision.RuleIds.Should().Equal("external-no-internal-data");
        var record = _audit.Records.Should().ContainSingle().Which;
        record.Kind.Should().Be(ToolKind.DatabaseQuery);
        record.Decision.Should().Be(DecisionEffect.Deny);
        record.CallTags.Should().Contain("internal-only");
        record.UserId.Should().Be("mallory");
    }

    [Fact]
    public async Task Dapper_InternalUserReadingInternalTable_Runs()
    {
        await using var connection = Guarded();

        var amounts = await DataTestHost.AsUserAsync("alice", external: false, () => connection.QueryAsync<long>("SELECT amount FROM salaries ORDER BY id"));

        amounts.Should().Equal(100, 90);
    }

    [Fact]
    public async Task Dapper_ExternalUserReadingOrdinaryTable_Runs()
    {
        await using var connection = Guarded();

        var names = await DataTestHost.AsUserAsync("mallory", external: true, () => connection.QueryAsync<string>("SELECT name FROM products WHERE price < @max", new { max = 10 }));

        names.Should().BeEquivalentTo("pen", "ink");
    }

    [Fact]
    public async Task RawAdoNet_DdlIsDenied_AndTheTableSurvives()
    {
        await using var connection = Guarded();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP/**/TABLE products";

        var act = () => command.ExecuteNonQueryAsync();

        await act.Should().ThrowAsync<ToolCallDeniedException>();
        (await CountAsync("products")).Should().Be(2);
    }

    [Fact]
    public async Task RawAdoNet_SynchronousApi_IsGuardedToo()
    {
        using var connection = Guarded();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1; DROP TABLE products";

        var act = () => command.ExecuteScalar();

        act.Should().Throw<ToolCallDeniedException>();
        connection.State.Should().Be(ConnectionState.Open);
    }

    [Fact]
    public async Task MassDelete_WithoutApprover_IsDenied_AndNoRowIsDeleted()
    {
        await using var connection = Guarded();

        var act = () => connection.ExecuteAsync("DELETE FROM products WHERE 1=1");

        var denied = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        denied.Decision.RuleIds.Should().Contain("sql-mass-change");
        (await CountAsync("products")).Should().Be(2);
    }

    [Fact]
    public async Task MassDelete_Approved_Runs_AndTheApproverSawTheStatement()
    {
        await using var services = DataTestHost.Create(configure: (_, b) => b.AddApprovalHandler(_approver));
        await using var connection = new SqliteConnection(ConnectionString).WithAgentGuard(services, "shop");

        var deleted = await connection.ExecuteAsync("DELETE FROM products");

        deleted.Should().Be(2);
        var request = _approver.Requests.Should().ContainSingle().Which;
        request.ToolCall.Arguments.Root.GetProperty("statement").GetString().Should().Be("DELETE FROM products");
        request.ToolCall.Tags.Should().Contain("mass-change");
    }

    [Fact]
    public async Task ProgramAndFileAccess_AreDenied()
    {
        await using var connection = Guarded();

        var attach = () => connection.ExecuteAsync("ATTACH DATABASE '/tmp/agentguard-attach.db' AS x");
        var extension = () => connection.QueryAsync("SELECT load_extension('/tmp/evil')");

        await attach.Should().ThrowAsync<ToolCallDeniedException>();
        await extension.Should().ThrowAsync<ToolCallDeniedException>();
        File.Exists("/tmp/agentguard-attach.db").Should().BeFalse();
    }

    [Fact]
    public async Task ParameterDeclaredAsNumberHoldingSql_IsOpaqueAndDenied()
    {
        await using var connection = Guarded();
        var parameters = new DynamicParameters();
        parameters.Add("id", "1; DROP TABLE products", DbType.Int32);

        var act = () => connection.QueryAsync("SELECT name FROM products WHERE id = @id", parameters);

        var denied = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        denied.Decision.RuleIds.Should().Equal("sql-unsafe");
        _audit.Records.Single().Arguments.Should().Contain("is declared Int32 but holds text");
    }

    [Fact]
    public async Task HugeBatch_IsOpaqueAndDenied_WithoutThrowingAnythingElse()
    {
        await using var connection = Guarded();
        var batch = string.Concat(Enumerable.Repeat("SELECT 1;", 500));

        var act = () => connection.ExecuteAsync(batch);

        await act.Should().ThrowAsync<ToolCallDeniedException>();
    }

    [Fact]
    public async Task UnparseableStatement_IsOpaqueAndDenied()
    {
        await using var connection = Guarded();

        var act = () => connection.ExecuteAsync("SELECT 'unterminated");

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Equal("sql-unsafe");
    }

    [Fact]
    public async Task Event_CarriesAnalysisSourceAndParameters()
    {
        await using var connection = Guarded();

        await DataTestHost.AsUserAsync("alice", external: false, () => connection.QueryAsync("SELECT employee, iban FROM salaries WHERE id = @iban", new { iban = "DE89370400440532013000" }));

        var record = _audit.Records.Should().ContainSingle().Which;
        record.ToolName.Should().Be("shop");
        record.Source.Should().Be("shop");
        record.CallTags.Should().Contain(["sql-read", "internal-only", "financial"]);
        record.Arguments.Should().Contain("\"tablesRead\":[\"salaries\"]").And.Contain("\"iban\":\"***\"").And.NotContain("DE89370400440532013000");
    }

    [Fact]
    public async Task RowsRead_GoThroughTheResultHook_SensitiveColumnsAreNotSeen()
    {
        var detector = new RecordingSecretDetector();
        await using var services = DataTestHost.Create(configure: (s, _) => s.AddSingleton<ISecretDetector>(detector));
        await using var connection = new SqliteConnection(ConnectionString).WithAgentGuard(services, "shop");

        await DataTestHost.AsUserAsync("alice", external: false, () => connection.QueryAsync("SELECT employee, iban FROM salaries ORDER BY id"));

        var text = detector.Texts.Should().ContainSingle().Which;
        text.Should().Contain("employee=alice, iban=***").And.Contain("employee=bob, iban=***").And.NotContain("DE89").And.NotContain("GB82");
    }

    [Fact]
    public async Task SecretInRowsRead_LabelsTheSession_SoALaterSendIsDenied()
    {
        const string policy = """
        { "AgentGuard": { "Data": { "Tables": { } },
            "Rules": [ { "Id": "no-send-after-secret", "Effect": "Deny", "Match": { "Tools": ["send_email"] }, "When": { "SessionLabels": ["secret-seen"] } } ] } }
        """;
        await using var services = DataTestHost.Create(policy, (s, _) => s.AddSingleton<ISecretDetector>(new RecordingSecretDetector()));
        await using (var raw = new SqliteConnection(ConnectionString))
        {
            await raw.ExecuteAsync("INSERT INTO products VALUES (3, 'AKIAABCDEFGHIJKLMNOP', 1)");
        }

        await using var connection = new SqliteConnection(ConnectionString).WithAgentGuard(services, "shop");
        var context = new GuardContext { SessionId = "rows-2", User = new GuardUser("alice") };
        using (AgentGuardScope.Begin(context))
        {
            (await connection.QueryAsync<string>("SELECT name FROM products")).Should().HaveCount(3);
        }

        var send = await services.GetRequiredService<IGuardEngine>().EvaluateAsync(new ToolCallEvent("send_email"), context);

        send.Effect.Should().Be(DecisionEffect.Deny);
        send.RuleIds.Should().Equal("no-send-after-secret");
    }

    private AgentGuardDbConnection Guarded() => new SqliteConnection(ConnectionString).WithAgentGuard(_services, "shop");

    private async Task<long> CountAsync(string table)
    {
        await using var raw = new SqliteConnection(ConnectionString);
        return await raw.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
