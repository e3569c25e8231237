namespace AgentGuard.Tests.Soundness;

/// <summary>A tool name disguised with hidden characters, look-alike letters or spacing must not dodge a rule.</summary>
public sealed class ToolNameAttackTests
{
    private const string Policy = """
    { "AgentGuard": { "Rules": [ { "Id": "no-send", "Effect": "Deny", "Match": { "Tools": ["send_email"] } } ] } }
    """;

    [Theory]
    [InlineData("send_email\u200B")]
    [InlineData("\u200Dsend_email")]
    [InlineData("send\u2060_email")]
    [InlineData("send_email\u202E")]
    [InlineData(" send_email ")]
    [InlineData("ｓｅｎｄ＿ｅｍａｉｌ")]
    [InlineData("\U0001D42C\U0001D41E\U0001D427\U0001D41D_email")]
    [InlineData("ѕend_email")]
    [InlineData("sеnd_emаil")]
    [InlineData("SEND_EMAIL")]
    public async Task DisguisedName_IsDeniedAsTheRealOne(string name)
    {
        var decision = await TestHost.Engine(Policy).EvaluateAsync(new ToolCallEvent(name), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Contain("no-send");
    }

    [Theory]
    [InlineData("send_email\u200B")]
    [InlineData("ѕend_email")]
    public async Task DisguisedName_IsTaggedObfuscated(string name)
    {
        var engine = TestHost.Engine("""
        { "AgentGuard": { "Rules": [ { "Id": "no-disguise", "Effect": "Deny", "Match": { "Tags": ["obfuscated-name"] } } ] } }
        """);
        var decision = await engine.EvaluateAsync(new ToolCallEvent(name), GuardContext.Empty);
        decision.RuleIds.Should().Contain("no-disguise");
        decision.Tags.Should().Contain(ToolNames.ObfuscatedTag);
    }

    [Theory]
    [InlineData("créer_facture")]
    [InlineData("отправить")]
    [InlineData("get_weather")]
    public void HonestNames_AreLeftAlone(string name)
    {
        var call = new ToolCallEvent(name);
        call.ToolName.Should().Be(name);
        call.RawToolName.Should().BeNull();
    }

    [Theory]
    [InlineData("files-read_file")]
    [InlineData("files_read_file")]
    [InlineData("files.read_file")]
    [InlineData("files-*")]
    public async Task SemanticKernelQualifiedName_MatchesFunctionOfThatPlugin(string pattern)
    {
        var engine = TestHost.Engine($$"""
        { "AgentGuard": { "Rules": [ { "Id": "no-read", "Effect": "Deny", "Match": { "Tools": ["{{pattern}}"] } } ] } }
        """);
        (await engine.EvaluateAsync(new ToolCallEvent("read_file") { Source = "files" }, GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(new ToolCallEvent("read_file") { Source = "notes" }, GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task SemanticKernelQualifiedName_ClassifiesTools()
    {
        var engine = TestHost.Engine("""
        { "AgentGuard": { "Tools": { "payments-send_money": { "Tags": ["payment"] } },
                          "Rules": [ { "Id": "payments", "Effect": "RequireApproval", "Match": { "Tags": ["payment"] } } ] } }
        """);
        (await engine.EvaluateAsync(new ToolCallEvent("send_money") { Source = "payments" }, GuardContext.Empty)).Effect.Should().Be(DecisionEffect.RequireApproval);
    }

    [Fact]
    public async Task QualifiedMatching_OnlyForPatternsThatNameTheSource()
    {
        var engine = TestHost.Engine("""
        { "AgentGuard": { "Tools": { "shell*": { "Tags": ["remote-code"] } },
                          "Rules": [ { "Id": "no-shell-tools", "Effect": "Deny", "Match": { "Tags": ["remote-code"] } } ] } }
        """);
        (await engine.EvaluateAsync(new ToolCallEvent("ls") { Source = "shell" }, GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow, "'shell*' is about tool names, not every tool of the source 'shell'");
        (await engine.EvaluateAsync(new ToolCallEvent("shell_exec"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task IllFormedUnicodeName_GetsADecision_NotAnException()
    {
        foreach (var name in new[] { "send_email\uD800", "\uDC00send_email" })
        {
            var call = new ToolCallEvent(name);
            call.RawToolName.Should().Be(name);
            var engine = TestHost.Engine("""
            { "AgentGuard": { "Rules": [ { "Id": "no-disguise", "Effect": "Deny", "Match": { "Tags": ["obfuscated-name"] } } ] } }
            """);
            var decision = await engine.EvaluateAsync(call, new GuardContext { Prompt = "pay \uD800 bob@corp.com" });
            decision.RuleIds.Should().Contain("no-disguise");
        }
    }
}
