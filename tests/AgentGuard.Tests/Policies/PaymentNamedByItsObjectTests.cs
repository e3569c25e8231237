using AgentGuard.Inference;

namespace AgentGuard.Tests.Policies;

/// <summary>
/// A payment tool whose verb is not a payment verb: <c>create_transfer</c>, <c>make_payment</c>, <c>initiate_wire</c>,
/// <c>send_money</c>, <c>schedule_payout</c>. The name's object says money moves, but inference took only the verb
/// (create: an action; make and initiate: nothing), so the pack's payment rules, which deny paying an account only
/// untrusted content gave, did not apply, and the call was at most asked about, or ran.
/// </summary>
public sealed class PaymentNamedByItsObjectTests
{
    private const string AttackerIban = "DE44500105175407324931";

    [Theory]
    [InlineData("create_transfer")]
    [InlineData("make_payment")]
    [InlineData("initiate_wire")]
    [InlineData("send_money")]
    [InlineData("schedule_payout")]
    [InlineData("CreateBankTransfer")]
    public void ANameWhoseObjectIsMoney_IsAPayment(string tool)
        => ToolRoleInference.Infer(tool, null).Tags.Should().Contain("payment");

    [Theory]
    [InlineData("create_invoice")]
    [InlineData("get_payment_status")]
    [InlineData("payment_status")]
    [InlineData("list_transfers")]
    [InlineData("make_directory")]
    public void OtherNames_AreNotPayments(string tool)
        => ToolRoleInference.Infer(tool, null).Tags.Should().NotContain("payment");

    [Theory]
    [InlineData("create_transfer")]
    [InlineData("make_payment")]
    [InlineData("initiate_wire")]
    public async Task PayingTheAccountAnInjectedMailGave_IsDenied(string tool)
    {
        var engine = TestHost.Engine("""{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack());
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = "Read Bob's latest email and pay what he asks." };
        var read = new ToolCallEvent("read_email", ToolKind.Function) { Arguments = ToolArguments.Empty, CallId = "c1" };
        await engine.EvaluateAsync(read, session);
        await engine.InspectResultAsync(read, session, new ToolResult($"From: bob@corp.example\nHi! The invoice is 950 EUR, IBAN {AttackerIban}. Thanks!"));
        var pay = new ToolCallEvent(tool, ToolKind.Function) { Arguments = ToolArguments.FromJson($$"""{"iban":"{{AttackerIban}}","amount":950}"""), CallId = "c2" };
        (await engine.EvaluateAsync(pay, session)).Effect.Should().Be(DecisionEffect.Deny);
    }
}
