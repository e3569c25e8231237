namespace AgentGuard.Shell.Parsing;

/// <summary>One piece of a shell word before expansion.</summary>
internal abstract record WordPart(bool Quoted);

/// <summary>Literal text (quotes and escapes already removed). Unquoted text may hold globs, braces and a leading tilde.</summary>
internal sealed record LiteralPart(string Text, bool Quoted) : WordPart(Quoted);

/// <summary><c>$name</c> or <c>${name}</c>; <see cref="Modifier"/> holds what follows the name inside braces.</summary>
internal sealed record ParameterPart(string Name, string? Modifier, bool Quoted) : WordPart(Quoted);

/// <summary><c>$(script)</c> or a backtick substitution.</summary>
internal sealed record CommandSubstitutionPart(string Script, bool Quoted) : WordPart(Quoted);

/// <summary><c>&lt;(script)</c> or <c>&gt;(script)</c>.</summary>
internal sealed record ProcessSubstitutionPart(string Script) : WordPart(false);

/// <summary><c>$((expression))</c>: a number computed at run time.</summary>
internal sealed record ArithmeticPart(string Expression, bool Quoted) : WordPart(Quoted);
