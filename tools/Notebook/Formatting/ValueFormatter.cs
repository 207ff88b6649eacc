using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using RnnWorkbook.Display;

namespace RnnWorkbook.Notebook.Formatting;

/// <summary>
/// Turns any value into a <see cref="MimeBundle"/> through Microsoft.DotNet.Interactive.Formatting:
/// text/plain and text/html always, plus the extra MIME types preferred for the value's type (charts).
/// </summary>
public static class ValueFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    public static MimeBundle Format(object? value)
    {
        WorkbookFormatters.EnsureRegistered();
        lock (TableFormatter.RegistryLock)
        {
            return FormatLocked(value);
        }
    }

    private static MimeBundle FormatLocked(object? value)
    {
        var bundle = new MimeBundle();
        if (value is null)
        {
            return bundle.Add(PlainText, "<null>").Add(Html, "<code>&lt;null&gt;</code>");
        }

        var mimeTypes = new List<string> { PlainText, Html };
        mimeTypes.AddRange(Formatter.GetPreferredMimeTypesFor(value.GetType()).Where(m => !mimeTypes.Contains(m)));
        foreach (var mime in mimeTypes)
        {
            string text;
            try
            {
                text = Formatter.ToDisplayString(value, mime);
            }
            catch (Exception e) when (mime != PlainText)
            {
                // A broken rich view should not hide the value: the plain text still shows it.
                text = mime == Html ? $"<pre>{System.Net.WebUtility.HtmlEncode(e.Message)}</pre>" : "{}";
            }

            if (mime.EndsWith("json", StringComparison.Ordinal))
            {
                bundle.Add(mime, JsonNode.Parse(text) ?? new JsonObject());
            }
            else
            {
                bundle.Add(mime, text);
            }
        }

        return bundle;
    }
}
