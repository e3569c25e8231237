using AgentGuard.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgentGuard.Data.Tests.Commands;

/// <summary>The EF Core interceptor in front of a real PostgreSQL server (Npgsql provider) and a real SQLite file.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EntityFrameworkCoreTests(PostgresServer server) : IAsyncLifetime
{
    private readonly RecordingAuditSink _audit = new();
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        _services = DataTestHost.Create(configure: (_, b) => b.AddAuditSink(_audit));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Query_ExternalUserOnInternalTable_IsDeniedBeforeTheServer_InternalUserReads()
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        await using var context = Postgres();

        var external = () => DataTestHost.AsUserAsync("mallory", external: true, () => context.Salaries.TagWith(marker).ToListAsync());

        await external.Should().ThrowAsync<ToolCallDeniedException>();
        (await server.LoggedAsync(marker, waitMilliseconds: 500)).Should().BeFalse();

        var rows = await DataTestHost.AsUserAsync("alice", external: false, () => context.Salaries.TagWith(marker).OrderBy(s => s.Id).ToListAsync());

        rows.Select(r => r.Employee).Should().StartWith(["alice", "bob"]);
        (await server.LoggedAsync(marker)).Should().BeTrue();
        _audit.Records.Should().OnlyContain(r => r.Kind == ToolKind.DatabaseQuery && r.Source == "hr");
    }

    [Fact]
    public async Task ExecuteDelete_WithoutFilter_IsAMassChange_DeniedWithoutApprover()
    {
        await using var context = Postgres();
        var before = await DataTestHost.AsUserAsync("alice", external: false, () => context.Products.CountAsync());

        var act = () => DataTestHost.AsUserAsync("alice", external: false, () => context.Products.ExecuteDeleteAsync());

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Contain("sql-mass-change");
        (await DataTestHost.AsUserAsync("alice", external: false, () => context.Products.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task SaveChanges_Allowed_Runs_AndDenied_SurfacesTheDenialInside()
    {
        const string policy = """
        { "AgentGuard": { "Data": { "Tables": { "public.products": { "Tags": ["catalogue"] } } },
            "Rules": [ { "Id": "no-external-writes", "Effect": "Deny", "Match": { "Tags": ["sql-write"] }, "When": { "User": { "External": true } } } ] } }
        """;
        await using var services = DataTestHost.Create(policy);
        await using var context = Postgres(services);
        var name = "cap-" + Guid.NewGuid().ToString("N");

        context.Products.Add(new Product { Name = name, Price = 3 });
        await DataTestHost.AsUserAsync("alice", external: false, () => context.SaveChangesAsync());

        context.Products.Add(new Product { Name = name + "-evil", Price = 1 });
        var act = () => DataTestHost.AsUserAsync("mallory", external: true, () => context.SaveChangesAsync());

        var thrown = (await act.Should().ThrowAsync<DbUpdateException>()).Which;
        thrown.InnerException.Should().BeOfType<ToolCallDeniedException>();
        (await server.LoggedAsync(name + "-evil", waitMilliseconds: 500)).Should().BeFalse();
    }

    [Fact]
    public async Task Sqlite_QueryAndRawSql_AreGuarded()
    {
        var file = Path.Combine(Path.GetTempPath(), "agentguard-ef-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteShopContext>().UseSqlite($"Data Source={file}").UseAgentGuard(_services, "shop").Options;
            await using var context = new SqliteShopContext(options);
            await using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
            {
                await raw.OpenAsync();
                await using var create = raw.CreateCommand();
                create.CommandText = "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price INTEGER NOT NULL)";
                await create.ExecuteNonQueryAsync();
            }

            var drop = () => context.Database.ExecuteSqlRawAsync("DROP TABLE products");

            await drop.Should().ThrowAsync<ToolCallDeniedException>();
            (await context.Products.CountAsync()).Should().Be(0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private ShopContext Postgres(IServiceProvider? services = null)
        => new(new DbContextOptionsBuilder<ShopContext>().UseNpgsql(server.ConnectionString).UseAgentGuard(services ?? _services, "hr").Options);

    public sealed class Salary
    {
        public int Id { get; set; }

        public string Employee { get; set; } = string.Empty;

        public int Amount { get; set; }

        public string? Iban { get; set; }
    }

    public sealed class Product
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public int Price { get; set; }
    }

    /// <summary>The PostgreSQL model: hr.salaries and public.products.</summary>
    public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
    {
        public DbSet<Salary> Salaries => Set<Salary>();

        public DbSet<Product> Products => Set<Product>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => Map(modelBuilder, "hr", "public");
    }

    /// <summary>The same model in one SQLite file.</summary>
    public sealed class SqliteShopContext(DbContextOptions<SqliteShopContext> options) : DbContext(options)
    {
        public DbSet<Product> Products => Set<Product>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => Map(modelBuilder, null, null);
    }

    private static void Map(ModelBuilder modelBuilder, string? hr, string? shop)
    {
        modelBuilder.Entity<Salary>(e =>
        {
            e.ToTable("salaries", hr);
            e.Property(s => s.Id).HasColumnName("id");
            e.Property(s => s.Employee).HasColumnName("employee");
            e.Property(s => s.Amount).HasColumnName("amount");
            e.Property(s => s.Iban).HasColumnName("iban");
        });
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("products", shop);
            e.Property(p => p.Id).HasColumnName("id");
            e.Property(p => p.Name).HasColumnName("name");
            e.Property(p => p.Price).HasColumnName("price");
        });
    }
}
