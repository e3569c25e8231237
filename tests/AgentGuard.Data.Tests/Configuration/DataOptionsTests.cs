using AgentGuard.Data.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentGuard.Data.Tests.Configuration;

/// <summary>The <c>AgentGuard:Data</c> section is checked at start: a mistake names its path and the fix.</summary>
public sealed class DataOptionsTests
{
    [Fact]
    public async Task UnknownKeyUnderData_StopsStart_NamingIt()
    {
        await using var services = DataTestHost.Create("""{ "AgentGuard": { "Data": { "Tabels": { "hr.salaries": { "Tags": ["x"] } } } } }""");

        var act = () => services.GetRequiredService<IGuardEngine>();

        act.Should().Throw<Exception>().Where(e => Flatten(e).Contains("AgentGuard:Data:Tabels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownKeyUnderATable_StopsStart_NamingIt()
    {
        await using var services = DataTestHost.Create("""{ "AgentGuard": { "Data": { "Tables": { "hr.salaries": { "Tag": ["x"] } } } } }""");

        var act = () => services.GetRequiredService<IGuardEngine>();

        act.Should().Throw<Exception>().Where(e => Flatten(e).Contains("AgentGuard:Data:Tables:hr.salaries:Tag", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "AgentGuard": { "Data": { "Tables": { "hr salaries": { "Tags": ["x"] } } } } }""", "AgentGuard:Data:Tables:hr salaries: 'hr salaries' is not a table name")]
    [InlineData("""{ "AgentGuard": { "Data": { "Tables": { "hr.*": { "Tags": ["x"] } } } } }""", "'hr.*' is not a table name")]
    [InlineData("""{ "AgentGuard": { "Data": { "Tables": { "t": { "Tags": [""] } } } } }""", "AgentGuard:Data:Tables:t:Tags[0] is empty.")]
    [InlineData("""{ "AgentGuard": { "Data": { "Tables": { "t": { "Columns": { "ssn": { } } } } } } }""", "AgentGuard:Data:Tables:t:Columns:ssn has neither Tags nor Sensitive: true.")]
    [InlineData("""{ "AgentGuard": { "Data": { "MaxStatements": 0 } } }""", "MaxStatements must be at least 1")]
    public async Task InvalidDataOptions_FailValidation_WithThePath(string json, string message)
    {
        await using var services = DataTestHost.Create(json);

        var act = () => services.GetRequiredService<IOptionsMonitor<AgentGuardDataOptions>>().CurrentValue;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void DataSectionWithoutAddData_StopsStart_SayingWhatToRegister()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("""{ "AgentGuard": { "Data": { "Tables": { "t": { "Tags": ["x"] } } } } }""")))
            .Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IGuardEngine>();

        act.Should().Throw<Exception>().Where(e => Flatten(e).Contains("AddData(...) from AgentGuard.Data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfiguredColumn_TagsOnlyStatementsThatTouchIt()
    {
        const string json = """{ "AgentGuard": { "Data": { "Tables": { "hr.employees": { "Columns": { "ssn": { "Tags": ["pii"] } } } } } } }""";
        await using var services = DataTestHost.Create(json);
        var map = new DataTableMap(services.GetRequiredService<IOptionsMonitor<AgentGuardDataOptions>>().CurrentValue);

        map.Match(SqlAnalyzer.Analyze("SELECT name FROM hr.employees", SqlDialect.PostgreSql)).Tags.Should().BeEmpty();
        map.Match(SqlAnalyzer.Analyze("SELECT ssn FROM hr.employees", SqlDialect.PostgreSql)).Tags.Should().Equal("pii");
        map.Match(SqlAnalyzer.Analyze("SELECT * FROM employees", SqlDialect.PostgreSql)).Tags.Should().Equal("pii");
        map.Match(SqlAnalyzer.Analyze("UPDATE hr.employees SET ssn = $1 WHERE id = $2", SqlDialect.PostgreSql)).Tags.Should().Equal("pii");
        map.Match(SqlAnalyzer.Analyze("SELECT ssn FROM sales.employees", SqlDialect.PostgreSql)).Tags.Should().BeEmpty();
        map.Match(SqlAnalyzer.Analyze("DROP SCHEMA hr CASCADE", SqlDialect.PostgreSql)).Tags.Should().BeEmpty("a dropped schema touches its tables, not their columns");
    }

    [Theory]
    [InlineData("SELECT * FROM salaries")]
    [InlineData("SELECT * FROM hr.salaries")]
    [InlineData("SELECT * FROM HR.SALARIES")]
    [InlineData("SELECT * FROM \"hr\".\"salaries\"")]
    [InlineData("SELECT * FROM erp.hr.salaries")]
    [InlineData("DROP SCHEMA hr CASCADE")]
    [InlineData("GRANT SELECT ON ALL TABLES IN SCHEMA hr TO public")]
    public async Task TableTags_MatchEveryWayToNameTheTable(string sql)
    {
        const string json = """{ "AgentGuard": { "Data": { "Tables": { "hr.salaries": { "Tags": ["internal-only"] } } } } }""";
        await using var services = DataTestHost.Create(json);
        var map = new DataTableMap(services.GetRequiredService<IOptionsMonitor<AgentGuardDataOptions>>().CurrentValue);

        map.Match(SqlAnalyzer.Analyze(sql, SqlDialect.PostgreSql)).Tags.Should().Equal("internal-only");
    }

    [Theory]
    [InlineData("SELECT * FROM sales.salaries")]
    [InlineData("SELECT * FROM salaries_archive")]
    [InlineData("SELECT 'hr.salaries'")]
    public async Task TableTags_DoNotMatchOtherTables(string sql)
    {
        const string json = """{ "AgentGuard": { "Data": { "Tables": { "hr.salaries": { "Tags": ["internal-only"] } } } } }""";
        await using var services = DataTestHost.Create(json);
        var map = new DataTableMap(services.GetRequiredService<IOptionsMonitor<AgentGuardDataOptions>>().CurrentValue);

        map.Match(SqlAnalyzer.Analyze(sql, SqlDialect.PostgreSql)).Tags.Should().BeEmpty();
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
