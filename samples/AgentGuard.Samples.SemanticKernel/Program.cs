using System.ComponentModel;
using AgentGuard;
using AgentGuard.Samples.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

// Semantic Kernel: AddAgentGuard(...).AddSemanticKernel() registers the filters; the kernel and plugins are untouched.
var workspace = Directory.CreateTempSubdirectory("agentguard-sk-sample-").FullName;
File.WriteAllText(Path.Combine(workspace, "report.txt"), "Q3 report: revenue up 12%.");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Services.AddAgentGuard(builder.Configuration.GetSection("AgentGuard"))
    .AddSemanticKernel()
    .AddAuditSink(new DecisionPrinter());

// The model: scripted, driven by SK's own auto-invocation loop.
var model = new ScriptedChatClient(
    _ => ScriptedChatClient.Calls(("files_read_file", new() { ["name"] = "report.txt" }), ("files_delete_file", new() { ["name"] = "report.txt" })),
    ScriptedChatClient.Answer);
builder.Services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(model).UseKernelFunctionInvocation().Build(sp));
builder.Services.AddKernel().Plugins.AddFromObject(new FilesPlugin(workspace), "files");

using var host = builder.Build();
var kernel = host.Services.GetRequiredService<Kernel>();

Console.WriteLine("Semantic Kernel sample: the model reads a report, then tries to delete it in prod.");
var answer = await kernel.InvokePromptAsync(
    "Read report.txt and then clean it up.",
    new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));
Console.WriteLine("Model: " + answer);
Console.WriteLine("report.txt still exists: " + File.Exists(Path.Combine(workspace, "report.txt")));
Directory.Delete(workspace, recursive: true);

internal sealed class FilesPlugin(string root)
{
    [KernelFunction("read_file"), Description("Reads a file.")]
    public string ReadFile(string name) => File.ReadAllText(Path.Combine(root, Path.GetFileName(name)));

    [KernelFunction("delete_file"), Description("Deletes a file.")]
    public string DeleteFile(string name)
    {
        File.Delete(Path.Combine(root, Path.GetFileName(name)));
        return $"Deleted {name}.";
    }
}
