using AgentGuard.Data;

namespace AgentGuard.Data.Tests.Analysis;

/// <summary>Everyday statements: what they read and write, and that they are not flagged.</summary>
public sealed class SqlAnalyzerTests
{
    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    public void Analyze_SelectWithJoin_ReportsTablesAndColumns(SqlDialect dialect)
    {
        var analysis = SqlAnalyzer.Analyze("SELECT e.name, s.amount FROM hr.employees e JOIN hr.salaries s ON s.employee_id = e.id WHERE e.id = @id", dialect);

        analysis.Kinds.Should().Equal(SqlStatementKind.Read);
        analysis.TablesRead.Should().BeEquivalentTo(["hr.employees", "hr.salaries"]);
        analysis.TablesWritten.Should().BeEmpty();
        analysis.ColumnsRead.Should().Contain(["name", "amount", "employee_id", "id"]);
        analysis.Tags.Should().Equal(DataTags.Read);
        analysis.IsOpaque.Should().BeFalse();
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    public void Analyze_InsertWithColumns_ReportsColumnsWritten(SqlDialect dialect)
    {
        var analysis = SqlAnalyzer.Analyze("INSERT INTO orders (customer_id, total) VALUES (@c, @t)", dialect);

        analysis.Kinds.Should().Equal(SqlStatementKind.Insert);
        analysis.TablesWritten.Should().Equal("orders");
        analysis.ColumnsWritten.Should().BeEquivalentTo(["customer_id", "total"]);
        analysis.Tags.Should().Equal(DataTags.Write);
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    public void Analyze_UpdateWithWhere_IsAnUpdateOfTheSetColumns(SqlDialect dialect)
    {
        var analysis = SqlAnalyzer.Analyze("UPDATE orders SET status = 'shipped', shipped_at = @now WHERE id = @id", dialect);

        analysis.Kinds.Should().Equal(SqlStatementKind.Update);
        analysis.TablesWritten.Should().Equal("orders");
        analysis.ColumnsWritten.Should().BeEquivalentTo(["status", "shipped_at"]);
        analysis.Tags.Should().NotContain(DataTags.MassChange);
    }

    [Theory]
    [InlineData("SELECT * FROM orders", SqlDialect.PostgreSql)]
    [InlineData("SELECT o.* FROM orders o", SqlDialect.PostgreSql)]
    [InlineData("SELECT * FROM orders", SqlDialect.SqlServer)]
    public void Analyze_SelectStar_ReadsEveryColumn(string sql, SqlDialect dialect)
        => SqlAnalyzer.Analyze(sql, dialect).ColumnsRead.Should().Contain("*");

    [Fact]
    public void Analyze_CountStar_IsNotEveryColumn()
        => SqlAnalyzer.Analyze("SELECT count(*) FROM orders", SqlDialect.PostgreSql).ColumnsRead.Should().NotContain("*");

    [Theory]
    [InlineData("SELECT replace(name, 'a', 'b'), left(name, 2) FROM customers")]
    [InlineData("SELECT extract(year FROM created_at) FROM orders")]
    [InlineData("SELECT substring(name FROM 2 FOR 3) FROM customers")]
    [InlineData("SELECT created_at::date, CAST(total AS numeric) FROM orders WHERE created_at > now() - interval '1 day'")]
    [InlineData("SELECT a FROM t WHERE b IS DISTINCT FROM c")]
    [InlineData("SELECT * FROM orders ORDER BY id DESC LIMIT 10 OFFSET 20 FOR UPDATE")]
    [InlineData("SELECT * FROM orders FOR NO KEY UPDATE")]
    [InlineData("SELECT jsonb_col ? 'key', jsonb_col @> '{}' FROM docs")]
    [InlineData("SELECT ts AT TIME ZONE 'UTC' FROM events")]
    [InlineData("SELECT 1;")]
    public void Analyze_EverydayRead_IsOnlyARead(string sql)
    {
        var analysis = SqlAnalyzer.Analyze(sql, SqlDialect.PostgreSql);

        analysis.Kinds.Should().Equal(SqlStatementKind.Read);
        analysis.Tags.Should().Equal(DataTags.Read);
        analysis.StatementCount.Should().Be(1);
    }

    [Fact]
    public void Analyze_ExtractFrom_DoesNotReportTheColumnAsATable()
        => SqlAnalyzer.Analyze("SELECT extract(year FROM created_at) FROM orders", SqlDialect.PostgreSql).TablesRead.Should().Equal("orders");

    [Fact]
    public void Analyze_InsertSelect_ReadsTheSourceAndWritesTheTarget()
    {
        var analysis = SqlAnalyzer.Analyze("INSERT INTO archive.orders SELECT * FROM orders WHERE created_at < $1", SqlDialect.PostgreSql);

        analysis.Kinds.Should().BeEquivalentTo([SqlStatementKind.Insert, SqlStatementKind.Read]);
        analysis.TablesWritten.Should().Equal("archive.orders");
        analysis.TablesRead.Should().Equal("orders");
        analysis.ColumnsWritten.Should().Equal("*");
    }

    [Fact]
    public void Analyze_Transaction_IsTransaction()
        => SqlAnalyzer.Analyze("BEGIN; COMMIT", SqlDialect.PostgreSql).Kinds.Should().Equal(SqlStatementKind.Transaction);

    [Fact]
    public void Analyze_GrantOnTable_IsGrantWritingTheTable()
    {
        var analysis = SqlAnalyzer.Analyze("GRANT SELECT ON TABLE hr.salaries TO reporting", SqlDialect.PostgreSql);

        analysis.Kinds.Should().Equal(SqlStatementKind.Grant);
        analysis.TablesWritten.Should().Equal("hr.salaries");
        analysis.Tags.Should().Contain(DataTags.Privilege);
    }

    [Fact]
    public void Analyze_DropSchema_WritesEveryTableOfIt()
        => SqlAnalyzer.Analyze("DROP SCHEMA hr CASCADE", SqlDialect.PostgreSql).TablesWritten.Should().Equal("hr.*");

    [Fact]
    public void Analyze_QuotedIdentifierKeepsItsCase()
        => SqlAnalyzer.Analyze("SELECT \"Amount\" FROM \"HR\".\"Salaries\"", SqlDialect.PostgreSql).TablesRead.Should().Equal("HR.Salaries");

    [Fact]
    public void Analyze_TooManyStatements_IsOpaque()
    {
        var analysis = SqlAnalyzer.Analyze(string.Concat(Enumerable.Repeat("SELECT 1;", 11)), SqlDialect.PostgreSql, maxStatements: 10);

        analysis.IsOpaque.Should().BeTrue();
        analysis.OpaqueReason.Should().Be("more than 10 statements");
    }

    [Fact]
    public void Analyze_TooLong_IsOpaque()
        => SqlAnalyzer.Analyze("SELECT '" + new string('x', 200) + "'", SqlDialect.PostgreSql, maxLength: 100).OpaqueReason.Should().Be("a text longer than 100 characters");

    [Fact]
    public void Analyze_DeepNesting_IsOpaqueNotACrash()
    {
        var sql = "SELECT " + new string('(', 500) + "1" + new string(')', 500);

        SqlAnalyzer.Analyze(sql, SqlDialect.PostgreSql).IsOpaque.Should().BeTrue();
    }

    [Fact]
    public void Analyze_MergeStatement_ReadsSourceAndWritesTarget()
    {
        var analysis = SqlAnalyzer.Analyze("MERGE INTO stock s USING deliveries d ON s.item = d.item WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (d.item, d.qty)", SqlDialect.PostgreSql);

        analysis.TablesWritten.Should().Equal("stock");
        analysis.TablesRead.Should().Equal("deliveries");
        analysis.Kinds.Should().Contain([SqlStatementKind.Update, SqlStatementKind.Insert]);
        analysis.Tags.Should().NotContain(DataTags.MassChange);
    }
}
