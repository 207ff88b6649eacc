using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Execution;
using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Runner;

/// <summary>
/// Collects a notebook's outputs as nbformat JSON while it runs: stream text is merged as Jupyter does,
/// and a display's <c>Update</c> rewrites the output it created, in whichever cell that was.
/// </summary>
internal sealed class NotebookOutputs : IOutputSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<JsonObject>> _displays = new(StringComparer.Ordinal);
    private JsonArray _current = [];

    /// <summary>Starts collecting the outputs of a new cell into <paramref name="outputs"/>.</summary>
    public void BeginCell(JsonArray outputs)
    {
        lock (_lock)
        {
            _current = outputs;
        }
    }

    public void WriteStream(string name, string text)
    {
        lock (_lock)
        {
            if (_current.Count > 0 && _current[^1] is JsonObject last
                && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
            {
                last["text"] = last["text"]!.GetValue<string>() + text;
                return;
            }

            _current.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = text });
        }
    }

    public void Display(MimeBundle bundle, string displayId)
    {
        lock (_lock)
        {
            var output = new JsonObject
            {
                ["data"] = bundle.ToNotebookJson(),
                ["metadata"] = new JsonObject(),
                ["output_type"] = "display_data",
            };
            _current.Add(output);
            if (!_displays.TryGetValue(displayId, out var shown))
            {
                _displays[displayId] = shown = [];
            }

            shown.Add(output);
        }
    }

    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        lock (_lock)
        {
            foreach (var output in _displays.GetValueOrDefault(displayId) ?? [])
            {
                output["data"] = bundle.ToNotebookJson();
            }
        }
    }

    public void AddResult(MimeBundle bundle, int executionCount)
    {
        lock (_lock)
        {
            _current.Add(new JsonObject
            {
                ["data"] = bundle.ToNotebookJson(),
                ["execution_count"] = executionCount,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "execute_result",
            });
        }
    }

    public void AddError(CellError error)
    {
        lock (_lock)
        {
            _current.Add(new JsonObject
            {
                ["ename"] = error.Name,
                ["evalue"] = error.Message,
                ["output_type"] = "error",
                ["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            });
        }
    }

    /// <summary>Stores stream text as a list of lines, the way Jupyter writes it.</summary>
    public void EndCell()
    {
        lock (_lock)
        {
            foreach (var output in _current.OfType<JsonObject>())
            {
                if (output["output_type"]?.GetValue<string>() == "stream" && output["text"] is JsonValue text)
                {
                    output["text"] = Documents.IpynbFormat.SplitLines(text.GetValue<string>());
                }
            }
        }
    }
}
