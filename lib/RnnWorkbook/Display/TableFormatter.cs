using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnWorkbook.Display;

/// <summary>
/// Sequences of records (C# records, anonymous types, tuples, key–value pairs) as real HTML tables: one column
/// per member with its name as the header, numbers right-aligned, text left-aligned. Other sequences keep the
/// formatter's own view. The library registers it when it loads (so .NET Interactive shows the same tables);
/// our engine compiles this same file and registers it too.
/// </summary>
internal static class TableFormatter
{
    public const int MaxRows = 100;

    private static bool s_registered;

    /// <summary>
    /// Held while formatters are registered and while a value is formatted. Microsoft.DotNet.Interactive.Formatting's
    /// registry is not safe to change while another thread formats (a test process runs several sessions at once,
    /// and the library registers when a session first loads it), and every copy of this file, in the library and
    /// in the engine, must take the same lock: the Formatter type is the one object they share.
    /// </summary>
    public static object RegistryLock => typeof(Formatter);

    /// <summary>
    /// Registers for every sequence. A registered formatter that declines does not fall back by itself, so the
    /// views it replaces (strings, other sequences) are taken before and used for what is not a table.
    /// </summary>
    public static void Register()
    {
        lock (RegistryLock)
        {
            if (s_registered)
            {
                return;
            }

            var strings = HtmlFormatter.GetPreferredFormatterFor(typeof(string));
            var sequences = HtmlFormatter.GetPreferredFormatterFor(typeof(IEnumerable));
            Formatter.Register(typeof(IEnumerable), (value, context) =>
                TryWrite(value, context.Writer) || (value is string ? strings : sequences).Format(value, context), "text/html");
            s_registered = true;
        }
    }

    /// <summary>Writes the table and returns true, or writes nothing and returns false when the value is not a sequence of records.</summary>
    public static bool TryWrite(object? value, TextWriter writer)
    {
        if (value is null or string or IDictionary { Count: 0 } || value is not IEnumerable sequence)
        {
            return false;
        }

        var rows = new List<object?>();
        var more = false;
        foreach (var item in sequence)
        {
            if (rows.Count == MaxRows)
            {
                more = true;
                break;
            }

            rows.Add(item);
        }

        if (rows.Count == 0 || rows.Any(r => r is null || !IsRecord(r.GetType())))
        {
            return false;
        }

        var columns = new List<(string Name, Func<object, object?> Read)>();
        foreach (var type in rows.Select(r => r!.GetType()).Distinct())
        {
            foreach (var member in Members(type))
            {
                if (!columns.Any(c => c.Name == member.Name))
                {
                    columns.Add((member.Name, row => Members(row.GetType()).FirstOrDefault(m => m.Name == member.Name).Read?.Invoke(row)));
                }
            }
        }

        var cells = rows.Select(r => columns.Select(c => c.Read(r!)).ToArray()).ToArray();
        var numeric = columns.Select((_, i) => cells.All(row => row[i] is null || IsNumber(row[i]!)) && cells.Any(row => row[i] is not null)).ToArray();

        writer.Write("<table class=\"rnnworkbook-table\"><thead><tr>");
        for (int i = 0; i < columns.Count; i++)
        {
            writer.Write(numeric[i] ? "<th style=\"text-align: right\">" : "<th style=\"text-align: left\">");
            writer.Write(WebUtility.HtmlEncode(columns[i].Name));
            writer.Write("</th>");
        }

        writer.Write("</tr></thead><tbody>");
        foreach (var row in cells)
        {
            writer.Write("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                writer.Write(numeric[i] ? "<td style=\"text-align: right\">" : "<td style=\"text-align: left\">");
                writer.Write(WebUtility.HtmlEncode(Text(row[i])));
                writer.Write("</td>");
            }

            writer.Write("</tr>");
        }

        writer.Write("</tbody></table>");
        if (more)
        {
            var total = value is ICollection collection ? $" of {collection.Count:N0}" : "";
            writer.Write($"<p class=\"rnnworkbook-table-note\">(the first {MaxRows} rows{total})</p>");
        }

        return true;
    }

    internal static bool IsRecord(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(KeyValuePair<,>) || type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)
                || type.FullName.StartsWith("System.Tuple`", StringComparison.Ordinal))
            {
                return true;
            }
        }

        var anonymous = type.IsDefined(typeof(CompilerGeneratedAttribute), false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal);
        var record = type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(System.Text.StringBuilder)]) is not null;
        return (anonymous || record) && Members(type).Count > 0;
    }

    private static List<(string Name, Func<object, object?> Read)> Members(Type type)
    {
        if (type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            return [.. type.GetFields(BindingFlags.Instance | BindingFlags.Public)
                .Where(f => f.Name.StartsWith("Item", StringComparison.Ordinal))
                .Select(f => (f.Name, (Func<object, object?>)f.GetValue))];
        }

        return [.. type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p.Name, (Func<object, object?>)p.GetValue))];
    }

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong
        or float or double or decimal or Half or Int128 or UInt128 or System.Numerics.BigInteger;

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f when IsNumber(value) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToDisplayString("text/plain"),
    };
}
