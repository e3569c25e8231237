using AgentGuard.Data;

namespace AgentGuard.Data.Tests.Analysis;

/// <summary>
/// The T-SQL fast path reads simple statements from tokens; what it gives must be exactly what Microsoft's parser
/// (ScriptDom, through <see cref="TSqlReader"/>) gives, and everything it does not fully understand must go to the parser.
/// </summary>
public sealed class TSqlFastReaderTests
{
    /// <summary>Statements the fast path must read itself (the typical ones) and read exactly as the parser does.</summary>
    public static TheoryData<string> Read => new()
    {
        "SELECT TOP 20 o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at > @since AND c.region = @region ORDER BY o.total DESC",
        "SELECT * FROM orders",
        "SELECT * FROM hr.salaries",
        "SELECT * FROM [hr].[salaries]",
        "SELECT * FROM [hr].[salaries] s JOIN x ON x.id = s.id",
        "SELECT * FROM \"HR\".\"Salaries\"",
        "SELECT o.* FROM orders o",
        "SELECT count(*) FROM orders",
        "SELECT COUNT(DISTINCT customer_id), SUM(total) AS revenue FROM dbo.orders WHERE status <> N'void'",
        "SELECT e.name, s.amount FROM hr.employees e JOIN hr.salaries s ON s.employee_id = e.id WHERE e.id = @id",
        "SELECT name FROM customers ORDER BY created_at DESC, id",
        "SELECT region, count(*) FROM customers GROUP BY region ORDER BY region",
        "SELECT DISTINCT TOP (5) name AS n FROM customers WHERE name LIKE N'a%' AND deleted_at IS NULL",
        "SELECT a.x, b.y FROM a LEFT OUTER JOIN b ON b.a_id = a.id CROSS JOIN c, d WHERE a.k IN (1, 2, @three) OR NOT (b.y = 'z')",
        "SELECT id FROM t WHERE id = 1; ",
        "select Id, [Order Date] from Sales.Orders /* newest */ where Id >= 10 -- end",
        "SELECT * FROM t /* nested /* comment */ ; DROP TABLE x */ WHERE a = 1",
        "INSERT INTO orders (customer_id, total) VALUES (@c, @t)",
        "INSERT orders VALUES (1, N'pen', 2.5), (2, 'ink', 1e3)",
        "UPDATE orders SET status = 'shipped', shipped_at = @now WHERE id = @id",
        "UPDATE orders SET total = total * 2",
        "UPDATE dbo.users SET role = 'admin' WHERE 1 = 1",
        "UPDATE users SET role = 'admin' WHERE id = id",
        "UPDATE users SET role = 'admin' WHERE id = @id OR 1 = 1",
        "UPDATE users SET role = 'admin' WHERE (id = @id) OR (@x = @x)",
        "UPDATE users SET role = 'admin' WHERE NOT id = 5",
        "UPDATE users SET users.role = @r WHERE users.id <= users.id",
        "DELETE FROM orders",
        "DELETE orders WHERE id = @id",
        "DELETE FROM orders WHERE 'a' = 'a'",
        "DELETE FROM orders WHERE id IN (1, 2) AND total < 5",
        "DELETE FROM orders WHERE total IS NOT NULL OR customer_id > 0",
        "SELECT \"a\"\"b\", [select], t.[Total Amount] AS [Total Amount] FROM hr . /* x */ salaries t",
        "SELECT a FROM t -- ; DROP TABLE x\nWHERE a = N'it''s'",
        "UPDATE t SET a = NULL WHERE b IS NULL",
        "DELETE FROM t WHERE a = a OR b = 1",
        "DELETE FROM t WHERE @p = @p",
        "DELETE FROM t WHERE A = a",
        "DELETE FROM t WHERE NOT (1 = 0)",
        "DELETE FROM t WHERE a /* same */ = a",
        "DELETE FROM t WHERE a >= a AND b = 2",
        "SELECT x.a, y.b FROM db1.s1.x x INNER JOIN s2.y ON y.id = x.id ORDER BY y.b, x.c ASC",
    };

    /// <summary>Statements the fast path must leave to the parser.</summary>
    public static TheoryData<string> LeftToTheParser => new()
    {
        "WITH s AS (SELECT * FROM hr.salaries) SELECT * FROM s",
        "SELECT * FROM x WHERE EXISTS (SELECT 1 FROM hr.salaries)",
        "SELECT 1; DROP TABLE hr.salaries",
        "SELECT * FROM srv.db.dbo.salaries",
        "SELECT * FROM orders WITH (NOLOCK)",
        "SELECT * FROM orders (NOLOCK)",
        "SELECT * FROM OPENROWSET(BULK 'c:\\x', SINGLE_CLOB) x",
        "SELECT * FROM dbo.f(1)",
        "SELECT * FROM #temp",
        "SELECT * FROM @t",
        "SELECT [a]]b] FROM t",
        "SELECT `a` FROM t",
        "SELECT $1 FROM t",
        "SELECT ? FROM t",
        "SELECT select FROM t",
        "SELECT name FROM t GO",
        "SELECT name INTO copy FROM t",
        "SELECT name FROM t UNION SELECT name FROM u",
        "SELECT name FROM t FOR XML AUTO",
        "SELECT name FROM t OPTION (RECOMPILE)",
        "SELECT name FROM t ORDER BY name OFFSET 5 ROWS",
        "SELECT getdate() FROM t",
        "SELECT @x = name FROM t",
        "SELECT total = o.total FROM orders o",
        "SELECT 1",
        "SELECT a FROM t WHERE a BETWEEN 1 AND 2",
        "SELECT a FROM t WHERE (a + 1) = 2",
        "SELECT a FROM t WHERE a = -1",
        "SELECT 1_000 FROM t",
        "SELECT x'00' FROM t",
        "INSERT INTO t (a) SELECT a FROM hr.salaries",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO t (a) OUTPUT inserted.a VALUES (1)",
        "UPDATE TOP (5) t SET a = 1",
        "UPDATE t SET a += 1",
        "UPDATE t SET a = 1 FROM t JOIN u ON u.id = t.id",
        "DELETE FROM t FROM t JOIN u ON u.id = t.id",
        "DELETE TOP (10) FROM t",
        "EXEC('DROP TABLE hr.salaries')",
        "EXEC sp_executesql N'SELECT 1'",
        "DROP TABLE hr.salaries",
        "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;",
        "SELECT a FROM t WHERE a = 1\\",
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void TryRead_SimpleStatement_ReadsItExactlyAsTheParserDoes(string sql)
    {
        var fast = new SqlAnalysisBuilder(SqlDialect.SqlServer);
        var parser = new SqlAnalysisBuilder(SqlDialect.SqlServer);

        TSqlFastReader.TryRead(sql, fast).Should().BeTrue();
        TSqlReader.Read(sql, parser, SqlAnalyzer.DefaultMaxStatements);

        ShouldBeTheSame(fast.Build(), parser.Build());
    }

    [Theory]
    [MemberData(nameof(LeftToTheParser))]
    public void TryRead_StatementOutsideWhatItKnows_IsLeftToTheParser_AndTheAnalyserGivesTheParsersResult(string sql)
    {
        var fast = new SqlAnalysisBuilder(SqlDialect.SqlServer);
        var parser = new SqlAnalysisBuilder(SqlDialect.SqlServer);

        TSqlFastReader.TryRead(sql, fast).Should().BeFalse();
        TSqlReader.Read(sql, parser, SqlAnalyzer.DefaultMaxStatements);

        ShouldBeTheSame(SqlAnalyzer.Analyze(sql, SqlDialect.SqlServer), parser.Build());
    }

    private static void ShouldBeTheSame(SqlAnalysis actual, SqlAnalysis expected)
    {
        actual.StatementCount.Should().Be(expected.StatementCount);
        actual.Kinds.Should().Equal(expected.Kinds);
        actual.TablesRead.Should().Equal(expected.TablesRead);
        actual.TablesWritten.Should().Equal(expected.TablesWritten);
        actual.ColumnsRead.Should().Equal(expected.ColumnsRead);
        actual.ColumnsWritten.Should().Equal(expected.ColumnsWritten);
        actual.Tags.Should().Equal(expected.Tags);
        actual.OpaqueReason.Should().Be(expected.OpaqueReason);
    }
}
