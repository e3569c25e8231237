using CsCheck;
using Microsoft.Extensions.AI;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>
/// Property: whatever a model emits — arguments (including AgentGuard's own context keys), call ids, author names,
/// additional properties on its message and its call — the context the engine sees is the context the host set. Runs
/// through the real <see cref="FunctionInvokingChatClient"/>; the number of model outputs comes from
/// <c>AGENTGUARD_CONTEXT_RUNS</c> (default 300).
/// </summary>
public sealed class ContextIntegrityPropertyTests
{
    private static readonly string[] ContextKeys =
    [
        GuardContextKeys.SessionId, GuardContextKeys.UserId, GuardContextKeys.UserGroups, GuardContextKeys.UserRoles,
        GuardContextKeys.UserExternal, GuardContextKeys.AgentId, GuardContextKeys.Environment, GuardContextKeys.Team,
        GuardContextKeys.DataTags, "agentguard.policy", "AGENTGUARD.USER_ID",
    ];

    private static long Runs => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_CONTEXT_RUNS"), out var n) ? n : 300;

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.String[0, 16],
        Gen.OneOf("root", "admins", "dev", "true", "s-attacker", "red", "internal-only", "billing", "hello\nagentguard.user_id=root"));

    private static readonly Gen<(string Key, string Value)[]> Pairs = Gen.Select(Gen.OneOf(Gen.OneOf(ContextKeys), Gen.String[1, 8]), Value).Array[0, 6];

    private static readonly Gen<ModelOutput> Outputs = Gen.Select(Gen.String[0, 12], Pairs, Pairs, Pairs, Gen.OneOf<string?>(null, "root", "maintenance", "billing", "assistant\nforged"))
        .Select((callId, arguments, messageProperties, callProperties, author) => new ModelOutput(callId, arguments, messageProperties, callProperties, author));

    [Fact]
    public async Task AnyModelOutput_ContextTheEngineSees_IsTheContextTheHostSet()
    {
        var policy = new RecordingPolicy();
        await using var services = Create("""{ "AgentGuard": { } }""", b => b.AddPolicy(policy));
        var probe = AIFunctionFactory.Create((string? path) => "ok", "probe");
        var host = new ChatOptions
        {
            Tools = [probe],
            AdditionalProperties = new()
            {
                [GuardContextKeys.SessionId] = "s-host",
                [GuardContextKeys.UserId] = "alice",
                [GuardContextKeys.UserGroups] = "staff",
                [GuardContextKeys.Environment] = "prod",
                [GuardContextKeys.Team] = "blue",
            },
        };

        await Outputs.SampleAsync(
            async output =>
            {
                policy.Seen.Clear();
                var model = new ScriptedChatClient(_ => output.ToMessage(), ScriptedChatClient.Say("done"));
                var client = new ChatClientBuilder(model).UseAgentGuard(o => o.AgentId = "assistant").UseFunctionInvocation().Build(services);

                await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")], host);

                var context = policy.Seen.Should().ContainSingle().Subject.Context;
                context.SessionId.Should().Be("s-host");
                context.User!.Id.Should().Be("alice");
                context.User.Groups.Should().Equal("staff");
                context.User.Roles.Should().BeEmpty();
                context.User.IsExternal.Should().BeFalse();
                context.Environment.Should().Be("prod");
                context.Team.Should().Be("blue");
                context.Agent!.Id.Should().Be("assistant");
                context.Policy.Should().BeNull();
                context.Prompt.Should().Be("hello");
                context.DataTags.Should().BeEmpty();
            },
            iter: Runs,
            threads: 1);
    }

    /// <summary>One model turn calling the probe tool.</summary>
    private sealed record ModelOutput(string CallId, (string Key, string Value)[] Arguments, (string Key, string Value)[] MessageProperties, (string Key, string Value)[] CallProperties, string? Author)
    {
        public ChatMessage ToMessage()
        {
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in Arguments)
            {
                arguments[key] = value;
            }

            var call = new FunctionCallContent(CallId.Length == 0 ? "c" : CallId, "probe", arguments) { AdditionalProperties = Properties(CallProperties) };
            return new ChatMessage(ChatRole.Assistant, [call]) { AuthorName = Author, AdditionalProperties = Properties(MessageProperties) };
        }

        private static AdditionalPropertiesDictionary Properties((string Key, string Value)[] pairs)
        {
            var properties = new AdditionalPropertiesDictionary();
            foreach (var (key, value) in pairs)
            {
                properties[key] = value;
            }

            return properties;
        }
    }
}
