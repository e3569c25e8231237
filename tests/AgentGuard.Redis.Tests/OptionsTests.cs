using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard.Redis.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void AddRedis_MissingPrefixKeyAndBadValues_FailsAtStartNamingEachKey()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "AgentGuard": { "Redis": { "Configuration": "127.0.0.1:1", "HmacKey": "c2hvcnQ=", "OperationTimeout": "soon", "OnUnavailable": "Maybe" } } }
            """))).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard")).AddRedis(configuration.GetSection("AgentGuard:Redis"));
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IOptions<RedisStoreOptions>>().Value;

        var failure = start.Should().Throw<OptionsValidationException>().Which;
        failure.Failures.Should().Contain(f => f.Contains("KeyPrefix is required"))
            .And.Contain(f => f.Contains("HmacKey is required"))
            .And.Contain(f => f.Contains("OperationTimeout 'soon'"))
            .And.Contain(f => f.Contains("OnUnavailable 'Maybe'"));
    }

    [Fact]
    public void AddRedis_PasswordAndTls_FromConfiguration()
    {
        var options = new RedisStoreOptions { Configuration = "cache.internal:6380", Password = "from-secret-store", Ssl = true, User = "agent", KeyPrefix = "app", HmacKey = Replica.HmacKey };
        var settings = RedisStoreSettings.From(options);

        var configured = RedisConnection.Configure(options, settings);

        configured.Password.Should().Be("from-secret-store");
        configured.Ssl.Should().BeTrue();
        configured.User.Should().Be("agent");
        configured.AbortOnConnectFail.Should().BeFalse("a Redis that is down must not stop the host");
        settings.KeyPrefix.Should().Be("{app}:", "a hash tag keeps the application's keys in one cluster slot, as the scripts need");
    }

    [Fact]
    public void AWriteWaitingInTheClientsBacklog_GetsTheWriteTimeout_NotTheReadBudget()
    {
        // The client fails a command still in its backlog (queued while another thread held the connection's writer)
        // after its SyncTimeout, async or not: with the read budget there, a record queued on a starved host was
        // dropped after 100 ms — a call lost from the shared history (PendingRecordsTests.AFloodOfDecisions_LosesNoRecord
        // under load: "timed out in the backlog …, command=RPUSH, timeout: 100"). Reads keep the budget by waiting with it themselves.
        var options = new RedisStoreOptions { Configuration = "127.0.0.1:1", KeyPrefix = "app", HmacKey = Replica.HmacKey, OperationTimeout = "00:00:00.100" };
        var settings = RedisStoreSettings.From(options);

        var configured = RedisConnection.Configure(options, settings);

        configured.SyncTimeout.Should().BeGreaterThanOrEqualTo(RedisConnection.WriteTimeoutMs, "a write in the client's backlog times out after SyncTimeout");
        configured.AsyncTimeout.Should().BeGreaterThanOrEqualTo(RedisConnection.WriteTimeoutMs, "a write sent times out after AsyncTimeout");
    }
}
