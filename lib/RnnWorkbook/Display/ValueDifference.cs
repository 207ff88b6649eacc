using System.Collections;
using System.Runtime.CompilerServices;

namespace RnnWorkbook.Display;

/// <summary>
/// Where an actual value first differs from the expected one, in words: numbers within a tolerance, strings
/// by first differing character, sequences and arrays by first differing index (or shape), dictionaries by
/// key, tuples by item. Used by <see cref="ExerciseCheck"/>.
/// </summary>
internal static class ValueDifference
{
    /// <summary>A lazy sequence enumerated once into a list (recursively), so that it is compared and shown as the same items.</summary>
    public static object? Snapshot(object? value) => value switch
    {
        null or string or ICollection or IDictionary => value,
        IEnumerable items => items.Cast<object?>().Select(Snapshot).ToList(),
        _ => value,
    };

    /// <summary>Null when the values are equal; otherwise the difference ("" when there is nothing to add to the two values).</summary>
    public static string? Find(object? expected, object? actual, double tolerance)
    {
        if (ReferenceEquals(expected, actual) || (expected is null && actual is null))
        {
            return null;
        }

        if (expected is null || actual is null)
        {
            return actual is null ? "the answer is null" : "";
        }

        if (IsInteger(expected) && IsInteger(actual))
        {
            return Convert.ToDecimal(expected) == Convert.ToDecimal(actual) ? null : "";
        }

        if (IsNumber(expected) && IsNumber(actual))
        {
            double e = Convert.ToDouble(expected), a = Convert.ToDouble(actual);
            return Check.Close(e, a, tolerance)
                ? null
                : $"off by {ValueText.Number(a - e)} (allowed: ± {ValueText.Number(Check.Allowed(e, tolerance), "G3")})";
        }

        return (expected, actual) switch
        {
            (string e, string a) => Strings(e, a),
            (IDictionary e, IDictionary a) => Dictionaries(e, a, tolerance),
            (ITuple e, ITuple a) when e.Length == a.Length => Tuples(e, a, tolerance),
            (Array { Rank: > 1 } e, Array a) => Arrays(e, a, tolerance),
            (IEnumerable e, IEnumerable a) when expected is not string && actual is not string => Sequences(e, a, tolerance),
            _ => Equals(expected, actual) ? null : "",
        };
    }

    private static string? Strings(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var common = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
            {
                return $"first difference at index {i} (character {i + 1}): expected {ValueText.Show(expected[i])}, got {ValueText.Show(actual[i])}";
            }
        }

        return actual.Length < expected.Length
            ? $"the answer stops after {actual.Length} characters; expected continues with {ValueText.Show(expected[common..])}"
            : $"the answer is longer: after {expected.Length} characters it continues with {ValueText.Show(actual[common..])}";
    }

    private static string? Sequences(IEnumerable expected, IEnumerable actual, double tolerance)
    {
        var e = expected.Cast<object?>().ToList();
        var a = actual.Cast<object?>().ToList();
        var common = Math.Min(e.Count, a.Count);
        for (var i = 0; i < common; i++)
        {
            if (Find(e[i], a[i], tolerance) is { } inner)
            {
                return $"first difference at index {i}: expected {ValueText.Show(e[i], tolerance)}, got {ValueText.Show(a[i])}{Detail(inner)}";
            }
        }

        if (e.Count == a.Count)
        {
            return null;
        }

        return a.Count < e.Count
            ? $"the answer has {a.Count} items, expected {e.Count}: from index {a.Count} on it is missing {ValueText.Show(e[a.Count], tolerance)}{(e.Count - a.Count > 1 ? ", …" : "")}"
            : $"the answer has {a.Count} items, expected {e.Count}: index {e.Count} holds an extra {ValueText.Show(a[e.Count])}";
    }

    private static string? Arrays(Array expected, Array actual, double tolerance)
    {
        var expectedShape = Shape(expected);
        var actualShape = Shape(actual);
        if (expectedShape != actualShape)
        {
            return $"shape: expected {expectedShape}, got {actualShape}";
        }

        var e = expected.Cast<object?>().ToList();
        var a = actual.Cast<object?>().ToList();
        for (var flat = 0; flat < e.Count; flat++)
        {
            if (Find(e[flat], a[flat], tolerance) is { } inner)
            {
                var index = new int[expected.Rank];
                for (int d = expected.Rank - 1, rest = flat; d >= 0; d--)
                {
                    index[d] = rest % expected.GetLength(d);
                    rest /= expected.GetLength(d);
                }

                return $"first difference at [{string.Join(", ", index)}]: expected {ValueText.Show(e[flat], tolerance)}, got {ValueText.Show(a[flat])}{Detail(inner)}";
            }
        }

        return null;
    }

    private static string? Dictionaries(IDictionary expected, IDictionary actual, double tolerance)
    {
        foreach (DictionaryEntry entry in expected)
        {
            if (!actual.Contains(entry.Key))
            {
                return $"key {ValueText.Show(entry.Key)} is missing (expected value {ValueText.Show(entry.Value, tolerance)})";
            }

            if (Find(entry.Value, actual[entry.Key], tolerance) is { } inner)
            {
                return $"at key {ValueText.Show(entry.Key)}: expected {ValueText.Show(entry.Value, tolerance)}, got {ValueText.Show(actual[entry.Key])}{Detail(inner)}";
            }
        }

        foreach (DictionaryEntry entry in actual)
        {
            if (!expected.Contains(entry.Key))
            {
                return $"unexpected key {ValueText.Show(entry.Key)} (with value {ValueText.Show(entry.Value)}); expected {expected.Count} keys, got {actual.Count}";
            }
        }

        return null;
    }

    private static string? Tuples(ITuple expected, ITuple actual, double tolerance)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (Find(expected[i], actual[i], tolerance) is { } inner)
            {
                return $"item {i + 1} differs: expected {ValueText.Show(expected[i], tolerance)}, got {ValueText.Show(actual[i])}{Detail(inner)}";
            }
        }

        return null;
    }

    private static string Detail(string inner) => inner.Length == 0 ? "" : $" ({inner})";

    private static string Shape(Array array) =>
        string.Join("×", Enumerable.Range(0, array.Rank).Select(array.GetLength));

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong;

    private static bool IsNumber(object value) =>
        IsInteger(value) || value is float or double or decimal or Half;
}
