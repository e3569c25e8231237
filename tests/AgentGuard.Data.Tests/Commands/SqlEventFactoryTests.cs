using System.Data;
using Microsoft.Data.Sqlite;

namespace AgentGuard.Data.Tests.Commands;

/// <summary>The event a command becomes: arguments, tags, risk; never an exception.</summary>
public sealed class SqlEventFactoryTests
{
    private static readonly DatabaseSource Source = new("shop", SqlDialect.Sqlite);

    private readonly DataTableMap _map = new(new AgentGuardDataOptions
    {
        Tables = { ["salaries"] = new DataTableOptions { Tags = ["internal-only"], Columns = { ["iban"] = new DataColumnOptions { Sensitive = true } } } },
    });

    [Fact]
    public void Create_WithoutParameters_IsWellFormedAndReusedForTheSameText()
    {
        var factory = new SqlEventFactory(() => _map, () => ToolArgumentLimits.Default);
        using var command = new SqliteCommand("SELECT employee FROM salaries");

        var first = factory.Create(command, Source).Event;
        var second = factory.Create(command, Source).Event;

        first.Arguments.IsMalformed.Should().BeFalse();
        first.Arguments.Root.GetProperty("parameters").EnumerateObject().Should().BeEmpty();
        first.Arguments.Root.GetProperty("dataTags")[0].GetString().Should().Be("internal-only");
        second.Arguments.Should().BeSameAs(first.Arguments);
        second.CallId.Should().NotBe(first.CallId);
        first.Kind.Should().Be(ToolKind.DatabaseQuery);
        first.Risk.Should().Be(RiskLevel.Low);
    }

    [Fact]
    public void Create_WithParameters_WritesThemTyped_SensitiveOnesHidden()
    {
        var factory = new SqlEventFactory(() => _map, () => ToolArgumentLimits.Default);
        using var command = new SqliteCommand("UPDATE salaries SET iban = @iban, amount = @amount WHERE id = $id");
        command.Parameters.AddWithValue("@iban", "DE89370400440532013000");
        command.Parameters.AddWithValue("@amount", 12.5m);
        command.Parameters.AddWithValue("$id", 7);
        command.Parameters.AddWithValue("@blob", new byte[3]);

        var call = factory.Create(command, Source).Event;

        call.Arguments.IsMalformed.Should().BeFalse();
        var parameters = call.Arguments.Root.GetProperty("parameters");
        parameters.GetProperty("iban").GetString().Should().Be("***");
        parameters.GetProperty("amount").GetDecimal().Should().Be(12.5m);
        parameters.GetProperty("id").GetInt32().Should().Be(7);
        parameters.GetProperty("blob").GetString().Should().Be("(3 bytes)");
        call.Risk.Should().Be(RiskLevel.Medium);
    }

    [Fact]
    public void Create_SameParameterValuesAgain_ReusesTheArguments_NewValuesAreSeen()
    {
        var factory = new SqlEventFactory(() => _map, () => ToolArgumentLimits.Default);
        using var command = new SqliteCommand("SELECT name FROM products WHERE id = @id");
        command.Parameters.AddWithValue("@id", 1);

        var first = factory.Create(command, Source).Event.Arguments;
        var again = factory.Create(command, Source).Event.Arguments;
        command.Parameters[0].Value = 2;
        var changed = factory.Create(command, Source).Event.Arguments;

        again.Should().BeSameAs(first);
        changed.Should().NotBeSameAs(first);
        changed.Root.GetProperty("parameters").GetProperty("id").GetInt32().Should().Be(2);
        first.Root.GetProperty("parameters").GetProperty("id").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Create_ParameterThatThrowsWhenRead_IsOpaque_NotAnException()
    {
        var factory = new SqlEventFactory(() => _map, () => ToolArgumentLimits.Default);
        using var command = new SqliteCommand("SELECT * FROM products WHERE id = @id");
        command.Parameters.AddWithValue("@id", new Hostile());

        var call = factory.Create(command, Source).Event;

        call.Tags.Should().Contain(DataTags.Opaque);
        call.Risk.Should().Be(RiskLevel.High);
    }

    [Fact]
    public void Create_StoredProcedure_IsOpaque()
    {
        var factory = new SqlEventFactory(() => _map, () => ToolArgumentLimits.Default);
        using var command = new Npgsql.NpgsqlCommand("purge_everything") { CommandType = CommandType.StoredProcedure };

        factory.Create(command, new DatabaseSource("pg", SqlDialect.PostgreSql)).Event.Tags.Should().Contain(DataTags.Opaque);
    }

    [Fact]
    public void Create_TooManyParameters_IsOpaque()
    {
        var map = new DataTableMap(new AgentGuardDataOptions { MaxParameters = 2 });
        var factory = new SqlEventFactory(() => map, () => ToolArgumentLimits.Default);
        using var command = new SqliteCommand("SELECT @a, @b, @c");
        command.Parameters.AddWithValue("@a", 1);
        command.Parameters.AddWithValue("@b", 2);
        command.Parameters.AddWithValue("@c", 3);

        var call = factory.Create(command, Source).Event;

        call.Tags.Should().Contain(DataTags.Opaque);
        call.Arguments.Root.GetProperty("opaqueReason").GetString().Should().Be("3 parameters, more than 2");
    }

    private sealed class Hostile
    {
        public override string ToString() => throw new InvalidOperationException("no");
    }
}
