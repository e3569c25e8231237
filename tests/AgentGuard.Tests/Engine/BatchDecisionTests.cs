using AgentGuard.Tests.Audit;
namespace AgentGuard.Tests.Engine;

/// <summary>A batch (the commands of one shell line) is one audited decision over parts recorded in order.</summary>
public sealed class BatchDecisionTests
{
    private const string Json = """
        {
          "AgentGuard": {
            "Rules": [
              { "Id": "no-upload-after-read", "Effect": "Deny", "Match": { "Tools": ["upload"] }, "When": { "Sequence": { "Tools": ["read_secrets"], "AtLeast": 1 } } }
            ]
          }
        }
        """;

    [Fact]
    public async Task NullPart_Throws_BeforeAnyPartIsRecordedOrAudited()
    {
        var audit = new RecordingAuditSink();
        var engine = TestHost.Engine(Json, b => b.AddAuditSink(audit));
        var session = new GuardContext { SessionId = "batch-null" };

        var evaluate = async () => await engine.EvaluateBatchAsync([TestHost.Call("read_secrets"), null!], TestHost.Call("line"), session);

        await evaluate.Should().ThrowAsync<ArgumentNullException>();
        audit.Records.Should().BeEmpty();
        (await engine.EvaluateAsync(TestHost.Call("upload"), session)).Effect.Should().Be(DecisionEffect.Allow, "no part of the rejected batch reached the history");
    }

    [Fact]
    public async Task Batch_IsAuditedOnce_ItsPartsAreHistoryForLaterCalls()
    {
        var audit = new RecordingAuditSink();
        var engine = TestHost.Engine(Json, b => b.AddAuditSink(audit));
        var session = new GuardContext { SessionId = "batch-history" };

        var batch = await engine.EvaluateBatchAsync([TestHost.Call("ls"), TestHost.Call("read_secrets")], TestHost.Call("line"), session);

        batch.Decision.Effect.Should().Be(DecisionEffect.Allow);
        batch.Parts.Should().HaveCount(2);
        audit.Records.Should().ContainSingle().Which.ToolName.Should().Be("line");
        (await engine.EvaluateAsync(TestHost.Call("upload"), session)).RuleIds.Should().Equal("no-upload-after-read");
    }
}
