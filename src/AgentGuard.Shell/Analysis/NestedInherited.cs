namespace AgentGuard.Shell.Analysis;

/// <summary>
/// What a command found inside another one (<c>sh -c</c>, <c>find -exec</c>, an editor's escape…) inherits from it:
/// built on first use, as most commands hold none. A struct passed by reference, so a command that holds none costs
/// no allocation.
/// </summary>
internal struct NestedInherited(IReadOnlyList<string> wrappers, string program, IReadOnlyList<string> tags, bool collectOnly)
{
    private Inherited? _built;

    /// <summary>The inherited context: the outer wrappers and this program, the tags so far.</summary>
    public Inherited Get() => _built ??= new Inherited([.. wrappers, program], tags, null, collectOnly);
}
