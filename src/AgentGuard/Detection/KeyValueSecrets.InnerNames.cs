using System.Runtime.CompilerServices;

namespace AgentGuard;

/// <content>The names of secrets assigned inside unquoted values, kept for the last few read.</content>
internal static partial class KeyValueSecrets
{
    /// <summary>
    /// Where the name of a secret assigned at an '=' starts, kept for the last <see cref="Kept"/> '=' read. In a run of
    /// assignments with no white space (<c>key=key=key=…</c>, an attacker's tool result) each value holds the next names,
    /// and each of those names starts a value of its own that holds the names after it, so every '=' was classified once
    /// for each value it lies in. Where the name assigned there starts does not depend on the value (it is the run of
    /// name characters before the '='; a value that holds only part of it holds no name), so the answer is kept by the
    /// place of the '='. One scan's own: it starts empty for each text.
    /// </summary>
    internal struct InnerNames
    {
        private const int Kept = 8;

        private Places _equals;
        private Places _names;
        private int _next;

        /// <summary>Where the name of a secret assigned at <paramref name="equals"/> starts, or -1 (none, or not a secret's name).</summary>
        public int NameAt(string text, int equals)
        {
            for (var k = 0; k < Kept; k++)
            {
                // Kept one up, so an empty slot (0) matches no place.
                if (_equals[k] == equals + 1)
                {
                    return _names[k];
                }
            }

            var name = equals;
            while (name > 0 && equals - name < MaxKey && IsKeyChar(text[name - 1]))
            {
                name--;
            }

            var found = name < equals && (name == 0 || !IsKeyChar(text[name - 1])) && NamesSecret(text.AsSpan(name, equals - name)) ? name : -1;
            _equals[_next] = equals + 1;
            _names[_next] = found;
            _next = (_next + 1) % Kept;
            return found;
        }

        [InlineArray(Kept)]
        private struct Places
        {
            private int _first;
        }
    }
}
