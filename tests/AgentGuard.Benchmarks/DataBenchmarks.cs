using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentGuard.Data;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The database hook's overhead (issue #22 target: ≤ 2% on a loopback PostgreSQL query): the same parameterised
/// SELECT through a plain Npgsql data source and through a guarded one (analysis cached per statement text, the
/// engine asked, rows observed for the result hook), plus the decision alone.
/// </summary>
[MemoryDiagnoser]
public class DataBenchmarks
{
    private const string Sql = "SELECT name, price FROM products WHERE id = @id";

    private LoopbackPostgres _server = null!;
    private NpgsqlDataSource _plain = null!;
    private AgentGuardDbDataSource _guarded = null!;
    private DatabaseGuard _guard = null!;
    private SqlEventFactory _events = null!;
    private NpgsqlCommand _varying = null!;
    private int _next;
    private NpgsqlCommand _decided = null!;
    private NpgsqlCommand _decidedVarying = null!;
    private readonly DatabaseSource _source = new("shop", SqlDialect.PostgreSql);

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackPostgres();
        var json = """
        { "AgentGuard": {
            "Data": { "Tables": { "hr.salaries": { "Tags": ["internal-only"] } } },
            "Rules": [
              { "Id": "external-no-internal", "Effect": "Deny", "Match": { "Kinds": ["DatabaseQuery"] }, "When": { "User": { "External": true }, "DataTags": ["internal-only"] } },
              { "Id": "sql-unsafe", "Effect": "Deny", "Match": { "Tags": ["opaque", "program-exec", "file-access", "sql-ddl"] } },
              { "Id": "sql-mass", "Effect": "RequireApproval", "Match": { "Tags": ["mass-change"] } } ] } }
        """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard")).AddData(configuration.GetSection("AgentGuard"));
        var provider = services.BuildServiceProvider();
        _plain = NpgsqlDataSource.Create(_server.ConnectionString);
        _guarded = NpgsqlDataSource.Create(_server.ConnectionString).WithAgentGuard(provider, "shop");
        _guard = provider.GetRequiredService<DatabaseGuard>();
        var map = new DataTableMap(new AgentGuardDataOptions());
        _events = new SqlEventFactory(() => map, () => ToolArgumentLimits.Default);
        _decided = new NpgsqlCommand(Sql);
        _decided.Parameters.AddWithValue("id", 1);
        _varying = new NpgsqlCommand(Sql);
        _varying.Parameters.AddWithValue("id", 1);
        _decidedVarying = new NpgsqlCommand(Sql);
        _decidedVarying.Parameters.AddWithValue("id", 1);
        using var setup = _plain.CreateCommand("CREATE TABLE products (id int PRIMARY KEY, name text, price int); INSERT INTO products VALUES (1, 'pen', 2)");
        setup.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _guarded.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "loopback PostgreSQL SELECT, plain Npgsql")]
    public Task<string> Plain() => QueryAsync(_plain);

    [Benchmark(Description = "loopback PostgreSQL SELECT, guarded")]
    public Task<string> Guarded() => QueryAsync(_guarded);

    [Benchmark(Description = "event alone (analysis cached, parameters written and parsed)")]
    public ToolCallEvent EventAlone() => _events.Create(_decided, _source).Event;

    [Benchmark(Description = "event alone, a new parameter value each run")]
    public ToolCallEvent EventNewValue()
    {
        _varying.Parameters[0].Value = ++_next;
        return _events.Create(_varying, _source).Event;
    }

    [Benchmark(Description = "decision alone (event from the command, engine, audit)")]
    public async Task<Decision> DecisionAlone() => (await _guard.AuthorizeAsync(_decided, _source)).Decision;

    [Benchmark(Description = "decision alone, a new parameter value each run")]
    public async Task<Decision> DecisionNewValue()
    {
        _decidedVarying.Parameters[0].Value = ++_next;
        return (await _guard.AuthorizeAsync(_decidedVarying, _source)).Decision;
    }

    private static async Task<string> QueryAsync(DbDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = 1;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetString(0);
    }

    /// <summary>A PostgreSQL server from Debian's package on a free loopback port, in a temporary folder (as the tests start it).</summary>
    private sealed class LoopbackPostgres : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("agentguard-bench-pg-").FullName;
        private readonly string _bin;

        public LoopbackPostgres()
        {
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "initdb")));
            if (Root)
            {
                Run("chown", "-R", "postgres:postgres", _folder);
            }

            Run(Path.Combine(_bin, "initdb"), "-D", Path.Combine(_folder, "data"), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
            Run(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w", "-o",
                $"-c listen_addresses=127.0.0.1 -c port={Port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories={_folder} -c fsync=off", "start");
        }

        public int Port { get; }

        public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

        private static bool Root => Environment.UserName == "root";

        public void Dispose()
        {
            Run(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
            Directory.Delete(_folder, recursive: true);
        }

        private static void Run(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(Root && program != "chown" ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            if (Root && program != "chown")
            {
                foreach (var a in new[] { "-u", "postgres", "--", program })
                {
                    start.ArgumentList.Add(a);
                }
            }

            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed: {error}");
            }
        }
    }
}
