using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AgentGuard.Data.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server from Debian's <c>postgresql</c> package (<c>.ci/run</c> installs it): <c>initdb</c> and
/// <c>pg_ctl</c> into a temporary folder, on a free loopback port, logging every statement the server receives
/// (<c>log_statement=all</c>) so tests can prove a denied statement never reached it. When the tests run as root
/// the server runs as the <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agentguard-pg-").FullName;
    private string? _binaries;

    public int Port { get; } = FreePort();

    public string LogFile => Path.Combine(_folder, "server.log");

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true";

    /// <summary>The server's log: every statement it received.</summary>
    public string Log()
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        var data = Path.Combine(_folder, "data");
        if (IsRoot())
        {
            Run("chown", "-R", "postgres:postgres", _folder);
        }

        Run(Path.Combine(_binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1", "-c port=" + Port.ToString(CultureInfo.InvariantCulture), "-c unix_socket_directories=" + _folder,
            "-c log_statement=all", "-c logging_collector=off", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
            "-c shared_buffers=16MB", "-c max_connections=40");
        Run(Path.Combine(_binaries, "pg_ctl"), "-D", data, "-l", LogFile, "-o", options, "-w", "-t", "30", "start");

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var setup = new NpgsqlCommand("""
            CREATE SCHEMA hr;
            CREATE TABLE hr.salaries (id serial PRIMARY KEY, employee text NOT NULL, amount integer NOT NULL, iban text);
            CREATE TABLE public.products (id serial PRIMARY KEY, name text NOT NULL, price integer NOT NULL);
            INSERT INTO hr.salaries (employee, amount, iban) VALUES ('alice', 100, 'DE89370400440532013000'), ('bob', 90, 'GB82WEST12345698765432');
            INSERT INTO public.products (name, price) VALUES ('pen', 2), ('ink', 5);
            """, connection);
        await setup.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the server's log contains <paramref name="marker"/> (true) or a short time passed (false).</summary>
    public async Task<bool> LoggedAsync(string marker, int waitMilliseconds = 3000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(waitMilliseconds);
        while (true)
        {
            if (Log().Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        if (_binaries is not null)
        {
            try
            {
                Run(Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    private static string FindBinaries()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException("PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin (apt-get install postgresql; .ci/run does it).");
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static void Run(string program, params string[] arguments)
    {
        var start = IsRoot() && program != "chown" ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (IsRoot() && program != "chown")
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One PostgreSQL server for the test classes of the collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
