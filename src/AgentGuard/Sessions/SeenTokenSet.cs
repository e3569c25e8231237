namespace AgentGuard;

/// <summary>
/// The keys <see cref="SeenTokens"/> took from one text, and what its bound (<see cref="SeenTokens.MaxPerText"/>) left
/// out: a store that remembers untrusted keys must then assume the left-out values were seen untrusted.
/// </summary>
/// <param name="Keys">The distinct keys taken.</param>
/// <param name="TypedLeftOut">True when a typed value of the text was left out.</param>
/// <param name="WordsLeftOutFrom">The fewest words of a word sequence left out (sequences shorter are all in), or 0 when none was.</param>
internal readonly record struct SeenTokenSet(IReadOnlyCollection<string> Keys, bool TypedLeftOut, int WordsLeftOutFrom);
