using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Completion;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Answers complete_request with Roslyn's completion service (Microsoft.CodeAnalysis.CSharp.Features):
/// members after a dot, variables and functions of earlier cells, types, keywords. Matches are filtered by
/// the word under the cursor and carry their kind in <c>_jupyter_types_experimental</c>, which JupyterLab
/// shows as icons.
/// </summary>
internal sealed class CompletionProvider
{
    // Composing Roslyn's editor services takes most of a second: done at the first completion, not at start.
    private readonly Lazy<SubmissionWorkspace> _workspace = new(() => new SubmissionWorkspace());

    /// <summary>Composes the editor services in the background, so the first completion does not wait for them.</summary>
    public void WarmUp() => _ = Task.Run(() => _workspace.Value);

    public async Task<JsonObject> CompleteAsync(ScriptSession session, string code, int cursorCodePoints)
    {
        var cursor = TextPositions.ToIndex(code, cursorCodePoints);
        var document = _workspace.Value.Edit(session, CellMask.Mask(code));
        var service = CompletionService.GetService(document)
            ?? throw new InvalidOperationException("Roslyn's C# completion service is not available.");
        var list = await service.GetCompletionsAsync(document, cursor);
        var span = list.Span;
        var typed = code[span.Start..Math.Min(cursor, span.End)];
        var items = list.ItemsList
            .Where(i => i.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => !i.FilterText.StartsWith(typed, StringComparison.Ordinal))
            .ThenBy(i => i.SortText, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var start = TextPositions.ToCodePoints(code, span.Start);
        var end = TextPositions.ToCodePoints(code, span.End);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(items.Select(i => (JsonNode?)Insertion(i)).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject
                {
                    ["start"] = start,
                    ["end"] = end,
                    ["text"] = Insertion(i),
                    ["type"] = Kind(i),
                }).ToArray()),
            },
        };
    }

    private static string Insertion(CompletionItem item) =>
        item.Properties.TryGetValue("InsertionText", out var text) && !string.IsNullOrEmpty(text) ? text : item.DisplayText;

    private static string Kind(CompletionItem item) => item.Tags.FirstOrDefault() switch
    {
        "Method" or "ExtensionMethod" => "method",
        "Property" => "property",
        "Field" or "Constant" or "EnumMember" => "field",
        "Local" or "Parameter" or "RangeVariable" => "variable",
        "Class" or "Structure" or "Record" or "RecordStruct" or "Interface" or "Delegate" or "Enum" or "TypeParameter" => "class",
        "Namespace" => "module",
        "Keyword" => "keyword",
        "Event" => "event",
        _ => "text",
    };
}
