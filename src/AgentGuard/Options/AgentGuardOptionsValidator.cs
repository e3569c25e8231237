using AgentGuard.Policies;
using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>Validates the <c>AgentGuard</c> section by compiling it: every problem is reported, each naming its rule and field.</summary>
internal sealed class AgentGuardOptionsValidator : IValidateOptions<AgentGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentGuardOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        return PolicyCompiler.TryCompile(options, AgentGuardOptions.SectionName, out _, out var errors)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors);
    }
}
