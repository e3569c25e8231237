namespace AgentGuard.Policies;

/// <summary>The effective tags of a call — configured, event-supplied and classifier-supplied — viewed without merging.</summary>
internal readonly struct TagView
{
    private readonly string[] _configured;
    private readonly IReadOnlyList<string> _event;
    private readonly List<string>? _classified;
    private readonly string[]? _merged;

    /// <param name="configured">The tags configuration gives the tool.</param>
    /// <param name="fromEvent">The event's tags.</param>
    /// <param name="classified">The classifiers' tags, if any.</param>
    /// <param name="merged">The three merged, when already known (cached per tag set): <see cref="ToArray"/> then copies nothing.</param>
    public TagView(string[] configured, IReadOnlyList<string> fromEvent, List<string>? classified, string[]? merged = null)
    {
        _configured = configured;
        _event = fromEvent;
        _classified = classified;
        _merged = merged;
    }

    public bool IsEmpty => _configured.Length == 0 && _event.Count == 0 && (_classified is null || _classified.Count == 0);

    public bool Contains(string tag)
    {
        foreach (var t in _configured)
        {
            if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        for (var i = 0; i < _event.Count; i++)
        {
            if (string.Equals(_event[i], tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (_classified is not null)
        {
            foreach (var t in _classified)
            {
                if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool ContainsAny(string[] tags)
    {
        foreach (var tag in tags)
        {
            if (Contains(tag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The merged tags; reuses the configured array when nothing else contributes.</summary>
    public string[] ToArray()
    {
        if (_merged is not null)
        {
            return _merged;
        }

        if (_event.Count == 0 && (_classified is null || _classified.Count == 0))
        {
            return _configured;
        }

        var merged = new List<string>(_configured.Length + _event.Count + (_classified?.Count ?? 0));
        foreach (var t in _configured)
        {
            Add(merged, t);
        }

        for (var i = 0; i < _event.Count; i++)
        {
            Add(merged, _event[i]);
        }

        if (_classified is not null)
        {
            foreach (var t in _classified)
            {
                Add(merged, t);
            }
        }

        return [.. merged];

        static void Add(List<string> list, string tag)
        {
            foreach (var existing in list)
            {
                if (string.Equals(existing, tag, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            list.Add(tag);
        }
    }
}
