namespace RnnWorkbook.Book;

/// <summary>HTML escaping of the five characters that need it; every other character stays as it is (pages are UTF-8).</summary>
internal static class Html
{
    public static string Encode(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
