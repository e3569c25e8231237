using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Engine;

/// <summary>Tags reach tag-indexed rules whichever source they come from: configuration, the event, or a host classifier.</summary>
public sealed class TagSourceTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "drop_*": { "Tags": ["destructive"] } },
        "Rules": [
          { "Id": "no-destructive", "Effect": "Deny", "Match": { "Tags": ["destructive"] } },
          { "Id": "confidential-needs-approval", "Effect": "RequireApproval", "Match": { "Tags": ["confidential", "destructive"] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task EventTag_FromAdapter_MatchesTagIndexedRules()
    {
        var engine = TestHost.Engine(Policy);

        var decision = await engine.EvaluateAsync(new ToolCallEvent("delete_issue", ToolKind.McpTool) { Tags = ["destructive"] }, GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Equal("no-destructive");
        decision.Tags.Should().Equal("destructive");
    }

    [Fact]
    public async Task ConfiguredAndEventTag_SameRuleConsideredOnce()
    {
        var recorder = new RecordingPolicy();
        var engine = TestHost.Engine(Policy, b => b.AddPolicy(recorder));

        var decision = await engine.EvaluateAsync(new ToolCallEvent("drop_table") { Tags = ["destructive", "confidential"] }, GuardContext.Empty);

        decision.RuleIds.Should().Equal("no-destructive");
        recorder.Seen.Single().Tags.Should().BeEquivalentTo("destructive", "confidential");
    }

    [Fact]
    public async Task ClassifierTag_FromArgument_MatchesTagIndexedRules()
    {
        var engine = TestHost.Engine(Policy, b => b.AddClassifier<SensitivityLabelClassifier>());

        var labelled = await engine.EvaluateAsync(TestHost.Call("share_document", """{ "documentId": "doc-42" }"""), GuardContext.Empty);
        var unlabelled = await engine.EvaluateAsync(TestHost.Call("share_document", """{ "documentId": "doc-7" }"""), GuardContext.Empty);

        labelled.Effect.Should().Be(DecisionEffect.RequireApproval);
        labelled.RuleIds.Should().Equal("confidential-needs-approval");
        labelled.Tags.Should().Contain("confidential");
        unlabelled.Effect.Should().Be(DecisionEffect.Allow);
    }

    /// <summary>A host classifier that looks up a document's sensitivity label from an argument.</summary>
    private sealed class SensitivityLabelClassifier : IToolClassifier
    {
        public RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags)
        {
            if (toolCall.Arguments.TryGetValue(ArgumentPath.Parse("$.documentId"), out var id) && id.GetString() == "doc-42")
            {
                tags.Add("confidential");
                return RiskLevel.High;
            }

            return RiskLevel.Unknown;
        }
    }
}
