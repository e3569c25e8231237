using AgentGuard.Policies;
using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>Validates the <c>AgentGuard</c> section by compiling it: every problem is reported, each naming its rule and field.</summary>
internal sealed class AgentGuardOptionsValidator(ValidatedPolicies validated) : IValidateOptions<AgentGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentGuardOptions options)
    {
        if (name is not null && name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        if (!PolicyCompiler.TryCompile(options, AgentGuardOptions.SectionName, out var policy, out var errors))
        {
            return ValidateOptionsResult.Fail(errors);
        }

        validated.Remember(options, policy);
        return ValidateOptionsResult.Success;
    }
}
