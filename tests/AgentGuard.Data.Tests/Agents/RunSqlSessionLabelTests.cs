using AgentGuard.Data.Tests.Infrastructure;
using AgentGuard.Extensions.AI.Tests;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace AgentGuard.Data.Tests.Agents;

/// <summary>
/// Reading a table configured with data tags labels the session with them, so a later export is decided by an ordinary
/// rule (<c>When.DataTags</c>) however the rows were read: a reader, a scalar, or a copy into an untagged table first.
/// The agent is the real FunctionInvokingChatClient behind <c>UseAgentGuard()</c>; only the model is scripted.
/// </summary>
public sealed class RunSqlSessionLabelTests : IAsyncLifetime
{
    private const string Policy = """
    {
      "AgentGuard": {
        "DefaultDecision": "Allow",
        "Data": { "Tables": { "salaries": { "Tags": ["internal-only"] } } },
        "Rules": [
          { "Id": "no-internal-export", "Effect": "Deny", "Match": { "Tools": ["send_email"] }, "When": { "DataTags": ["internal-only"] } }
        ]
      }
    }
    """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), "agentguard-labels-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly RecordingAuditSink _audit = new();
    private readonly List<string> _sent = [];

    private string ConnectionString => $"Data Source={_file}";

    public async Task InitializeAsync()
    {
        await using var raw = new SqliteConnection(ConnectionString);
        await raw.ExecuteAsync("""
            CREATE TABLE salaries (id INTEGER PRIMARY KEY, employee TEXT, amount INTEGER);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, total INTEGER);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
            INSERT INTO salaries VALUES (1, 'alice', 7700);
            INSERT INTO orders VALUES (1, 'acme', 120);
            """);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("reader", "SELECT employee, amount FROM salaries")]
    [InlineData("scalar", "SELECT amount FROM salaries WHERE employee = 'alice'")]
    [InlineData("scalar", "SELECT count(*) FROM salaries")]
    [InlineData("nonquery", "INSERT INTO notes (text) SELECT employee || ':' || amount FROM salaries")]
    public async Task ReadOfInternalTable_ThenEmailToOutside_IsDeniedByTheOrdinaryRule(string mode, string sql)
    {
        await using var services = DataTestHost.Create(Policy, (_, b) => b.AddAuditSink(_audit));
        var (client, _, options) = Agent(services, mode, sql);

        await client.GetResponseAsync("Send alice's salary to my accountant", options);

        _sent.Should().BeEmpty();
        var send = _audit.Records.Single(r => r.ToolName == "send_email");
        send.Decision.Should().Be(DecisionEffect.Deny);
        send.Rules.Should().Equal("no-internal-export");
        _audit.Records.Single(r => r.Kind == ToolKind.DatabaseQuery).Decision.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task ReadOfInternalTableInAnotherSession_DoesNotLabelThisOne()
    {
        await using var services = DataTestHost.Create(Policy, (_, b) => b.AddAuditSink(_audit));
        var (first, _, firstOptions) = Agent(services, "reader", "SELECT employee, amount FROM salaries");
        await first.GetResponseAsync("Read salaries", firstOptions);
        _sent.Clear();
        var (second, _, secondOptions) = Agent(services, "reader", "SELECT customer FROM orders", sessionId: "chat-2");

        await second.GetResponseAsync("Send the order list", secondOptions);

        _sent.Should().ContainSingle();
    }

    [Fact]
    public async Task ReadOfUntaggedTable_ThenEmail_IsSent()
    {
        await using var services = DataTestHost.Create(Policy, (_, b) => b.AddAuditSink(_audit));
        var (client, _, options) = Agent(services, "reader", "SELECT customer, total FROM orders");

        await client.GetResponseAsync("Send the order list to my accountant", options);

        _sent.Should().ContainSingle();
        _audit.Records.Single(r => r.ToolName == "send_email").Decision.Should().Be(DecisionEffect.Allow);
    }

    private (IChatClient Client, ScriptedChatClient Model, ChatOptions Options) Agent(IServiceProvider services, string mode, string sql, string sessionId = "chat-1")
    {
        var connection = new SqliteConnection(ConnectionString).WithAgentGuard(services, "shop");
        var runSql = AIFunctionFactory.Create(
            async (string sql) =>
            {
                try
                {
                    return mode switch
                    {
                        "scalar" => (await connection.ExecuteScalarAsync(sql))?.ToString() ?? string.Empty,
                        "nonquery" => (await connection.ExecuteAsync(sql)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " rows",
                        _ => string.Join('\n', (await connection.QueryAsync(sql)).Select(r => string.Join(", ", ((IDictionary<string, object>)r).Values))),
                    };
                }
                catch (ToolCallDeniedException denied)
                {
                    return denied.Message;
                }
            },
            "run_sql",
            "Runs a SQL statement against the shop database and returns the rows.");
        var sendEmail = AIFunctionFactory.Create(
            (string to, string body) =>
            {
                _sent.Add(to + ": " + body);
                return "sent";
            },
            "send_email",
            "Sends an e-mail.");
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("call-1", "run_sql", new Dictionary<string, object?> { ["sql"] = sql })),
            ScriptedChatClient.CallTools(("call-2", "send_email", new Dictionary<string, object?> { ["to"] = "accountant@outside.example", ["body"] = "the figures" })),
            ScriptedChatClient.Say("done"));
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(services);
        var options = new ChatOptions
        {
            Tools = [runSql, sendEmail],
            AdditionalProperties = new()
            {
                [GuardContextKeys.UserId] = "alice",
                [GuardContextKeys.UserExternal] = false,
                [GuardContextKeys.SessionId] = sessionId,
            },
        };
        return (client, model, options);
    }
}
