using Microsoft.Extensions.Options;

namespace AgentGuard.Mcp;

/// <summary>Validates <c>AgentGuard:Registry</c> by compiling it, so a hosted app with <c>ValidateOnStart</c> fails start on a bad registry.</summary>
internal sealed class McpRegistryOptionsValidator : IValidateOptions<McpRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, McpRegistryOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        return McpRegistryCompiler.TryCompile(options, AppContext.BaseDirectory, out _, out var errors)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors);
    }
}
