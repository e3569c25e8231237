using System.ComponentModel;
using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>
/// Semantic Kernel binds arguments to parameters without regard to case. An attacker (a model steered by injected
/// text) writes <c>IBAN</c> for <c>iban</c> so that a rule on <c>$.iban</c> would not see the value the function runs
/// with. The engine is shown the arguments as the function binds them, on the model-driven and direct paths.
/// </summary>
public sealed class ArgumentCaseTests
{
    private const string Policy = """
        {"AgentGuard":{"Rules":[
          {"Id":"no-attacker-iban","Effect":"Deny","Match":{"Tools":["pay"]},
           "When":{"Arguments":[{"Path":"$.iban","OneOf":["DE00 6666 6666"]}]}},
          {"Id":"small-payments-only","Effect":"Deny","Match":{"Tools":["pay"]},
           "When":{"Arguments":[{"Path":"$.amount","GreaterThan":1000}]}}
        ]}}
        """;

    [Theory]
    [InlineData("""{"IBAN":"DE00 6666 6666","amount":10}""")]
    [InlineData("""{"Iban":"DE00 6666 6666","amount":10}""")]
    [InlineData("""{"iBaN":"DE00 6666 6666","AMOUNT":10}""")]
    [InlineData("""{"iban":"DE00 1111 1111","AMOUNT":5000}""")]
    public async Task AutoInvocation_ArgumentNameInAnotherCase_IsDecidedUnderTheParameterName(string arguments)
    {
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "payments-pay", arguments))
            .ThenAnswer("done");
        var payments = new PaymentPlugin();
        var kernel = GuardedKernel.Create(model, Policy, null, ("payments", payments));

        await kernel.InvokePromptAsync("Pay the invoice", new KernelArguments(GuardedKernel.AutoSettings()));

        payments.Paid.Should().BeEmpty("the payment the function would bind is denied");
        model.ToolResultSent("call_1").Should().Be("pay was not run: this action is not permitted by policy.");
    }

    [Theory]
    [InlineData("IBAN")]
    [InlineData("Iban")]
    public async Task InvokeAsync_DirectCallWithArgumentNameInAnotherCase_IsDenied(string name)
    {
        var payments = new PaymentPlugin();
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), Policy, null, ("payments", payments));

        var result = await kernel.InvokeAsync("payments", "pay", new KernelArguments { [name] = "DE00 6666 6666", ["amount"] = 10m });

        payments.Paid.Should().BeEmpty();
        result.GetAgentGuardDecision()!.RuleIds.Should().Equal("no-attacker-iban");
    }

    [Fact]
    public async Task AutoInvocation_AllowedCall_EngineSawExactlyWhatTheFunctionRanWith()
    {
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "payments-pay", """{"IBAN":"DE00 1111 1111","Amount":12.5}"""))
            .ThenAnswer("done");
        var payments = new PaymentPlugin();
        var policy = new RecordingPolicy();
        var kernel = GuardedKernel.Create(model, Policy, b => b.AddPolicy(policy), ("payments", payments));

        await kernel.InvokePromptAsync("Pay the invoice", new KernelArguments(GuardedKernel.AutoSettings()));

        payments.Paid.Should().ContainSingle().Which.Should().Be(("DE00 1111 1111", 12.5m, "EUR"));
        var (call, _) = policy.Evaluated.Should().ContainSingle().Subject;
        call.Arguments.Root.GetProperty("iban").GetString().Should().Be("DE00 1111 1111");
        call.Arguments.Root.GetProperty("amount").ToString().Should().Be("12.5", "the model sent it as a number and SK passes it on as text");
        call.Arguments.Root.GetProperty("currency").GetString().Should().Be("EUR", "a default the function binds is part of the call");
    }

    [Fact]
    public async Task InvokeAsync_UnknownExtraArgument_IsKeptUnderItsOwnName()
    {
        var payments = new PaymentPlugin();
        var policy = new RecordingPolicy();
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), Policy, b => b.AddPolicy(policy), ("payments", payments));

        await kernel.InvokeAsync("payments", "pay", new KernelArguments { ["iban"] = "DE00 1111 1111", ["amount"] = 1m, ["Memo"] = "x" });

        var (call, _) = policy.Evaluated.Should().ContainSingle().Subject;
        call.Arguments.ToString().Should().Be("""{"iban":"DE00 1111 1111","amount":1,"currency":"EUR","Memo":"x"}""");
    }

    /// <summary>A payment function whose parameter names are lower case, as SK plugins usually are.</summary>
    private sealed class PaymentPlugin
    {
        public List<(string Iban, decimal Amount, string Currency)> Paid { get; } = [];

        [KernelFunction("pay"), Description("Pays an invoice")]
        public string Pay([Description("the payee's IBAN")] string iban, [Description("the amount")] decimal amount, [Description("currency")] string currency = "EUR")
        {
            Paid.Add((iban, amount, currency));
            return "paid";
        }
    }
}
