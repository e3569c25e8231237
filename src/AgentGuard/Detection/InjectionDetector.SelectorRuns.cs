using System.Buffers;
using System.Text;

namespace AgentGuard;

internal sealed partial class InjectionDetector
{
    /// <summary>
    /// Text smuggled as variation selectors: each of U+FE00–U+FE0F stands for a byte 0–15 and each of U+E0100–U+E01EF
    /// for a byte 16–255, so any UTF-8 text can ride, invisible, after one visible character ("emoji smuggling"), and a
    /// model told to decode it reads it. Written text puts at most one selector after a character (an emoji's
    /// presentation, a Japanese ideograph's variant); a run of <see cref="MinimumRun"/> or more in a row is hidden bytes.
    /// The runs are found as <see cref="ScanHidden"/> meets their selectors, and decoded only when one is long enough.
    /// </summary>
    private struct SelectorRuns
    {
        /// <summary>The fewest selectors in a row that are read as hidden bytes.</summary>
        private const int MinimumRun = 4;

        /// <summary>Characters that may stand between two selectors of one run.</summary>
        private static readonly SearchValues<char> ZeroWidth = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF");

        private int _runStart;
        private int _runEnd;
        private int _runLength;
        private List<(int Start, int End)>? _long;

        /// <summary>
        /// The selector at <paramref name="index"/>, <paramref name="width"/> code units wide (2 for a surrogate pair). Zero-width
        /// characters between two selectors do not end their run: they hide nothing a reader sees, and would split the
        /// bytes into runs too short to count.
        /// </summary>
        public void Add(ReadOnlySpan<char> text, int index, int width)
        {
            if (_runLength > 0 && index >= _runEnd && !text[_runEnd..index].ContainsAnyExcept(ZeroWidth))
            {
                _runLength++;
                _runEnd = index + width;
                return;
            }

            Close();
            _runStart = index;
            _runEnd = index + width;
            _runLength = 1;
        }

        /// <summary>The bytes of every long run decoded as UTF-8, or null when there is none.</summary>
        public string? Smuggled(ReadOnlySpan<char> text)
        {
            Close();
            if (_long is null)
            {
                return null;
            }

            var bytes = new List<byte>();
            foreach (var (start, end) in _long)
            {
                for (var i = start; i < end; i++)
                {
                    var c = text[i];
                    if (c is >= '\uFE00' and <= '\uFE0F')
                    {
                        bytes.Add((byte)(c - 0xFE00));
                    }
                    else if (c == '\uDB40' && i + 1 < end && text[i + 1] is >= '\uDD00' and <= '\uDDEF')
                    {
                        bytes.Add((byte)(16 + text[++i] - 0xDD00));
                    }
                }

                // Runs apart are texts apart.
                bytes.Add((byte)'\n');
            }

            return Encoding.UTF8.GetString([.. bytes]);
        }

        private void Close()
        {
            if (_runLength >= MinimumRun)
            {
                (_long ??= []).Add((_runStart, _runEnd));
            }

            _runLength = 0;
        }
    }
}
