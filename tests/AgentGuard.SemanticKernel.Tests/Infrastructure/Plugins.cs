using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests.Infrastructure;

/// <summary>Real files in a temp directory; every function counts its runs.</summary>
internal sealed class FilePlugin(string root)
{
    private int _reads;
    private int _deletes;

    public int Reads => _reads;

    public int Deletes => _deletes;

    [KernelFunction("read_file"), Description("Reads a file")]
    public string ReadFile([Description("file name")] string path)
    {
        Interlocked.Increment(ref _reads);
        return File.ReadAllText(Path.Combine(root, path));
    }

    [KernelFunction("delete_file"), Description("Deletes a file")]
    public string DeleteFile([Description("file name")] string path)
    {
        Interlocked.Increment(ref _deletes);
        File.Delete(Path.Combine(root, path));
        return $"deleted {path}";
    }
}

/// <summary>Records what a function sees of the ambient AgentGuard scope while it runs.</summary>
internal sealed class ProbePlugin
{
    public List<(string? SessionId, string? CallId, string? ToolName)> Seen { get; } = [];

    [KernelFunction("whoami"), Description("Says who is asking")]
    public string WhoAmI()
    {
        var scope = AgentGuardScope.Current;
        Seen.Add((scope?.Context.SessionId, AgentGuardScope.CurrentCallId, scope?.ToolCall?.ToolName));
        return "you are the user";
    }

    [KernelFunction("nested"), Description("Calls another plugin function from code")]
    public async Task<string> NestedAsync(Kernel kernel)
    {
        var result = await kernel.InvokeAsync("files", "delete_file", new KernelArguments { ["path"] = "keep.txt" });
        return "inner: " + result;
    }
}

/// <summary>A temp directory with a few real files, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Root = Directory.CreateTempSubdirectory("agentguard-sk-").FullName;
        File.WriteAllText(Path.Combine(Root, "notes.txt"), "meeting at noon");
        File.WriteAllText(Path.Combine(Root, "keep.txt"), "do not delete");
    }

    public string Root { get; }

    public bool Exists(string name) => File.Exists(Path.Combine(Root, name));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
