using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace RnnWorkbook.Display;

/// <summary>How exercise checks print a value: strings quoted and escaped, characters with their code point, numbers invariant, collections by their first items.</summary>
internal static class ValueText
{
    private const int MaxStringLength = 120;
    private const int MaxItems = 10;

    /// <summary>The value as the learner would write it; floating-point numbers with the tolerance allowed around them when one is given.</summary>
    public static string Show(object? value, double? tolerance = null) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => $"{Quote(c.ToString(), '\'')} (U+{(int)c:X4})",
        bool b => b ? "true" : "false",
        double or float or Half when tolerance is { } t && t > 0 => $"{Number(Convert.ToDouble(value))} (± {Number(Check.Allowed(Convert.ToDouble(value), t), "G3")})",
        double or float or Half => Number(Convert.ToDouble(value)),
        IDictionary d => "{" + Join(Entries(d).Select(e => $"{Show(e.Key)}: {Show(e.Value)}"), d.Count) + "}",
        ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(i => Show(t[i]))) + ")",
        Array { Rank: > 1 } a => $"{string.Join("×", Enumerable.Range(0, a.Rank).Select(a.GetLength))} array [{Join(a.Cast<object?>().Select(x => Show(x)), a.Length)}]",
        IEnumerable e => Items(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Number(double value, string format = "G10") =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString(format, CultureInfo.InvariantCulture);

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    private static string Items(IEnumerable items)
    {
        var list = items.Cast<object?>().Take(MaxItems + 1).ToList();
        var count = items is ICollection collection ? collection.Count : (int?)null;
        var shown = string.Join(", ", list.Take(MaxItems).Select(x => Show(x)));
        if (list.Count <= MaxItems)
        {
            return $"[{shown}]";
        }

        return count is { } n ? $"[{shown}, … ({n:N0} items)]" : $"[{shown}, …]";
    }

    private static string Join(IEnumerable<string> items, int count)
    {
        var shown = items.Take(MaxItems).ToList();
        return string.Join(", ", shown) + (count > MaxItems ? $", … ({count:N0} items)" : "");
    }

    private static string Quote(string text, char quote = '"')
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxStringLength) + 2).Append(quote);
        foreach (var c in text.Length > MaxStringLength ? text[..MaxStringLength] : text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                _ when c == quote => "\\" + c,
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        builder.Append(quote);
        return text.Length > MaxStringLength ? $"{builder}… ({text.Length:N0} characters)" : builder.ToString();
    }
}
