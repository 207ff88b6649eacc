namespace RnnWorkbook.Scratch;

/// <summary>Shows training progress as one console line rewritten in place ('\r'), ended at the last step.</summary>
public sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    private readonly TextWriter _writer;
    private int _lastLength;

    /// <summary>Writes to <paramref name="writer"/>, or to the console when none is given.</summary>
    public ConsoleProgress(TextWriter? writer = null) => _writer = writer ?? Console.Out;

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string line = value.ToString();
        _writer.Write('\r');
        _writer.Write(line.PadRight(_lastLength));
        _lastLength = line.Length;
        if (value.Step == value.TotalSteps)
        {
            _writer.WriteLine();
            _lastLength = 0;
        }

        _writer.Flush();
    }
}
