using System.Security.Claims;

namespace AgentGuard;

/// <summary>Fills in the user from the host's current <see cref="ClaimsPrincipal"/> when no adapter supplied one.</summary>
internal sealed class ClaimsPrincipalContextProvider(Func<ClaimsPrincipal?> principal) : IGuardContextProvider
{
    public GuardContext Enrich(GuardContext context)
    {
        if (context.User is not null)
        {
            return context;
        }

        return GuardUser.FromClaimsPrincipal(principal()) is { } user ? context with { User = user } : context;
    }
}
