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

    [Fact]
    public async Task SecretArgumentScan_RunsOnlyWhenARuleReferencesItsTag()
    {
        const string secret = """{ "note": "key AKIAZ7QK4M2P9XRT3LBN for the bucket" }""";
        var unused = new RecordingPolicy();
        var used = new RecordingPolicy();
        var without = TestHost.Engine("""{ "AgentGuard": { "Rules": [] } }""", b => b.AddPolicy(unused));
        var with = TestHost.Engine("""{ "AgentGuard": { "Rules": [ { "Id": "no-secrets-out", "Effect": "Deny", "Match": { "Tags": ["secret-in-arguments"] } } ] } }""", b => b.AddPolicy(used));

        await without.EvaluateAsync(TestHost.Call("post", secret), GuardContext.Empty);
        var denied = await with.EvaluateAsync(TestHost.Call("post", secret), GuardContext.Empty);

        unused.Seen.Single().Tags.Should().BeEmpty("no rule can react to the tag, so the arguments are not scanned");
        used.Seen.Single().Tags.Should().Contain("secret-in-arguments");
        denied.RuleIds.Should().Equal("no-secrets-out");
    }

    /// <summary>A host classifier that looks up a document's sensitivity label from an argument.</summary>
    [Fact]
    public void ClassifierTags_ManyCallsDecidedAtOnce_EachCallGetsOnlyItsOwnTags()
    {
        // The engine hands classifiers pooled scratch lists. If two calls deciding at once ever shared one, a call could
        // lose its tag (a confidential share allowed) or take another's (a public share held).
        var engine = TestHost.Engine(Policy, b => b.AddClassifier<SlowNameClassifier>());
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        // More threads than cores, so calls also interleave on one processor (the pool is striped by processor).
        var threads = Enumerable.Range(0, 8).Select(thread => new Thread(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var secret = (i + thread) % 2 == 0;
                var decision = engine.EvaluateAsync(new ToolCallEvent(secret ? "share_secret" : "share_public"), GuardContext.Empty).AsTask().GetAwaiter().GetResult();
                var expected = secret ? DecisionEffect.RequireApproval : DecisionEffect.Allow;
                if (decision.Effect != expected || decision.Tags.Contains("confidential") != secret)
                {
                    failures.Add($"{(secret ? "share_secret" : "share_public")}: {decision.Effect} [{string.Join(',', decision.Tags)}]");
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.Should().BeEmpty();
    }

    /// <summary>Tags by tool name, and lingers while the list is in its hands so concurrent calls overlap; checks it gets an empty list.</summary>
    private sealed class SlowNameClassifier : IToolClassifier
    {
        public RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags)
        {
            if (tags.Count != 0)
            {
                throw new InvalidOperationException("the scratch list holds another call's tags: " + string.Join(',', tags));
            }

            var secret = toolCall.ToolName == "share_secret";
            if (secret)
            {
                tags.Add("confidential");
            }

            Thread.Yield();
            Thread.SpinWait(2_000);
            if (tags.Count != (secret ? 1 : 0))
            {
                throw new InvalidOperationException("another call wrote to this call's scratch list: " + string.Join(',', tags));
            }

            return RiskLevel.Unknown;
        }
    }

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
