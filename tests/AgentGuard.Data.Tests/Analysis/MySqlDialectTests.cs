using AgentGuard.Data;

namespace AgentGuard.Data.Tests.Analysis;

/// <summary>
/// MySQL and MariaDB (the dialect of <c>mysql -e</c> in the shell guard, and of MySqlConnector): where the server ends
/// a string or a comment differs from PostgreSQL and SQLite, and a statement hidden by that difference must be seen.
/// </summary>
public sealed class MySqlDialectTests
{
    [Theory]
    [InlineData("SELECT '\\''; DROP TABLE hr.salaries; -- '")]
    [InlineData("SELECT \"\\\"\"; DROP TABLE hr.salaries; -- \"")]
    [InlineData("SELECT e'\\''; DROP TABLE hr.salaries; -- '")]
    [InlineData("SELECT _latin1'\\''; DROP TABLE hr.salaries; -- '")]
    [InlineData("SELECT 1;#'\nDROP TABLE hr.salaries;#'")]
    [InlineData("SELECT 1 +#'\n; DROP TABLE hr.salaries;#'")]
    [InlineData("SELECT 1--1; DROP TABLE hr.salaries")]
    [InlineData("SELECT [a; DROP TABLE hr.salaries; ]")]
    public void Analyze_StatementHiddenByAnotherDialectsQuotingOrComments_IsSeen(string sql)
    {
        var analysis = SqlAnalyzer.Analyze(sql, SqlDialect.MySql);

        analysis.Tags.Should().Contain([DataTags.Ddl, DataTags.Destructive]);
        analysis.TablesWritten.Should().Contain("hr.salaries");
    }

    [Theory]
    [InlineData("/*!50000 DROP TABLE hr.salaries */")]
    [InlineData("SELECT 1 /*!32302 ; DROP TABLE hr.salaries */")]
    [InlineData("SELECT 1 /*M!100101 ; DROP TABLE hr.salaries */")]
    public void Analyze_ExecutableComment_IsReadAsTheCodeTheServerRuns(string sql)
    {
        var analysis = SqlAnalyzer.Analyze(sql, SqlDialect.MySql);

        analysis.Tags.Should().Contain([DataTags.Ddl, DataTags.Destructive]);
        analysis.TablesWritten.Should().Contain("hr.salaries");
    }

    [Theory]
    [InlineData("SELECT 1 /*!50000 ; DROP TABLE hr.salaries")]
    [InlineData("SELECT 1 /*!50000 /*!50000 DROP TABLE x */ */")]
    public void Analyze_BrokenExecutableComment_IsOpaque(string sql)
        => SqlAnalyzer.Analyze(sql, SqlDialect.MySql).IsOpaque.Should().BeTrue();

    [Fact]
    public void Analyze_BackslashEscapedQuoteInsideString_StaysOneString()
    {
        var analysis = SqlAnalyzer.Analyze("SELECT name FROM orders WHERE note = 'it\\'s; DROP TABLE x'", SqlDialect.MySql);

        analysis.StatementCount.Should().Be(1);
        analysis.Kinds.Should().Equal(SqlStatementKind.Read);
        analysis.TablesRead.Should().Equal("orders");
        analysis.IsOpaque.Should().BeFalse();
    }

    [Theory]
    [InlineData("USE shop; SELECT * FROM orders", SqlStatementKind.Read)]
    [InlineData("DESCRIBE hr.salaries", SqlStatementKind.Read)]
    [InlineData("SELECT `total` FROM `orders` # newest first\nORDER BY id DESC", SqlStatementKind.Read)]
    public void Analyze_EverydayMySql_IsReadNotOpaque(string sql, SqlStatementKind kind)
    {
        var analysis = SqlAnalyzer.Analyze(sql, SqlDialect.MySql);

        analysis.IsOpaque.Should().BeFalse(analysis.OpaqueReason);
        analysis.Kinds.Should().Contain(kind);
        analysis.Tags.Should().NotContain(DataTags.Destructive);
    }

    [Fact]
    public void Analyze_LoadDataInfile_IsFileAccessInsertingIntoTheTable()
    {
        var analysis = SqlAnalyzer.Analyze("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE staging.users FIELDS TERMINATED BY ':'", SqlDialect.MySql);

        analysis.Kinds.Should().Equal(SqlStatementKind.Insert);
        analysis.Tags.Should().Contain(DataTags.FileAccess);
        analysis.TablesWritten.Should().Equal("staging.users");
    }

    [Fact]
    public void Analyze_SelectIntoOutfile_IsFileAccess()
        => SqlAnalyzer.Analyze("SELECT * FROM hr.salaries INTO OUTFILE '/tmp/s.csv'", SqlDialect.MySql).Tags.Should().Contain(DataTags.FileAccess);

    [Theory]
    [InlineData(SqlDialect.MySql)]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    [InlineData(SqlDialect.SqlServer)]
    public void Analyze_AlterTableDropColumn_IsDestructiveInEveryDialect(SqlDialect dialect)
    {
        var analysis = SqlAnalyzer.Analyze("ALTER TABLE users DROP COLUMN email", dialect);

        analysis.Kinds.Should().Equal(SqlStatementKind.Ddl);
        analysis.Tags.Should().Contain(DataTags.Destructive);
        analysis.TablesWritten.Should().Equal("users");
    }
}
