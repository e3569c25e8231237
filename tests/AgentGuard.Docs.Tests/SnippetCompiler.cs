using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentGuard.Docs.Tests;

/// <summary>
/// Compiles a documentation snippet against the built AgentGuard assemblies. A snippet is a fragment of a program:
/// its statements become the body of an async method, its type declarations stay types, and the names the docs use
/// without declaring them (<c>builder</c>, <c>services</c>, <c>model</c>…) become typed parameters of that method.
/// </summary>
internal static class SnippetCompiler
{
    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using AgentGuard;
        global using AgentGuard.AspNetCore;
        global using AgentGuard.Extensions.AI;
        global using AgentGuard.Mcp;
        global using AgentGuard.Redis;
        global using AgentGuard.Testing;
        global using AgentGuard.Shell;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.Agents.AI;
        global using Microsoft.Extensions.AI;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.SemanticKernel;
        global using Microsoft.SemanticKernel.Connectors.OpenAI;
        global using ModelContextProtocol.Client;
        """;

    /// <summary>Placeholders the docs name for the reader's own types.</summary>
    private const string ReaderTypes = """
        public sealed class MyModel { public Task<double> ScoreAsync(string text, CancellationToken cancellationToken) => Task.FromResult(0d); }
        public sealed class FilePlugin { }
        public sealed class TeamsApprover : IApprovalHandler
        {
            public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken) => new(new ApprovalResponse(false));
        }
        public sealed class GitHubClient { public Task<string> CreateIssueAsync(string repo, string title, CancellationToken cancellationToken) => Task.FromResult(title); }
        """;

    /// <summary>The names the docs use as if declared, with the type they stand for.</summary>
    private static readonly (string Name, string Type)[] Context =
    [
        ("builder", "WebApplicationBuilder"), ("app", "WebApplication"), ("services", "IServiceCollection"),
        ("configuration", "IConfiguration"), ("config", "IConfiguration"), ("serviceProvider", "IServiceProvider"),
        ("model", "IChatClient"), ("agent", "AIAgent"), ("chatClient", "IChatClient"), ("tools", "IList<AITool>"),
        ("guard", "ToolGuard"), ("toolGuard", "ToolGuard"), ("shell", "IGuardedShell"), ("kernel", "Kernel"),
        ("client", "GitHubClient"), ("args", "IEnumerable<KeyValuePair<string, object?>>"),
        ("apiKey", "string"), ("threadId", "string"), ("userId", "string"), ("question", "string"), ("commandLine", "string"),
        ("repo", "string"), ("toolCallId", "string"), ("title", "string"), ("ct", "CancellationToken"),
    ];

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static IReadOnlyList<string> Errors(CodeBlock block)
    {
        var parsed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var statements = string.Join("\n", parsed.Members.OfType<GlobalStatementSyntax>().Select(s => s.ToFullString()));
        var types = string.Join("\n", parsed.Members.Where(m => m is not GlobalStatementSyntax).Select(m => m.ToFullString()));
        var declared = parsed.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.Text)
            .Concat(parsed.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(v => v.Identifier.Text))
            .ToHashSet(StringComparer.Ordinal);
        var used = parsed.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        var parameters = string.Join(", ", Context.Where(c => used.Contains(c.Name) && !declared.Contains(c.Name)).Select(c => $"{c.Type} {c.Name}"));

        var source = new StringBuilder()
            .AppendLine(string.Join("\n", parsed.Usings.Select(u => u.ToFullString())))
            .AppendLine("#line 1")
            .AppendLine(types)
            .AppendLine("internal static class Snippet")
            .AppendLine("{")
            .AppendLine("    private static Task<bool> PostAsync(CancellationToken cancellationToken) => Task.FromResult(true);")
            .AppendLine($"    internal static async Task<object?> Run({parameters})")
            .AppendLine("    {")
            .AppendLine("#line 1")
            .AppendLine(statements)
            .AppendLine("#line hidden")
            .AppendLine("        await Task.CompletedTask;")
            .AppendLine("        return null;")
            .AppendLine("    }")
            .AppendLine("}")
            .ToString();

        var compilation = CSharpCompilation.Create(
            "DocsSnippet",
            [
                CSharpSyntaxTree.ParseText(Usings, path: "usings.cs"),
                CSharpSyntaxTree.ParseText(ReaderTypes, path: "reader-types.cs"),
                CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: block.File),
            ],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{block.File}:{block.Line + 1 + d.Location.GetMappedLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var built = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        var references = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in platform.Concat(built))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (references.ContainsKey(name) || name.StartsWith("xunit", StringComparison.Ordinal) || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var stream = File.OpenRead(path);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                if (pe.HasMetadata)
                {
                    references[name] = MetadataReference.CreateFromFile(path);
                }
            }
            catch (BadImageFormatException)
            {
                // A native library next to the managed ones.
            }
        }

        return [.. references.Values];
    }
}
