using System.ClientModel;
using AgentGuard.Samples.Quickstart.Story;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentGuard.Samples.Quickstart;

/// <summary>
/// The language model: scripted and offline by default; a real OpenAI-compatible endpoint (OpenAI, Azure OpenAI,
/// Ollama, LM Studio…) when <c>AGENTGUARD_MODEL</c> is set, with <c>AGENTGUARD_MODEL_ENDPOINT</c> and
/// <c>AGENTGUARD_MODEL_KEY</c> as needed (e.g. <c>http://localhost:11434/v1</c> for Ollama).
/// </summary>
internal static class ModelFactory
{
    public static bool UsesRealModel => Environment.GetEnvironmentVariable("AGENTGUARD_MODEL") is { Length: > 0 };

    public static IChatClient Create(Action<string> narrate)
    {
        if (!UsesRealModel)
        {
            return new ScriptedModel(narrate);
        }

        var model = Environment.GetEnvironmentVariable("AGENTGUARD_MODEL")!;
        var key = Environment.GetEnvironmentVariable("AGENTGUARD_MODEL_KEY") ?? "not-needed";
        var options = new OpenAIClientOptions();
        if (Environment.GetEnvironmentVariable("AGENTGUARD_MODEL_ENDPOINT") is { Length: > 0 } endpoint)
        {
            options.Endpoint = new Uri(endpoint);
        }

        return new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(model).AsIChatClient();
    }
}
