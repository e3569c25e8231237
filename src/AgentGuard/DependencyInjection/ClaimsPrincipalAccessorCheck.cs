using Microsoft.Extensions.Options;

namespace AgentGuard;

/// <summary>
/// Runs the <see cref="AgentGuardBuilder.AddClaimsPrincipal"/> accessor once when the options are validated (at
/// start), so a missing service (typically <c>IHttpContextAccessor</c>) stops the app with a message naming the fix
/// instead of failing every tool call at run time.
/// </summary>
internal sealed class ClaimsPrincipalAccessorCheck(Func<System.Security.Claims.ClaimsPrincipal?> accessor) : IValidateOptions<AgentGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentGuardOptions options)
    {
        try
        {
            _ = accessor();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(
                "AddClaimsPrincipal: the principal accessor failed: " + ex.Message
                + " If it reads IHttpContextAccessor, call services.AddHttpContextAccessor(), or use AddAgentGuard(...).AddHttpContextUser() from AgentGuard.AspNetCore, which registers it.");
        }
    }
}
