using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGuard.Infrastructure;
using AgentGuard.Testing;
using AgentGuard.Testing.Cases;

namespace AgentGuard.Cli.Commands;

/// <summary><c>agentguard explain</c>: one call against a policy — each rule, each check met or not, the precedence.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output)
    {
        var policy = new Option<string>("--policy") { Description = "The policy file (JSON or YAML).", Required = true };
        var tool = new Option<string>("--tool") { Description = "The tool name.", Required = true };
        var args = new Option<string?>("--args") { Description = "The arguments as JSON, e.g. '{\"amount\": 5000}'." };
        var kind = new Option<ToolKind>("--kind") { Description = "The kind of tool use.", DefaultValueFactory = _ => ToolKind.Function };
        var source = new Option<string?>("--source") { Description = "The source (MCP server, plugin, HTTP host)." };
        var tags = new Option<string[]>("--tag") { Description = "A tag the event carries (repeatable).", AllowMultipleArgumentsPerToken = true };
        var context = new Option<string?>("--context") { Description = "Session facts as JSON, as in test files: '{\"user\": {\"id\": \"alice\", \"groups\": [\"finance\"]}, \"environment\": \"prod\", \"session\": \"s1\"}'." };
        var labels = new Option<string[]>("--label") { Description = "A label the session already carries, e.g. untrusted (repeatable).", AllowMultipleArgumentsPerToken = true };
        var format = Options.Format("text", "json");
        var command = new Command("explain", "Explain how a policy decides one call.") { policy, tool, args, kind, source, tags, context, labels, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            var call = new ToolCallEvent(result.GetValue(tool)!, result.GetValue(kind))
            {
                Arguments = result.GetValue(args) is { } json ? ToolArguments.FromJson(json) : ToolArguments.Empty,
                Source = result.GetValue(source),
                Tags = result.GetValue(tags) ?? [],
            };
            var guardContext = ReadContext(result.GetValue(context));
            var sessionLabels = result.GetValue(labels) ?? [];
            if (sessionLabels.Length > 0 && guardContext.SessionId is null)
            {
                guardContext = guardContext with { SessionId = "explain" };
            }

            await using var host = PolicyTestHost.FromFile(result.GetValue(policy)!);
            if (sessionLabels.Length > 0)
            {
                host.Workbench.AddSessionLabels(guardContext.SessionId!, sessionLabels);
            }

            var explanation = await host.Workbench.ExplainAsync(call, guardContext, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(format) == "json")
            {
                WriteJson(output, explanation);
            }
            else
            {
                await output.WriteLineAsync($"{call.ToolName} ({call.Kind}) under {result.GetValue(policy)}:").ConfigureAwait(false);
                await output.WriteLineAsync(ExplanationFormatter.Format(explanation)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static GuardContext ReadContext(string? json)
    {
        if (json is null)
        {
            return GuardContext.Empty;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject node ? PolicyCaseJson.ReadContext(node, "--context") : throw new CliException("--context must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new CliException($"--context is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void WriteJson(TextWriter output, PolicyExplanation explanation)
    {
        var rules = new JsonArray();
        foreach (var rule in explanation.Rules)
        {
            var checks = new JsonArray();
            foreach (var check in rule.Checks)
            {
                checks.Add(new JsonObject { ["part"] = check.Part, ["test"] = check.Description, ["outcome"] = check.Outcome.ToString() });
            }

            rules.Add(new JsonObject { ["id"] = rule.RuleId, ["effect"] = rule.Effect.ToString(), ["outcome"] = rule.Outcome.ToString(), ["checks"] = checks });
        }

        var decision = explanation.Decision;
        var root = new JsonObject
        {
            ["tool"] = explanation.ToolName,
            ["kind"] = explanation.Kind.ToString(),
            ["tags"] = new JsonArray([.. explanation.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["risk"] = explanation.Risk.ToString(),
            ["decision"] = decision.PolicyEffect.ToString(),
            ["enforced"] = decision.Effect.ToString(),
            ["rules"] = new JsonArray([.. decision.RuleIds.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["reason"] = decision.Reason,
            ["evidence"] = new JsonArray([.. decision.Evidence.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["precedence"] = explanation.Precedence,
            ["candidates"] = rules,
        };
        output.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
