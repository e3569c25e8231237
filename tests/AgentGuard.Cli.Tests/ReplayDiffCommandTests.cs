using System.Text.Json;

namespace AgentGuard.Cli.Tests;

public sealed class ReplayDiffCommandTests : IClassFixture<ReplayDiffCommandTests.Recording>
{
    private readonly Recording _recording;

    public ReplayDiffCommandTests(Recording recording) => _recording = recording;

    [Fact]
    public void Recording_RealGuardedSession_AuditCarriesWhatReplayNeeds()
    {
        // Audit mode: everything runs, and the policy's effect is recorded.
        _recording.Executed.Should().Equal(new[] { "export_csv", "export_csv", "export_csv", "web_fetch", "send_email", "delete_file", "read_file" });
        var records = File.ReadAllLines(_recording.Audit).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        records.Should().HaveCount(7);
        records.Select(r => r.GetProperty("seq").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var send = records.Single(r => r.GetProperty("tool").GetString() == "send_email");
        send.GetProperty("policyDecision").GetString().Should().Be("RequireApproval");
        send.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Should().Contain("untrusted");
        send.GetProperty("environment").GetString().Should().Be("prod");
        send.GetProperty("args").GetProperty("to").GetString().Should().Be("partner@example.org");
    }

    [Fact]
    public async Task Replay_SamePolicy_ReproducesEveryRecordedDecision()
    {
        var (exit, output, _) = await Cli.RunAsync("replay", _recording.Audit, "--policy", _recording.V1, "--format", "json", "--fail-on-change");

        exit.Should().Be(0, output);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("total").GetInt32().Should().Be(7);
        root.GetProperty("changed").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Diff_ChangedPolicy_EveryChangeGroupedByRuleAndEffect()
    {
        var (exit, output, _) = await Cli.RunAsync("diff", _recording.V1, _recording.V2, "--on", _recording.Audit, "--format", "json", "--fail-on-change");

        exit.Should().Be(1);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("total").GetInt32().Should().Be(7);
        root.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("from").GetString(), g.GetProperty("to").GetString(), g.GetProperty("rule").GetString(), g.GetProperty("count").GetInt32()))
            .Should().BeEquivalentTo(new[]
            {
                ("Allow", "Deny", "no-destructive", 1),                        // bob's delete in dev
                ("Allow", "RequireApproval", "export-chain", 1),               // alice's second export
                ("RequireApproval", "Allow", "untrusted-then-send", 1),        // the send after the web page
            });
        root.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("session").GetString(), c.GetProperty("tool").GetString()))
            .Should().BeEquivalentTo(new[] { ("s-bob", "delete_file"), ("s-alice", "export_csv"), ("s-alice", "send_email") });
    }

    [Fact]
    public async Task Replay_ChangedPolicy_TextListsTheGroupsAndCalls()
    {
        var (exit, output, _) = await Cli.RunAsync("replay", _recording.Audit, "--policy", _recording.V2, "--list");

        exit.Should().Be(0);
        output.Should().Contain("7 call(s) decided again; 3 changed effect, 0 changed only the deciding rules; 0 of the changes are uncertain.");
        output.Should().MatchRegex(@"Allow -> Deny\s+no-destructive\s+1");
        output.Should().Contain("session s-alice, send_email: RequireApproval [untrusted-then-send] -> Allow []");
    }

    [Fact]
    public async Task Replay_ProvenanceRule_ChangesAreMarkedUncertain()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("p.json"), """
            { "AgentGuard": { "Rules": [ { "Id": "recipient-from-user", "Effect": "Deny", "Match": { "Tools": ["send_email"] }, "When": { "Provenance": { "Argument": "$.to" } } } ] } }
            """);

        var (_, output, _) = await Cli.RunAsync("replay", _recording.Audit, "--policy", dir.File("p.json"), "--format", "json");

        var change = JsonDocument.Parse(output).RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("tool").GetString() == "send_email");
        change.GetProperty("to").GetString().Should().Be("Deny");
        change.GetProperty("caveat").GetString().Should().StartWith("provenance:");
    }

    [Fact]
    public async Task Replay_MalformedAuditLine_ExitTwoNamingTheLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("a.jsonl"), [File.ReadLines(_recording.Audit).First(), "{ not json"]);

        var (exit, _, error) = await Cli.RunAsync("replay", dir.File("a.jsonl"), "--policy", _recording.V1);

        exit.Should().Be(2);
        error.Should().Contain("a.jsonl(2): not an audit record");
    }

    /// <summary>Records the audit file once for the class.</summary>
    public sealed class Recording : IAsyncLifetime
    {
        private readonly TempDirectory _directory = new();

        public string Audit { get; private set; } = string.Empty;

        public IReadOnlyList<string> Executed { get; private set; } = [];

        public string V1 => _directory.File("v1.json");

        public string V2 => _directory.File("v2.json");

        public async Task InitializeAsync()
        {
            File.WriteAllText(V1, RecordedSession.PolicyV1);
            File.WriteAllText(V2, RecordedSession.PolicyV2);
            (Audit, Executed) = await RecordedSession.RecordAsync(_directory.Path);
        }

        public Task DisposeAsync()
        {
            _directory.Dispose();
            return Task.CompletedTask;
        }
    }
}
