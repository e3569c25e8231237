namespace AgentGuard;

/// <summary>
/// Supplies session facts the adapters cannot see, e.g. the signed-in user from the host's
/// <see cref="System.Security.Claims.ClaimsPrincipal"/>. Registered in DI; all providers run, in registration order.
/// </summary>
public interface IGuardContextProvider
{
    /// <summary>Returns <paramref name="context"/> with the facts this provider knows filled in where they are missing.</summary>
    GuardContext Enrich(GuardContext context);
}
