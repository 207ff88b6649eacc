namespace RnnWorkbook.Notebook.Runner;

/// <summary>Expands command-line arguments into notebook files: folders give their notebooks, sorted by name.</summary>
public static class NotebookFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                result.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.TopDirectoryOnly)
                    .Where(IsNotebook)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path) && IsNotebook(path))
            {
                result.Add(path);
            }
            else
            {
                throw new ArgumentException($"'{path}' is not a notebook (.ipynb, .dib) or a folder of notebooks.");
            }
        }

        if (result.Count == 0)
        {
            throw new ArgumentException("no notebooks given.");
        }

        return result;
    }

    private static bool IsNotebook(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);
}
