namespace AgentGuard.Provenance;

/// <summary>What a token of seen text or of an argument value is.</summary>
internal enum ValueTokenKind
{
    /// <summary>A run of letters and digits, lower case.</summary>
    Word,

    /// <summary>An e-mail address: lower case, sub-address (<c>+tag</c>) removed.</summary>
    Email,

    /// <summary>An IBAN: upper case, grouping spaces removed.</summary>
    Iban,

    /// <summary>A URL or domain: host lower case without <c>www.</c> or a trailing dot, path and query as written, no fragment.</summary>
    Url,

    /// <summary>A phone or other number of 7–19 digits: digits only, a leading <c>00</c> or <c>+</c> dropped.</summary>
    Digits,

    /// <summary>
    /// An identifier of words joined by underscores (<c>transfer_funds</c>), lower case: only seen text carries it, after
    /// its words, so a tool name a result wrote as one is told from the same words in prose.
    /// </summary>
    Identifier,

    /// <summary>
    /// The host of a URL seen in text, lower case (<c>shop.example</c>): only seen text carries it, after its other
    /// tokens, so a rule can tell a host the user or a trusted tool showed from one only a page named.
    /// </summary>
    Host,
}

/// <summary>One whole value found in text, in canonical form; <see cref="Key"/> is unique across kinds.</summary>
internal readonly record struct ValueToken(ValueTokenKind Kind, string Canonical)
{
    /// <summary>The canonical form prefixed by its kind, e.g. <c>e:bob@example.com</c>; typed tokens are compared by it.</summary>
    public string Key => Kind switch
    {
        ValueTokenKind.Email => "e:" + Canonical,
        ValueTokenKind.Iban => "i:" + Canonical,
        ValueTokenKind.Url => "u:" + Canonical,
        ValueTokenKind.Digits => "d:" + Canonical,
        ValueTokenKind.Identifier => "x:" + Canonical,
        ValueTokenKind.Host => "h:" + Canonical,
        _ => "w:" + Canonical,
    };
}
