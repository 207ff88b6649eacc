using System.Text;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>Sends writes to the current cell's sink as a stream output, or to the real console outside cells.</summary>
internal sealed class RoutingTextWriter(string streamName, TextWriter console) : TextWriter
{
    public override Encoding Encoding => console.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (OutputContext.Current is { } sink)
        {
            sink.WriteStream(streamName, value);
        }
        else
        {
            console.Write(value);
        }
    }

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        if (OutputContext.Current is null)
        {
            console.Flush();
        }
    }
}
