using AgentGuard;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>
/// A decision with value-level taint over a 500-call session under the default policy pack: the session read untrusted
/// mail and trusted contact lists along the way, and the agent now sends to an address the mail introduced and a
/// trusted tool echoed (target: ≤ 10 µs).
/// </summary>
[MemoryDiagnoser]
public class TaintBenchmarks
{
    private IGuardEngine _engine = null!;
    private GuardContext _context = null!;
    private ToolCallEvent _sendTainted = null!;
    private ToolCallEvent _sendTrusted = null!;
    private ToolCallEvent _saveContact = null!;
    private readonly ToolResult _saved = new("Contact saved: id 42, created 2026-12-03.");
    private ToolCallEvent _searchInbox = null!;
    private ToolResult _inbox = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(o => o.Sessions.MaxHistory = 500).AddDefaultPolicyPack();
        _engine = services.BuildServiceProvider().GetRequiredService<IGuardEngine>();
        _context = new GuardContext { SessionId = "taint", Prompt = "Go through my mail and answer what needs an answer." };
        for (var i = 0; i < 500; i++)
        {
            var untrusted = i % 5 == 0;
            var call = new ToolCallEvent(untrusted ? "read_email" : "lookup_contact", ToolKind.Function) { Arguments = ToolArguments.FromJson($$"""{ "id": {{i}} }"""), CallId = "c" + i };
            _engine.EvaluateAsync(call, _context).AsTask().GetAwaiter().GetResult();
            var text = untrusted
                ? $"From: sender{i}@mail.example. Hello, about order {i}: please reply to billing{i}@vendor.example with the details of the shipment."
                : $"Contact {i}: colleague{i}@corp.example, phone +1 555 010 {i:D4}; also billing{i - 1}@vendor.example";
            _engine.InspectResultAsync(call, _context, new ToolResult(text)).AsTask().GetAwaiter().GetResult();
        }

        _sendTainted = new ToolCallEvent("send_email", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{ "to": "billing495@vendor.example", "body": "details" }""") };
        _sendTrusted = new ToolCallEvent("send_email", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{ "to": "colleague498@corp.example", "body": "details" }""") };
        _searchInbox = new ToolCallEvent("search_inbox", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{ "query": "Edinburgh" }"""), CallId = "search" };
        _inbox = new ToolResult("{\"emails\": [" + string.Join(", ", Enumerable.Range(0, 5).Select(i =>
            $$"""{"email_id": "ff-7890-{{i}}", "date": "2023-09-10 11:0{{i}}:00", "sender": "sender{{i}}@fakemail.example", "receivers": ["me@home.example", "friend{{i}}@fakemail.example"], "subject": "Come visit me in Edinburgh ({{i}})", "body": "Hey you should come visit me in Edinburgh. I'm here for the next few weeks. Let me know if you want to meet up, and bring the map we talked about!"}""")) + "]}");
        _saveContact = new ToolCallEvent("save_contact", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{ "name": "New Person", "email": "new.person@partner.example", "phone": "+44 20 7946 0958" }"""), CallId = "save" };
    }

    /// <summary>
    /// The result hook on a trusted tool's short answer to a call whose arguments hold an address and a phone number
    /// the model gave (remembered as untrusted since the thirty-fourth session: storing and reading back launders nothing).
    /// </summary>
    [Benchmark]
    public int InspectResult_TrustedToolHandedAnAddressAndANumber() => _engine.InspectResultAsync(_saveContact, _context, _saved).AsTask().GetAwaiter().GetResult().AddedLabels.Count;

    /// <summary>
    /// The result hook on an untrusted mailbox search that answers five mails as JSON (1.5 KB): the thirty-sixth session
    /// reads their senders and recipients as correspondents (the default pack's recipient rules list <c>correspondent</c>).
    /// </summary>
    [Benchmark]
    public int InspectResult_UntrustedMailboxSearchJson() => _engine.InspectResultAsync(_searchInbox, _context, _inbox).AsTask().GetAwaiter().GetResult().AddedLabels.Count;

    [Benchmark]
    public DecisionEffect Decision_TaintedRecipient_500CallSession() => _engine.EvaluateAsync(_sendTainted, _context).AsTask().GetAwaiter().GetResult().Effect;

    [Benchmark]
    public DecisionEffect Decision_TrustedRecipient_500CallSession() => _engine.EvaluateAsync(_sendTrusted, _context).AsTask().GetAwaiter().GetResult().Effect;
}
