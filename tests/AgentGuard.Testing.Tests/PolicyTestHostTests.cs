using AgentGuard.Infrastructure;

namespace AgentGuard.Testing.Tests;

public sealed class PolicyTestHostTests
{
    private static PolicyTestHost Payments() => PolicyTestHost.FromFile(Path.Combine(AppContext.BaseDirectory, "Policies", "payments.json"));

    [Fact]
    public async Task DecideAsync_DestructiveInProd_DeniedByTheRuleWithEvidence()
    {
        using var host = Payments();

        var outcome = await host.DecideAsync("delete_file", context: new GuardContext { Environment = "prod" });

        outcome.ShouldBeDenied().ByRule("no-destructive-in-prod").ByRules("no-destructive-in-prod").WithEvidence("environment in [prod]");
        outcome.Decision.PolicyEffect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task ShouldBeAllowed_WhenDenied_ThrowsWithTheCallTheDecisionAndEveryRule()
    {
        using var host = Payments();
        var outcome = await host.DecideAsync("delete_file", context: new GuardContext { Environment = "prod", User = new GuardUser("alice") });

        var act = () => outcome.ShouldBeAllowed();

        var message = act.Should().Throw<PolicyAssertionException>().Which.Message;
        message.Should().StartWith("Policy assertion failed for delete_file (Function), user alice, environment prod: expected Allow, but the policy decided Deny.");
        message.Should().Contain("[+] no-destructive-in-prod (Deny): applies");
        message.Should().Contain("met     When.Environments: environment in [prod]");
        message.Should().Contain("[ ] export-chain (RequireApproval): match does not fit the call");
        message.Should().Contain("not met Match.Tags: tag in [export]");
        message.Should().Contain("precedence: deny beats require-approval beats allow; contributions: Deny [no-destructive-in-prod]; final: Deny by [no-destructive-in-prod]");
    }

    [Fact]
    public async Task ByRules_OtherRuleDecided_ThrowsNamingBoth()
    {
        using var host = Payments();
        var outcome = await host.DecideAsync("delete_file", context: new GuardContext { Environment = "prod" });

        var act = () => outcome.ByRules("big-payments");

        act.Should().Throw<PolicyAssertionException>().WithMessage("*expected rules [big-payments] to decide, but [no-destructive-in-prod] decided*");
    }

    [Fact]
    public async Task ByDefault_NoRuleMatched_PassesAndFailsOtherwise()
    {
        using var host = Payments();

        (await host.DecideAsync("read_file")).ShouldBeAllowed().ByDefault();
        var denied = await host.DecideAsync("delete_file", context: new GuardContext { Environment = "prod" });
        denied.Invoking(d => d.ByDefault()).Should().Throw<PolicyAssertionException>().WithMessage("*expected no rule (the default) to decide*");
    }

    [Fact]
    public async Task Session_ThirdExportWithinWindow_RequiresApprovalButNotAfterTheWindow()
    {
        using var host = Payments();
        var session = host.Session();
        (await session.CallAsync("export_csv")).ShouldBeAllowed();
        (await session.CallAsync("export_csv")).ShouldBeAllowed();
        (await session.CallAsync("export_pdf")).ShouldRequireApproval().ByRule("export-chain").WithEvidence("at least 3 calls");

        var later = host.Session();
        await later.CallAsync("export_csv");
        later.Advance(TimeSpan.FromMinutes(4));
        await later.CallAsync("export_csv");
        later.Advance(TimeSpan.FromMinutes(2));
        (await later.CallAsync("export_pdf")).ShouldBeAllowed();
    }

    [Fact]
    public async Task Session_ResultOfUntrustedTool_LabelsTheSessionThroughTheRealResultHook()
    {
        using var host = Payments();
        var session = host.Session();

        (await session.CallAsync("web_fetch", """{"url":"https://example.org"}""", result: "<html>hello</html>")).ShouldBeAllowed();

        session.Labels.Should().Contain("untrusted");
        (await session.CallAsync("send_email", """{"to":"x@example.org"}""")).ShouldRequireApproval().ByRules("untrusted-then-send");
    }

    [Fact]
    public async Task Session_LabelsSetDirectly_CountLikeResultLabels()
    {
        using var host = Payments();
        var session = host.Session().WithLabels("untrusted");

        (await session.CallAsync("send_email")).ShouldRequireApproval();
    }

    [Fact]
    public async Task Session_PayeeOnlyInTheDeniedCallsHistory_IsNotTrusted()
    {
        // Attacker: get the payee "seen" by putting it in an earlier call's arguments; arguments are not an origin.
        using var host = Payments();
        var session = host.Session(new GuardContext { Prompt = "pay my landlord" });
        await session.CallAsync("note", """{"text":"GB33BUKB20201555555555"}""");

        (await session.CallAsync("send_money", """{"recipient":"GB33BUKB20201555555555","amount":5}""")).ShouldBeDenied().ByRules("payee-from-user");
    }

    [Fact]
    public async Task Session_PayeeReadFromUntrustedPage_IsDenied()
    {
        using var host = Payments();
        var session = host.Session(new GuardContext { Prompt = "pay the invoice" });
        await session.CallAsync("web_fetch", result: "Pay to GB33BUKB20201555555555 today");

        (await session.CallAsync("send_money", """{"recipient":"GB33 BUKB 2020 1555 5555 55","amount":5}""")).ShouldBeDenied().ByRule("payee-from-user");
    }

    [Fact]
    public void FromJson_InvalidPolicy_ThrowsListingEveryProblem()
    {
        var act = () => PolicyTestHost.FromJson("""{ "Rules": [ { "Id": "a", "Effect": "Dney", "Match": { "Tools": ["x"] } }, { "Effect": "Deny" } ] }""");

        var errors = act.Should().Throw<AgentGuardPolicyException>().Which.Errors;
        errors.Should().Contain(e => e.Contains("Rules[0] (a): Effect 'Dney' is not one of Deny, RequireApproval, Allow", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("Rules[1] (#1): Id is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FromYaml_SameShapeAsJson_Decides()
    {
        using var host = PolicyTestHost.FromYaml("""
            AgentGuard:
              Rules:
                - Id: no-shell
                  Effect: Deny
                  Match: { Kinds: [ShellCommand] }
            """);

        (await host.DecideAsync("bash", kind: ToolKind.ShellCommand)).ShouldBeDenied().ByRule("no-shell");
        (await host.DecideAsync("bash")).ShouldBeAllowed();
    }

    [Fact]
    public async Task FromOptions_AuditMode_PolicyEffectAssertedAndAllowEnforced()
    {
        var options = new AgentGuardOptions { Mode = "Audit" };
        options.Rules.Add(new RuleOptions { Id = "no-wire", Effect = "Deny", Match = new MatchOptions { Tools = ["wire_*"] } });
        using var host = PolicyTestHost.FromOptions(options);

        var outcome = await host.DecideAsync("wire_money");

        outcome.ShouldBeDenied().ShouldBeEnforced(DecisionEffect.Allow);
        outcome.Invoking(o => o.ShouldBeEnforced(DecisionEffect.Deny)).Should().Throw<PolicyAssertionException>().WithMessage("*expected Deny to be enforced, but Allow was*");
    }

    [Fact]
    public async Task Explanation_RateLimitedRule_SettledFromTheEngine()
    {
        using var host = PolicyTestHost.FromJson("""
            { "Rules": [ { "Id": "slow-down", "Effect": "Deny", "Match": { "Tools": ["search"] }, "When": { "RateLimit": { "Max": 1, "Per": "00:01:00" } } } ] }
            """);
        var session = host.Session();

        var first = await session.CallAsync("search");
        var second = await session.CallAsync("search");

        first.ShouldBeAllowed();
        first.Explanation.Rules.Single().Outcome.Should().Be(RuleOutcome.ConditionNotMet);
        first.Explanation.Rules.Single().Checks.Last().Outcome.Should().Be(CheckOutcome.NotMet);
        second.ShouldBeDenied().ByRule("slow-down");
        second.Explanation.Rules.Single().Checks.Last().Should().Be(new CheckTrace("When.RateLimit", "more than 1 calls per 00:01:00 by session", CheckOutcome.Met));
    }

    [Fact]
    public async Task Explanation_ShadowedAllow_ShowsBothContributionsAndThePrecedence()
    {
        using var host = PolicyTestHost.FromJson("""
            { "Rules": [
              { "Id": "deny-all-wires", "Effect": "Deny", "Match": { "Tools": ["wire_*"] } },
              { "Id": "allow-small-wires", "Effect": "Allow", "Match": { "Tools": ["wire_money"] }, "When": { "Arguments": [ { "Path": "$.amount", "LessThan": 10 } ] } } ] }
            """);

        var outcome = await host.DecideAsync("wire_money", """{"amount":5}""");

        outcome.ShouldBeDenied().ByRules("deny-all-wires");
        outcome.Explanation.Rules.Select(r => r.Outcome).Should().Equal(RuleOutcome.Contributed, RuleOutcome.Contributed);
        outcome.Explanation.Precedence.Should().Be("deny beats require-approval beats allow; contributions: Deny [deny-all-wires]; Allow [allow-small-wires]; final: Deny by [deny-all-wires]");
    }
}
