using AgentGuard.Data;
using BenchmarkDotNet.Attributes;

namespace AgentGuard.Benchmarks;

/// <summary>The SQL analyser (issue #22 target: a typical statement ≤ 10 µs), per dialect, and an obfuscated batch.</summary>
[MemoryDiagnoser]
public class SqlAnalyzerBenchmarks
{
    private const string Typical = "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at > @since AND c.region = @region ORDER BY o.total DESC LIMIT 20";
    private const string TypicalTSql = "SELECT TOP 20 o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at > @since AND c.region = @region ORDER BY o.total DESC";
    private const string Update = "UPDATE orders SET status = @status, shipped_at = now() WHERE id = @id RETURNING id";
    private const string Obfuscated = "WITH x AS (SELECT 1) SELECT $$;$$, E'\\';' FROM (SELECT * FROM generate_series(1,3)) g, hr.salaries s; DROP/* a /* nested */ b */TABLE \"hr\".\"salaries\"; DELETE FROM t WHERE (id = 5 OR 2 > 1)";

    [Benchmark(Description = "PostgreSQL: typical SELECT with a join")]
    public SqlAnalysis PostgresTypical() => SqlAnalyzer.Analyze(Typical, SqlDialect.PostgreSql);

    [Benchmark(Description = "PostgreSQL: UPDATE … WHERE … RETURNING")]
    public SqlAnalysis PostgresUpdate() => SqlAnalyzer.Analyze(Update, SqlDialect.PostgreSql);

    [Benchmark(Description = "SQLite: typical SELECT with a join")]
    public SqlAnalysis SqliteTypical() => SqlAnalyzer.Analyze(Typical, SqlDialect.Sqlite);

    [Benchmark(Description = "PostgreSQL: obfuscated three-statement batch")]
    public SqlAnalysis PostgresObfuscated() => SqlAnalyzer.Analyze(Obfuscated, SqlDialect.PostgreSql);

    [Benchmark(Description = "T-SQL (ScriptDom): typical SELECT with a join")]
    public SqlAnalysis TSqlTypical() => SqlAnalyzer.Analyze(TypicalTSql, SqlDialect.SqlServer);
}
