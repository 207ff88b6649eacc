using System.Text.RegularExpressions;

namespace RnnWorkbook.Notebook.Sync;

/// <summary>
/// A fenced <c>```csharp</c> block in a markdown cell whose first line names library code, as a teaching cell's
/// does (<c>// from lib/RnnWorkbook/Scratch/Models/SimpleRnnLm.cs#Layers</c>). It shows a region that cannot
/// compile on its own (methods of a class, a constructor's body): read, never run, and kept equal to the library
/// by <c>notebook sync</c> like a teaching cell.
/// </summary>
/// <param name="Cell">The library code the block names.</param>
/// <param name="Start">Where the block's code starts in the markdown (the header line's first character).</param>
/// <param name="Length">The length of the code, up to the newline before the closing fence.</param>
public sealed partial record TeachingExcerpt(TeachingCell Cell, int Start, int Length)
{
    /// <summary>The excerpts of a markdown cell, in order.</summary>
    public static IReadOnlyList<TeachingExcerpt> Find(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var excerpts = new List<TeachingExcerpt>();
        foreach (Match block in FencedCSharp().Matches(markdown))
        {
            var code = block.Groups["code"];
            if (TeachingCell.Parse(code.Value) is { } cell)
            {
                excerpts.Add(new TeachingExcerpt(cell, code.Index, code.Length));
            }
        }

        return excerpts;
    }

    /// <summary>The markdown with every excerpt's code replaced by what the library has now.</summary>
    public static string Rewrite(string markdown, IReadOnlyList<TeachingExcerpt> excerpts, Func<TeachingCell, string> expectedCode)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(excerpts);
        ArgumentNullException.ThrowIfNull(expectedCode);
        var rewritten = markdown;
        foreach (var excerpt in excerpts.OrderByDescending(e => e.Start))
        {
            rewritten = string.Concat(rewritten.AsSpan(0, excerpt.Start), expectedCode(excerpt.Cell), rewritten.AsSpan(excerpt.Start + excerpt.Length));
        }

        return rewritten;
    }

    public string Code(string markdown) => markdown.Substring(Start, Length);

    [GeneratedRegex(@"^```(?:csharp|cs|c#)[ \t]*\r?\n(?<code>.*?)\r?\n```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedCSharp();
}
