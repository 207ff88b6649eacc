using System.Text;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>
/// Writes a file by writing a temp file beside it, flushing it to disk, and moving it into place, so neither a
/// reader nor a crash sees a half-written file. The library has the same type (<c>RnnWorkbook.Text.AtomicFile</c>),
/// but internal; once the library makes it public, this one should call it instead of repeating it.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
