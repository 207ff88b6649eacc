using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

/// <summary>Records progress reports synchronously (unlike Progress&lt;T&gt;, which posts them later).</summary>
internal sealed class RecordingProgress : IProgress<DownloadProgress>
{
    private readonly List<DownloadProgress> _reports = [];

    public IReadOnlyList<DownloadProgress> Reports => _reports;

    public void Report(DownloadProgress value) => _reports.Add(value);
}
