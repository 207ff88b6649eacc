using RnnWorkbook.Notebook.Execution;
using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>An output sink that records what a cell produced.</summary>
internal sealed class RecordingSink : IOutputSink
{
    public List<(string Name, string Text)> Streams { get; } = [];

    public List<(string Id, MimeBundle Bundle)> Displays { get; } = [];

    public List<(string Id, MimeBundle Bundle)> Updates { get; } = [];

    public string Stdout => string.Concat(Streams.Where(s => s.Name == "stdout").Select(s => s.Text));

    public string Stderr => string.Concat(Streams.Where(s => s.Name == "stderr").Select(s => s.Text));

    public void WriteStream(string name, string text)
    {
        lock (Streams)
        {
            Streams.Add((name, text));
        }
    }

    public void Display(MimeBundle bundle, string displayId) => Displays.Add((displayId, bundle));

    public void UpdateDisplay(MimeBundle bundle, string displayId) => Updates.Add((displayId, bundle));
}
