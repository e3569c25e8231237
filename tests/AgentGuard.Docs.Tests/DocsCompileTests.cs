namespace AgentGuard.Docs.Tests;

/// <summary>Every C# block in docs/, README.md and the package READMEs compiles against the built assemblies.</summary>
public sealed class DocsCompileTests
{
    public static TheoryData<CodeBlock> CSharpBlocks() => [.. RepositoryFiles.Blocks("csharp").Where(b => !b.IsMarked("no-compile"))];

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void CSharpBlock_Compiles(CodeBlock block)
        => SnippetCompiler.Errors(block).Should().BeEmpty("{0} must compile as shown", block);

    [Fact]
    public void EveryCSharpBlock_IsCompiledOrMarkedOnPurpose()
    {
        var blocks = RepositoryFiles.Blocks("csharp").ToList();

        blocks.Should().HaveCountGreaterThan(15, "the docs are full of examples");
        blocks.Where(b => b.IsMarked("no-compile")).Should().NotContain(b => !b.Info.Contains(':', StringComparison.Ordinal), "a block left uncompiled says why: ```csharp no-compile: <reason>");
    }

    [Fact]
    public void Compiler_ReportsABrokenSnippet()
    {
        var errors = SnippetCompiler.Errors(new CodeBlock("probe.md", 1, string.Empty, "services.AddAgentGuard(config).AddNoSuchThing();"));

        errors.Should().ContainSingle().Which.Should().Contain("CS1061").And.Contain("AddNoSuchThing");
    }
}
