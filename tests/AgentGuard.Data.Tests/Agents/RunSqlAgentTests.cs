using AgentGuard.Data.Tests.Infrastructure;
using AgentGuard.Extensions.AI.Tests;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace AgentGuard.Data.Tests.Agents;

/// <summary>
/// An agent with a <c>run_sql</c> tool, run by the real FunctionInvokingChatClient behind <c>UseAgentGuard()</c>; only
/// the model is scripted. The SQL the tool runs is decided with the chat's user and session, as its own event whose
/// parent is the model's tool call.
/// </summary>
public sealed class RunSqlAgentTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "agentguard-agent-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly RecordingAuditSink _audit = new();

    private string ConnectionString => $"Data Source={_file}";

    public async Task InitializeAsync()
    {
        await using var raw = new SqliteConnection(ConnectionString);
        await raw.ExecuteAsync("""
            CREATE TABLE salaries (id INTEGER PRIMARY KEY, employee TEXT, amount INTEGER, iban TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, total INTEGER);
            INSERT INTO salaries VALUES (1, 'alice', 7700, 'DE89370400440532013000');
            INSERT INTO orders VALUES (1, 'acme', 120), (2, 'globex', 80), (3, 'acme', 15);
            """);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ExternalUsersQueryOfInternalTable_IsDenied_ModelGetsNeutralText()
    {
        await using var services = DataTestHost.Create(configure: (_, b) => b.AddAuditSink(_audit));
        var (client, model, options) = Agent(services, "SELECT employee, amount FROM salaries", userId: "mallory", external: true);

        var response = await client.GetResponseAsync("How much does alice earn?", options);

        response.Text.Should().Be("done");
        var toolResult = ToolResult(model);
        toolResult.Should().Be("shop was not run: this action is not permitted by policy.");
        toolResult.Should().NotContain("7700");
        var query = _audit.Records.Single(r => r.Kind == ToolKind.DatabaseQuery);
        query.Decision.Should().Be(DecisionEffect.Deny);
        query.Rules.Should().Equal("external-no-internal-data");
        query.UserId.Should().Be("mallory");
        query.SessionId.Should().Be("chat-1");
        query.ParentCallId.Should().Be("call-1");
    }

    [Fact]
    public async Task OrdinaryRead_Runs_AndTheModelGetsTheRows()
    {
        await using var services = DataTestHost.Create(configure: (_, b) => b.AddAuditSink(_audit));
        var (client, model, options) = Agent(services, "SELECT customer, total FROM orders WHERE total > 50 ORDER BY id", userId: "mallory", external: true);

        await client.GetResponseAsync("Which orders are large?", options);

        ToolResult(model).Should().Be("customer=acme, total=120\ncustomer=globex, total=80");
        _audit.Records.Single(r => r.Kind == ToolKind.DatabaseQuery).Decision.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task MassDelete_NeedsApproval_RejectedItDoesNotRun()
    {
        var approver = new ScriptedApprover(approve: false);
        await using var services = DataTestHost.Create(configure: (_, b) => b.AddApprovalHandler(approver).AddAuditSink(_audit));
        var (client, model, options) = Agent(services, "DELETE FROM orders", userId: "alice", external: false);

        await client.GetResponseAsync("Clean up the orders", options);

        approver.Requests.Should().ContainSingle().Which.ToolCall.Tags.Should().Contain("mass-change");
        ToolResult(model).Should().NotContain("customer=");
        (await CountOrdersAsync()).Should().Be(3);
    }

    [Fact]
    public async Task MassDelete_NeedsApproval_ApprovedItRuns()
    {
        var approver = new ScriptedApprover(approve: true);
        await using var services = DataTestHost.Create(configure: (_, b) => b.AddApprovalHandler(approver));
        var (client, _, options) = Agent(services, "DELETE FROM orders", userId: "alice", external: false);

        await client.GetResponseAsync("Clean up the orders", options);

        var request = approver.Requests.Should().ContainSingle().Which;
        request.Context.User!.Id.Should().Be("alice");
        request.ToolCall.Arguments.Root.GetProperty("statement").GetString().Should().Be("DELETE FROM orders");
        (await CountOrdersAsync()).Should().Be(0);
    }

    private (IChatClient Client, ScriptedChatClient Model, ChatOptions Options) Agent(IServiceProvider services, string sql, string userId, bool external)
    {
        var connection = new SqliteConnection(ConnectionString).WithAgentGuard(services, "shop");
        var runSql = AIFunctionFactory.Create(
            async (string sql) =>
            {
                try
                {
                    var rows = await connection.QueryAsync(sql);
                    return string.Join('\n', rows.Select(r => string.Join(", ", ((IDictionary<string, object>)r).Select(c => $"{c.Key}={c.Value}"))));
                }
                catch (ToolCallDeniedException denied)
                {
                    return denied.Message;
                }
            },
            "run_sql",
            "Runs a SQL statement against the shop database and returns the rows.");
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("call-1", "run_sql", new Dictionary<string, object?> { ["sql"] = sql })),
            ScriptedChatClient.Say("done"));
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(services);
        var options = new ChatOptions
        {
            Tools = [runSql],
            AdditionalProperties = new()
            {
                [GuardContextKeys.UserId] = userId,
                [GuardContextKeys.UserExternal] = external,
                [GuardContextKeys.SessionId] = "chat-1",
            },
        };
        return (client, model, options);
    }

    private static string ToolResult(ScriptedChatClient model)
        => model.Requests[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result?.ToString() ?? string.Empty;

    private async Task<long> CountOrdersAsync()
    {
        await using var raw = new SqliteConnection(ConnectionString);
        return await raw.ExecuteScalarAsync<long>("SELECT count(*) FROM orders");
    }
}
