namespace AgentGuard.Policies;

/// <summary>
/// Linear-time selection (quickselect, median of three) of the k-th smallest timestamp, so a sweep finds the cut-off
/// for the least recently used entries without sorting them.
/// </summary>
internal static class OldestSelection
{
    /// <summary>The value that would be at index <paramref name="k"/> if <paramref name="values"/> were sorted; reorders it.</summary>
    public static long KthSmallest(Span<long> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            var mid = left + ((right - left) / 2);
            var pivot = Median(values[left], values[mid], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static long Median(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
