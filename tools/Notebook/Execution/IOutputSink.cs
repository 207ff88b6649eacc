using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Where a running cell's outputs go: the headless runner writes them into the notebook, the Jupyter kernel
/// publishes them on its iopub channel.
/// </summary>
public interface IOutputSink
{
    void WriteStream(string name, string text);

    void Display(MimeBundle bundle, string displayId);

    void UpdateDisplay(MimeBundle bundle, string displayId);
}
